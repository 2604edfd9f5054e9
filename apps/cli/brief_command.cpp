// guarantor brief: the weekly brief of a workspace as PDF, printed exactly as
// GET /api/v1/weeks/{n}/brief.pdf prints it: a server on a free loopback port serves the
// brief page for the length of the print, and headless Chromium prints that page.
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/server/server.hpp"
#include "guarantor/store/workspace.hpp"

namespace guarantor::cli {

namespace {
struct BriefArgs {
  std::string db = "workspace.db";
  std::int64_t week = 0;
  std::filesystem::path out;
  std::string as_user;
  std::string chromium = "chromium";
  double time_limit_s = 30;
};

// The secretariat's view by default: the first active secretariat account.
std::string reader(const store::Workspace& workspace, const std::string& asked) {
  if (!asked.empty()) return asked;
  for (const auto& user : workspace.users())
    if (user.role == store::Role::Secretariat && !user.disabled) return user.name;
  throw Error(ErrorCode::Usage, "--as",
              "the workspace has no active secretariat account to print the brief as; name a user with --as USER");
}
}  // namespace

void add_brief_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("brief", "Print a week's brief of a workspace database to PDF (headless Chromium).");
  auto args = std::make_shared<BriefArgs>();
  command->add_option("--db", args->db, "workspace database: an SQLite file or a postgresql:// URL")->capture_default_str();
  command->add_option("--week", args->week, "the week's number")->required()->check(CLI::PositiveNumber);
  command->add_option("--out", args->out, "the PDF to write (replaced only when the print succeeded)")->required();
  command->add_option("--as", args->as_user,
                      "print the brief as this user sees it (default: the first secretariat account)");
  command->add_option("--chromium", args->chromium, "the browser that prints: a path or a name on PATH")->capture_default_str();
  command->add_option("--time-limit", args->time_limit_s, "seconds the browser may take before it is stopped")
      ->capture_default_str()->check(CLI::Range(1.0, 600.0));
  command->callback([&context, args] {
    context.run = [&context, args] {
      // Fails before printing when the output cannot be written (a missing or read-only directory).
      const auto directory = args->out.has_parent_path() ? args->out.parent_path() : std::filesystem::path(".");
      io::OutputSet output(directory);
      store::Workspace workspace(args->db);
      if (!workspace.week(args->week))
        throw Error(ErrorCode::Reference, "--week",
                    fmt::format("got {}; the workspace {} has no such week", args->week, workspace.database_name()));
      const std::string user = reader(workspace, args->as_user);
      server::ServerOptions options;
      options.host = "127.0.0.1";
      options.port = 0;
      options.asset_dir = context.asset_dir;
      options.interrupt_unfinished_jobs = false;  // a serving server may own them
      options.pdf.chromium = args->chromium;
      options.pdf.time_limit = std::chrono::milliseconds(static_cast<std::int64_t>(args->time_limit_s * 1000));
      server::Server server(workspace, workspace.load(context.load_options()), options);
      server.bind();
      std::thread serving([&server] { server.listen(); });
      while (!server.running()) std::this_thread::yield();
      std::string document;
      try {
        document = server.brief_pdf(args->week, user);
      } catch (...) {
        server.stop();
        serving.join();
        throw;
      }
      server.stop();
      serving.join();
      output.add(args->out.filename().string(), document);
      output.publish();
      std::cout << fmt::format("wrote {} ({} bytes): the brief of week {} as {} sees it\n", args->out.string(), document.size(),
                               args->week, user);
      return 0;
    };
  });
}

}  // namespace guarantor::cli
