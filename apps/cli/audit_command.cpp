// guarantor audit: check an evidence log's hash chain, name the first entry altered, removed or
// reordered, and optionally repeat its last run from the log alone.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::cli {

void add_audit_command(CLI::App& app, CommandContext& context) {
  struct AuditOptions {
    std::filesystem::path log;
    std::string expected_head;
    bool replay = false;
  };
  auto options = std::make_shared<AuditOptions>();
  auto* command = app.add_subcommand("audit", "Verify an evidence log and locate any entry altered, removed or reordered.");
  command->add_option("log", options->log, "evidence log (JSON Lines)")->required()->check(CLI::ExistingFile);
  command->add_option("--head", options->expected_head, "the published hash of the last entry, to detect a full rewrite");
  command->add_flag("--replay", options->replay, "repeat the last run from the log and compare its findings");
  command->callback([&context, options] {
    context.run = [options] {
      const verify::AuditResult audit = verify::audit_log_file(options->log, options->expected_head);
      if (!audit.ok()) {
        for (const auto& problem : audit.problems) std::cerr << problem.message << '\n';
        const auto& first = audit.problems.front();
        throw Error(ErrorCode::Tampered, fmt::format("{}:{}", options->log.string(), first.line),
                    fmt::format("{} (first of {} problems)", verify::to_string(first.kind), audit.problems.size()));
      }
      std::cout << fmt::format("{}: intact, {} entries, head {}\n", options->log.string(), audit.entries, audit.head_hash);
      if (options->replay) {
        const verify::ReplayResult replay = verify::replay_log(options->log);
        for (const auto& difference : replay.differences) std::cerr << difference << '\n';
        if (!replay.same())
          throw Error(ErrorCode::Consistency, options->log.string(),
                      fmt::format("the replay differs from the logged findings in {} places", replay.differences.size()));
        std::cout << fmt::format("replay: the same {} findings\n", replay.findings_replayed);
      }
      return 0;
    };
  });
}

}  // namespace guarantor::cli
