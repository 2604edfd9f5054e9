// guarantor audit: check an evidence log's hash chain and signed checkpoints, name the first
// entry altered, removed or reordered, optionally repeat its last run from the log alone, or
// record a damaged log's problems as a signed entry. guarantor keygen: the monitor's key pair.
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/log_recovery.hpp"
#include "guarantor/verify/log_signing.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::cli {

namespace {

void print_acknowledged(const verify::AuditResult& audit) {
  for (const auto& problem : audit.acknowledged) std::cerr << "recorded damage: " << problem.message << '\n';
}

int record_damage(const std::filesystem::path& log, const std::filesystem::path& secret,
                  const std::vector<verify::PublicKey>& keys) {
  const verify::SecretKey key = verify::read_secret_key(secret);
  const verify::DamageRecord record = verify::record_log_damage(log, key, keys);
  if (!record.recorded) {
    std::cout << fmt::format("{}: intact, nothing to record\n", log.string());
    return 0;
  }
  for (const auto& problem : record.problems) std::cerr << problem.message << '\n';
  if (!record.partial_line.empty())
    std::cerr << fmt::format("{}: an incomplete last line ({} bytes) was removed and recorded\n", log.string(),
                             record.partial_line.size());
  std::cout << fmt::format("{}: recorded {} problems{} as a signed damage entry; head {}\n", log.string(),
                           record.problems.size(), record.partial_line.empty() ? "" : " and the incomplete line",
                           record.head);
  return 0;
}

void add_keygen_command(CLI::App& app, CommandContext& context) {
  struct KeygenOptions {
    std::filesystem::path secret, public_key;
  };
  auto options = std::make_shared<KeygenOptions>();
  auto* command = app.add_subcommand(
      "keygen", "Create the monitor's Ed25519 key pair that signs evidence log checkpoints (docs/verifier.md).");
  command->add_option("--secret", options->secret, "secret key file to create (mode 0600; never overwritten)")
      ->required();
  command->add_option("--public", options->public_key, "public key file to write, for guarantor audit --key")
      ->required();
  command->callback([&context, options] {
    context.run = [options] {
      const verify::SecretKey key = verify::generate_secret_key();
      verify::write_key_pair(key, options->secret, options->public_key);
      std::cout << fmt::format("key {} written: secret {}, public {}\n", key.public_key().id(),
                               options->secret.string(), options->public_key.string());
      return 0;
    };
  });
}

}  // namespace

void add_audit_command(CLI::App& app, CommandContext& context) {
  struct AuditOptions {
    std::filesystem::path log;
    std::string workspace;  ///< --workspace: a workspace database's history instead of a log
    std::string expected_head;
    std::vector<std::filesystem::path> keys;
    std::filesystem::path sign_key;
    bool replay = false;
    bool record_damage = false;
  };
  auto options = std::make_shared<AuditOptions>();
  auto* command = app.add_subcommand(
      "audit",
      "Verify an evidence log, or with --workspace a workspace database's history, and locate any entry "
      "altered, removed or reordered.");
  command->add_option("log", options->log, "evidence log (JSON Lines)");  // missing file: FileNotFound, exit 3
  command->add_option("--workspace", options->workspace,
                      "verify this workspace database's history instead (an SQLite file or a postgresql:// URL); the "
                      "same check as guarantor workspace audit --db");
  command->add_option("--head", options->expected_head, "the published hash of the last entry, to detect a full rewrite");
  command->add_option("--key", options->keys,
                      "monitor's public key file; every run must end with a checkpoint it signed (repeat for "
                      "keys used before a rotation)");
  command->add_flag("--replay", options->replay, "repeat the last run from the log and compare its findings");
  command->add_flag("--record-damage", options->record_damage,
                    "append the problems found as one damage entry signed with --sign-key, so runs can append again");
  command->add_option("--sign-key", options->sign_key, "monitor's secret key file (with --record-damage)");
  command->callback([&context, options] {
    context.run = [options] {
      if (!options->workspace.empty()) {
        if (!options->log.empty())
          throw Error(ErrorCode::Usage, "--workspace",
                      "checks a workspace's history, not an evidence log; give one of them");
        if (!options->expected_head.empty() || !options->keys.empty() || options->replay || options->record_damage ||
            !options->sign_key.empty())
          throw Error(ErrorCode::Usage, "--workspace",
                      "--head, --key, --replay, --record-damage and --sign-key apply to evidence logs only");
        return audit_workspace_history(options->workspace);
      }
      if (options->log.empty())
        throw Error(ErrorCode::Usage, "log", "expected an evidence log (JSON Lines), or --workspace DB");
      // A missing key or log file is FileNotFound (exit 3) from its reader, never a usage error.
      if (!options->sign_key.empty() && !options->record_damage)
        throw Error(ErrorCode::Usage, "--sign-key",
                    "signs the damage entry of --record-damage and nothing else; give --record-damage as well, or "
                    "--key to verify checkpoints");
      std::vector<verify::PublicKey> keys;
      for (const auto& path : options->keys) keys.push_back(verify::read_public_key(path));
      if (options->record_damage) {
        if (options->sign_key.empty())
          throw Error(ErrorCode::Usage, "--record-damage", "needs --sign-key: the damage entry is signed");
        return record_damage(options->log, options->sign_key, keys);
      }
      const verify::AuditResult audit = verify::audit_log_file(options->log, options->expected_head, keys);
      print_acknowledged(audit);
      if (!audit.ok()) {
        for (const auto& problem : audit.problems) std::cerr << problem.message << '\n';
        const auto& first = audit.problems.front();
        throw Error(ErrorCode::Tampered, fmt::format("{}:{}", options->log.string(), first.line),
                    fmt::format("{} (first of {} problems)", verify::to_string(first.kind), audit.problems.size()));
      }
      std::cout << fmt::format("{}: intact, {} entries, head {}", options->log.string(), audit.entries, audit.head_hash);
      if (!keys.empty()) std::cout << fmt::format(", {} signed checkpoints verified", audit.checkpoints_verified);
      if (!audit.acknowledged.empty())
        std::cout << fmt::format(", {} recorded problems before the damage entry", audit.acknowledged.size());
      std::cout << '\n';
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
  add_keygen_command(app, context);
}

}  // namespace guarantor::cli
