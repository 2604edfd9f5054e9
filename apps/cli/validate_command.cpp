// guarantor validate: load every file of a scenario and the planning parameters, and report all
// problems at once, before any work.
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/planner/parameter_checks.hpp"
#include "guarantor/planner/parameters.hpp"

namespace guarantor::cli {

namespace {
struct ValidateArgs {
  std::filesystem::path scenario;
  std::filesystem::path planning;
};
}  // namespace

void add_validate_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand(
      "validate",
      "Load and check every file of a scenario and the planning parameters; list all problems with their location.");
  auto args = std::make_shared<ValidateArgs>();
  command->add_option("scenario", args->scenario,
                      "scenario manifest (scenario.json); default: the built-in default scenario");
  command->add_option("--planning", args->planning,
                      "planning parameters checked against the scenario (default: data/planning)");
  command->callback([&context, args] {
    context.run = [&context, args] {
      const auto path = args->scenario.empty() ? context.default_scenario : args->scenario;
      const auto planning = args->planning.empty() ? context.planning_dir : args->planning;
      // Both inputs are read whatever is wrong with the other, so one run lists every problem.
      std::vector<Diagnostic> problems;
      std::optional<model::Scenario> loaded;
      std::optional<planner::PlannerParameters> params;
      try {
        loaded = io::load_scenario(path, context.load_options());
      } catch (const Error& error) {
        problems = error.diagnostics();
      }
      try {
        params = planner::load_parameters(planning);
      } catch (const Error& error) {
        problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
      }
      if (loaded && params) {
        const auto gaps = planner::check_parameters(*loaded, *params, planning);
        problems.insert(problems.end(), gaps.begin(), gaps.end());
      }
      if (!problems.empty()) throw Error(std::move(problems));
      const auto& t = loaded->theatre;
      std::cout << fmt::format(
          "{}: valid. {} countries, {} regions, {} places, {} sites, {} dated areas; {} capabilities; "
          "{} nations, {} pledges{}; {} requirement lines in {} phases.\n",
          path.string(), t.countries.size(), t.regions.size(), t.places.size(), t.sites.size(), t.areas.size(),
          loaded->catalogue.capabilities.size(), loaded->coalition.nations.size(), loaded->coalition.pledges.size(),
          loaded->coalition.has_illustrative() ? " (ILLUSTRATIVE)" : "", loaded->mandate.requirements.size(),
          loaded->mandate.phases.size());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
