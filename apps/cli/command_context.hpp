#pragma once
// What every command of the guarantor CLI shares: where the default scenario and the npm assets
// are, set once at start-up and passed in (no environment look-ups inside commands).
#include <filesystem>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "guarantor/io/scenario_loader.hpp"

namespace guarantor::cli {

struct CommandContext {
  std::filesystem::path default_scenario;  ///< data/default/scenario.json of the build tree
  std::filesystem::path asset_dir;         ///< node_modules with leaflet, milsymbol, world-atlas
  std::filesystem::path planning_dir;      ///< data/planning: planner parameters with sources
  std::filesystem::path data_root;         ///< data/: where "data:" references in scenarios resolve
  bool allow_outside_root = false;         ///< --allow-outside-root: references may leave their root
  double max_file_mb = 256;                ///< --max-file-mb: largest scenario file read
  std::string generator;                   ///< "guarantor <version>", recorded in outputs
  /// The action of the subcommand the user chose; it returns the process exit code.
  std::function<int()> run;

  [[nodiscard]] io::LoadOptions load_options() const {
    io::LoadOptions options;
    options.asset_dir = asset_dir;
    options.data_root = data_root;
    options.allow_outside_root = allow_outside_root;
    options.max_file_bytes = static_cast<std::uintmax_t>(max_file_mb * 1024 * 1024);
    return options;
  }
};

/// Recomputes a workspace database's history chain and prints its length; both `guarantor
/// workspace audit --db` and `guarantor audit --workspace` run it. Throws FileNotFound for an
/// SQLite file that is not there, Tampered (exit 9) naming the first altered or missing entry.
int audit_workspace_history(const std::string& location);

void add_validate_command(CLI::App& app, CommandContext& context);
void add_forcegen_command(CLI::App& app, CommandContext& context);
void add_show_command(CLI::App& app, CommandContext& context);
void add_plan_command(CLI::App& app, CommandContext& context);
void add_check_command(CLI::App& app, CommandContext& context);
void add_diff_command(CLI::App& app, CommandContext& context);
void add_verify_command(CLI::App& app, CommandContext& context);
void add_audit_command(CLI::App& app, CommandContext& context);
void add_workspace_command(CLI::App& app, CommandContext& context);
void add_serve_command(CLI::App& app, CommandContext& context);
void add_brief_command(CLI::App& app, CommandContext& context);
void add_scenario_command(CLI::App& app, CommandContext& context);

}  // namespace guarantor::cli
