// guarantor scenario new: a self-contained, editable copy of a scenario, anywhere.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/io/scenario_copy.hpp"

namespace guarantor::cli {

namespace {
struct ScenarioNewArgs {
  std::filesystem::path name;
  std::string from = "default";
};
}  // namespace

void add_scenario_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("scenario", "Manage scenario directories.");
  command->require_subcommand(1);
  auto* create = command->add_subcommand(
      "new", "Write a self-contained copy of a scenario to a new directory, ready to edit and validate.");
  auto args = std::make_shared<ScenarioNewArgs>();
  create->add_option("name", args->name, "the new scenario directory (must not exist, or be empty)")->required();
  create->add_option("--from", args->from, "\"default\", or the manifest (or directory) of the scenario to copy")
      ->capture_default_str();
  create->callback([&context, args] {
    context.run = [&context, args] {
      std::filesystem::path source =
          args->from == "default" ? context.default_scenario : std::filesystem::path(args->from);
      if (std::filesystem::is_directory(source)) source /= "scenario.json";
      const auto copy = io::copy_scenario(source, args->name, context.load_options());
      std::cout << fmt::format("wrote {} and {} files it names; check it with: guarantor validate {}\n",
                               copy.manifest.string(), copy.files.size(), copy.manifest.string());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
