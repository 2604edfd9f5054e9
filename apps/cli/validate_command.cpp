// guarantor validate: load every file of a scenario and report all problems at once.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"

namespace guarantor::cli {

void add_validate_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("validate", "Load and check every file of a scenario; list all problems with their location.");
  auto scenario = std::make_shared<std::filesystem::path>();
  command->add_option("scenario", *scenario, "scenario manifest (scenario.json); default: the built-in default scenario");
  command->callback([&context, scenario] {
    context.run = [&context, scenario] {
      const auto path = scenario->empty() ? context.default_scenario : *scenario;
      const auto loaded = io::load_scenario(path, context.load_options());
      const auto& t = loaded.theatre;
      std::cout << fmt::format(
          "{}: valid. {} countries, {} regions, {} places, {} sites, {} dated areas; {} capabilities; "
          "{} nations, {} pledges{}; {} requirement lines in {} phases.\n",
          path.string(), t.countries.size(), t.regions.size(), t.places.size(), t.sites.size(), t.areas.size(),
          loaded.catalogue.capabilities.size(), loaded.coalition.nations.size(), loaded.coalition.pledges.size(),
          loaded.coalition.has_illustrative() ? " (ILLUSTRATIVE)" : "", loaded.mandate.requirements.size(),
          loaded.mandate.phases.size());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
