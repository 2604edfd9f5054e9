// guarantor forcegen: the requirement-vs-pledge table per phase, as JSON, CSV and a summary.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/report/figures_table.hpp"
#include "guarantor/report/force_generation_export.hpp"

namespace guarantor::cli {

namespace {
struct ForcegenArgs {
  std::filesystem::path scenario;
  std::filesystem::path out = "out";
  double rotation_factor = 0.0;
};

void print_summary(const model::Scenario& scenario, const force::ForceGenerationResult& result) {
  if (result.illustrative) std::cout << "ILLUSTRATIVE PLEDGES: built from public statements, not real offers.\n";
  std::cout << fmt::format("lines: {} of {} covered by pledges ({})\n", force::lines_covered_by_pledges(scenario),
                           scenario.mandate.requirements.size(), force::COVERED_DEFINITION);
  for (const auto& phase : result.phases) {
    int covered = 0, partial = 0, missing = 0;
    for (const auto& line : phase.lines) {
      covered += line.status == force::LineStatus::Covered;
      partial += line.status == force::LineStatus::Partial;
      missing += line.status == force::LineStatus::Missing;
    }
    std::cout << fmt::format("phase {} (opens day {}): {} lines covered, {} partial, {} missing; personnel of the "
                             "units committed in the phase:\n",
                             model::to_string(phase.phase), phase.opens_day, covered, partial, missing);
    for (const auto& line : force::figure_lines(phase.rotation.figures))
      std::cout << fmt::format("  {:<22} {:>8g}  {}\n", line.label, line.value, line.definition);
    for (const auto& line : phase.lines) {
      if (line.status == force::LineStatus::Covered) continue;
      std::cout << fmt::format("  {} {} {}/{} {}: {}\n", line.line_id, line.capability, line.filled, line.required,
                               force::to_string(line.status),
                               line.gap_reasons.empty() ? std::string("-") : line.gap_reasons.front());
    }
  }
}
}  // namespace

void add_forcegen_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("forcegen", "Requirement lines against pledges per phase: covered, missing and why.");
  auto args = std::make_shared<ForcegenArgs>();
  command->add_option("scenario", args->scenario, "scenario manifest; default: the built-in default scenario");
  command->add_option("--out", args->out, "output directory for force_generation.json and .csv")->capture_default_str();
  command->add_option("--rotation-factor", args->rotation_factor,
                      "units needed per unit deployed for sustained presence (default: the mandate's, rule of thirds = 3)")
      ->check(CLI::Range(1.0, 10.0));
  command->callback([&context, args] {
    context.run = [&context, args] {
      io::OutputSet outputs(args->out);  // a bad --out fails here, before any work
      const auto path = args->scenario.empty() ? context.default_scenario : args->scenario;
      const auto scenario = io::load_scenario(path, context.load_options());
      const auto result = force::generate_force(scenario, {args->rotation_factor});
      // Published together: a failure leaves the previous JSON and CSV as they were.
      outputs.add("force_generation.json", report::force_generation_to_json(scenario, result).dump(2) + "\n");
      outputs.add("force_generation.csv", report::force_generation_to_csv(scenario, result));
      outputs.publish();
      print_summary(scenario, result);
      std::cout << fmt::format("wrote {} and {}\n", (args->out / "force_generation.json").string(),
                               (args->out / "force_generation.csv").string());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
