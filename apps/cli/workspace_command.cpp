// guarantor workspace import|export: moves a scenario between scenario files and the workspace
// database that `guarantor serve` works on; add-user and set-password administer its users
// offline.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/store/workspace.hpp"
#include "guarantor/core/error.hpp"

namespace guarantor::cli {

namespace {
struct WorkspaceArgs {
  std::string user;
  std::string role;
  std::string nation;
  bool enable = false;              ///< set-password: also enable the user
  std::string db = "workspace.db";  ///< an SQLite file or a postgresql:// URL
  std::filesystem::path source;  ///< import: a scenario directory or its scenario.json
  std::filesystem::path out;     ///< export: the directory to write
};

// An existing workspace: an SQLite file that exists, or a PostgreSQL URL (checked on connect).
const CLI::Validator EXISTING_WORKSPACE(
    [](const std::string& location) -> std::string {
      if (store::is_database_url(location) || std::filesystem::is_regular_file(location)) return {};
      return "File does not exist: " + location + " (expected a workspace file or a postgresql:// URL)";
    },
    "FILE|URL");

constexpr const char* DB_HELP = "workspace database: an SQLite file, or a postgresql://user@host/database URL";

std::filesystem::path manifest_of(const std::filesystem::path& source) {
  return std::filesystem::is_directory(source) ? source / "scenario.json" : source;
}
}  // namespace

int audit_workspace_history(const std::string& location) {
  // Opening a file that is not there would create an empty workspace, whose history verifies.
  if (!store::is_database_url(location) && !std::filesystem::is_regular_file(location))
    throw Error(ErrorCode::FileNotFound, location,
                "no workspace here; expected a workspace file or a postgresql:// URL");
  const store::Workspace workspace(location);
  const auto entries = workspace.verify_history();
  std::cout << fmt::format("{}: history intact, {} entries\n", workspace.database_name(), entries);
  return 0;
}

void add_workspace_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("workspace", "Import a scenario into a workspace database, or export one as scenario files.");
  command->require_subcommand(1);
  auto args = std::make_shared<WorkspaceArgs>();

  auto* import = command->add_subcommand(
      "import", "Validate a scenario and make it the workspace's scenario (creates and migrates the database). "
                "Every changed record is recorded in the workspace history.");
  import->add_option("scenario", args->source, "scenario directory or scenario.json")->required();
  import->add_option("--db", args->db, DB_HELP)->capture_default_str();
  import->callback([&context, args] {
    context.run = [&context, args] {
      store::Workspace workspace(args->db);
      workspace.import_scenario(manifest_of(args->source), context.load_options(), "import");
      std::cout << fmt::format("imported {} into {}: {} nations, {} pledges, {} requirement lines\n",
                               manifest_of(args->source).string(), workspace.database_name(), workspace.nations().size(),
                               workspace.pledges().size(), workspace.requirement_lines().size());
      return 0;
    };
  });

  auto* add_user = command->add_subcommand(
      "add-user", "Add a user to the workspace; the password is read from the first line of standard input.");
  add_user->add_option("name", args->user, "user name (a-z, 0-9, '.', '_', '-')")->required();
  add_user->add_option("--role", args->role, std::string("role: ") + std::string(store::role_names()))->required();
  add_user->add_option("--nation", args->nation, "ISO 3166-1 alpha-2 code of a liaison's nation");
  add_user->add_option("--db", args->db, DB_HELP)->capture_default_str();
  add_user->callback([&context, args] {
    context.run = [args] {
      const auto role = store::role_from_string(args->role);
      if (!role) throw Error(ErrorCode::Usage, "--role", fmt::format("got \"{}\"; expected one of {}", args->role, store::role_names()));
      std::string password;
      std::getline(std::cin, password);
      store::Workspace workspace(args->db);
      const auto user = workspace.create_user(args->user, *role, args->nation, password, "cli");
      std::cout << fmt::format("added {} ({}{})\n", user.name, store::to_string(user.role),
                               user.nation.empty() ? "" : " of " + user.nation);
      return 0;
    };
  });

  // The way back in for a secretariat locked out (a forgotten password, or the last
  // administrator's account disabled by hand in the database): whoever can open the database
  // may set a password without the API.
  auto* set_password = command->add_subcommand(
      "set-password",
      "Set a user's password (read from the first line of standard input) and end the user's "
      "sessions; with --enable also enable a disabled user. Recorded in the history as done by cli.");
  set_password->add_option("name", args->user, "user name")->required();
  set_password->add_flag("--enable", args->enable, "also enable the user if it is disabled");
  set_password->add_option("--db", args->db, DB_HELP)->capture_default_str()->check(EXISTING_WORKSPACE);
  set_password->callback([&context, args] {
    context.run = [args] {
      std::string password;
      std::getline(std::cin, password);
      store::Workspace workspace(args->db);
      if (!workspace.user(args->user))
        throw Error(ErrorCode::Usage, "name",
                    fmt::format("got \"{}\"; no such user in {}", args->user, workspace.database_name()));
      const auto ended = workspace.set_password(args->user, password, {}, "cli");
      if (args->enable) workspace.set_user_disabled(args->user, false, "cli");
      const auto user = workspace.user(args->user);
      std::cout << fmt::format("set the password of {} ({} session{} ended){}\n", user->name, ended,
                               ended == 1 ? "" : "s",
                               user->disabled ? "; the user is disabled (enable it with --enable)" : "");
      return 0;
    };
  });

  auto* audit = command->add_subcommand(
      "audit", "Recompute the workspace history's hash chain; exit code 9 names the first altered or missing entry.");
  // No validator: a missing file is FileNotFound (exit 3) from audit_workspace_history, as for
  // `guarantor audit --workspace`.
  audit->add_option("--db", args->db, DB_HELP)->capture_default_str();
  audit->callback([&context, args] { context.run = [args] { return audit_workspace_history(args->db); }; });

  auto* export_command = command->add_subcommand(
      "export", "Write the workspace as scenario files (scenario.json, coalition.json, mandate.json, theatre/, "
                "catalogue/) that every other command reads.");
  export_command->add_option("dir", args->out, "output directory")->required();
  export_command->add_option("--db", args->db, DB_HELP)->capture_default_str()->check(EXISTING_WORKSPACE);
  export_command->callback([&context, args] {
    context.run = [args] {
      io::ensure_writable_directory(args->out);
      const store::Workspace workspace(args->db);
      workspace.export_scenario(args->out);
      std::cout << fmt::format("wrote {}\n", (args->out / "scenario.json").string());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
