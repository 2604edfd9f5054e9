// The evidence log is safe to append to: a damaged tail is refused (and can be recorded), two
// writers never interleave, a failed write leaves no half line, and signed checkpoints expose a
// log rewritten and re-hashed whole.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "guarantor/verify/log_recovery.hpp"
#include "guarantor/verify/log_signing.hpp"

namespace guarantor::verify {
namespace {

std::filesystem::path fresh_log(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_log_safety_test";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  return dir / name;
}

// One run as the pipeline writes it: inputs, run_start, work entries, run_end, checkpoint.
void append_run(EvidenceLog& log, int reports) {
  log.append(log_kind::INPUT, {{"path", "r.csv"}});
  log.append(log_kind::RUN_START, {{"parameters", {{"a", 1}}}});
  for (int i = 0; i < reports; ++i) log.append(log_kind::REPORT, {{"id", i}});
  log.append(log_kind::RUN_END, {{"counts", {{"read", reports}}}});
  log.sign_head();
  log.flush();
}

void write_run(const std::filesystem::path& path, const SecretKey* key = nullptr, int reports = 3) {
  LogOpenOptions options;
  options.signing_key = key;
  EvidenceLog log = EvidenceLog::open_file(path, options);
  append_run(log, reports);
}

std::vector<std::string> lines_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines, bool final_newline = true) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (std::size_t i = 0; i < lines.size(); ++i) out << lines[i] << (i + 1 < lines.size() || final_newline ? "\n" : "");
}

std::string refusal(const std::filesystem::path& path) {
  try {
    EvidenceLog log = EvidenceLog::open_file(path);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Tampered);
    return error.what();
  }
  return {};
}

TEST(LogSafety, AppendingToALogWhoseLastRunNeverEndedIsRefused) {
  const auto path = fresh_log("unclosed.jsonl");
  write_run(path);
  write_run(path);
  auto lines = lines_of(path);
  lines.pop_back();  // the second run's run_end: it was cut short or removed
  write_lines(path, lines);
  const std::string message = refusal(path);
  EXPECT_NE(message.find("not run_end"), std::string::npos) << message;
  EXPECT_NE(message.find("--record-damage"), std::string::npos) << "names the recovery command: " << message;
}

TEST(LogSafety, AppendingAfterAHalfWrittenLineIsRefused) {
  const auto path = fresh_log("half_line.jsonl");
  write_run(path);
  auto lines = lines_of(path);
  lines.push_back(lines.back().substr(0, 20));
  write_lines(path, lines, false);
  EXPECT_NE(refusal(path).find("incomplete"), std::string::npos);
}

TEST(LogSafety, AnInterruptedRunHiddenByALaterOneIsFoundByTheAudit) {
  const auto path = fresh_log("hidden.jsonl");
  {
    EvidenceLog log = EvidenceLog::open_file(path);
    log.append(log_kind::INPUT, {{"path", "r.csv"}});
    log.append(log_kind::RUN_START, {});
    log.append(log_kind::REPORT, {{"id", 1}});
    log.flush();  // then the run dies: no run_end
  }
  {
    // A writer that does not check the tail (as before) chains a complete run after it.
    LogOpenOptions unchecked;
    unchecked.check_tail = false;
    EvidenceLog log = EvidenceLog::open_file(path, unchecked);
    append_run(log, 1);
  }
  const AuditResult audit = audit_log_file(path);
  ASSERT_FALSE(audit.ok());
  EXPECT_EQ(audit.problems.front().kind, TamperKind::Unclosed);
  EXPECT_EQ(audit.problems.front().line, 1u);
}

TEST(LogSafety, RecordedDamageIsSignedAcknowledgedAndAppendsResume) {
  const auto path = fresh_log("recover.jsonl");
  const SecretKey key = generate_secret_key();
  write_run(path, &key);
  auto lines = lines_of(path);
  lines.push_back(lines.back().substr(0, 30));  // a write cut short
  write_lines(path, lines, false);
  const DamageRecord record = record_log_damage(path, key);
  EXPECT_TRUE(record.recorded);
  EXPECT_FALSE(record.partial_line.empty());
  const AuditResult after = audit_log_file(path, {}, {key.public_key()});
  EXPECT_TRUE(after.ok()) << (after.ok() ? "" : after.problems.front().message);
  EXPECT_EQ(after.checkpoints_verified, 2u);
  write_run(path, &key);  // accepted again
  EXPECT_TRUE(audit_log_file(path, {}, {key.public_key()}).ok());

  // A log whose run was cut short: the problem stays visible as acknowledged.
  const auto cut = fresh_log("recover_cut.jsonl");
  write_run(cut, &key);
  write_run(cut, &key);
  auto cut_lines = lines_of(cut);
  cut_lines.resize(cut_lines.size() - 2);
  write_lines(cut, cut_lines);
  EXPECT_FALSE(refusal(cut).empty());
  const DamageRecord cut_record = record_log_damage(cut, key);
  ASSERT_TRUE(cut_record.recorded);
  const AuditResult cut_audit = audit_log_file(cut, {}, {key.public_key()});
  EXPECT_TRUE(cut_audit.ok()) << (cut_audit.ok() ? "" : cut_audit.problems.front().message);
  EXPECT_EQ(cut_audit.acknowledged.size(), cut_record.problems.size());
  EXPECT_EQ(cut_audit.acknowledged.front().kind, TamperKind::Truncated);
  EXPECT_TRUE(refusal(cut).empty()) << "appends are accepted after the damage was recorded";
}

// The damage entry, its checkpoint and every later run take numbers after the last readable
// entry. When those are numbers that went missing earlier, the gap must still read as "removed",
// or the recorded problem would no longer match the one found and the audit would fail again.
TEST(LogSafety, EntriesAfterRecordedDamageTakingMissingNumbersKeepTheRecordedProblemsTheSame) {
  const SecretKey key = generate_secret_key();
  // first_missing 3: the damage entry takes it; 4: its checkpoint does; 5: the next run does.
  for (const int first_missing : {3, 4, 5}) {
    SCOPED_TRACE(first_missing);
    const auto path = fresh_log("recover_reused_seq.jsonl");
    write_run(path, &key);
    write_run(path, &key);
    auto lines = lines_of(path);
    const std::string copy_of_seq_2 = lines[2];
    lines.erase(lines.begin() + first_missing, lines.begin() + first_missing + 3);
    lines.push_back(copy_of_seq_2);  // seq 2 repeated at the end: the damage entry gets seq 3
    write_lines(path, lines);
    const AuditResult before = audit_log_file(path, {}, {key.public_key()});
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.problems.front().kind, TamperKind::Removed);
    const DamageRecord record = record_log_damage(path, key);
    ASSERT_TRUE(record.recorded);
    const AuditResult after = audit_log_file(path, {}, {key.public_key()});
    EXPECT_TRUE(after.ok()) << (after.ok() ? "" : after.problems.front().message);
    EXPECT_EQ(after.acknowledged.size(), record.problems.size());
    write_run(path, &key);  // seq 5..11
    const AuditResult next_run = audit_log_file(path, {}, {key.public_key()});
    EXPECT_TRUE(next_run.ok()) << (next_run.ok() ? "" : next_run.problems.front().message);
  }
}

TEST(LogSafety, ASecondWriterWaitsForTheLockAndTheChainStaysIntact) {
  const auto path = fresh_log("concurrent.jsonl");
  std::atomic<bool> second_opened{false};
  std::thread second;
  {
    EvidenceLog first = EvidenceLog::open_file(path);
    first.append(log_kind::INPUT, {{"path", "a.csv"}});
    first.append(log_kind::RUN_START, {});
    first.flush();
    second = std::thread([&] {
      EvidenceLog log = EvidenceLog::open_file(path);
      second_opened = true;
      append_run(log, 5);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_FALSE(second_opened) << "the second writer must wait while the first holds the log";
    for (int i = 0; i < 5; ++i) first.append(log_kind::REPORT, {{"id", i}});
    first.append(log_kind::RUN_END, {});
    first.flush();
  }
  second.join();
  EXPECT_TRUE(second_opened);
  const AuditResult audit = audit_log_file(path);
  EXPECT_TRUE(audit.ok()) << (audit.ok() ? "" : audit.problems.front().message);
  EXPECT_EQ(audit.entries, 2u * 8u);
}

TEST(LogSafety, AFailedWriteLeavesNoHalfLine) {
  const auto path = fresh_log("full_disk.jsonl");
  write_run(path);
  const auto size_before = std::filesystem::file_size(path);
  // A file size limit stands in for a full disk: write() fails part way (EFBIG).
  rlimit old_limit{};
  getrlimit(RLIMIT_FSIZE, &old_limit);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit limit = old_limit;
  limit.rlim_cur = size_before + 200;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limit), 0);
  bool failed = false;
  try {
    EvidenceLog log = EvidenceLog::open_file(path);
    append_run(log, 50);
  } catch (const Error& error) {
    failed = error.code() == ErrorCode::OutputFailed;
  }
  setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(failed);
  EXPECT_EQ(std::filesystem::file_size(path), size_before) << "cut back to the last complete entry";
  EXPECT_TRUE(audit_log_file(path).ok());
}

// What someone who can write the file can do: change an entry and re-hash the chain (and the
// checkpoint's head) from there on.
void rewrite_and_rehash(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<LogEntry> entries = read_log(in, path.string());
  in.close();
  entries[2].body["id"] = 99;  // a report changed
  std::string previous(GENESIS_HASH);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    LogEntry& entry = entries[i];
    if (entry.kind == log_kind::CHECKPOINT) entry.body["head"] = previous;
    entry.prev = previous;
    const std::string text = canonical_entry_text(entry.seq, entry.kind, entry.body, entry.prev);
    entry.hash = sha256_hex(text);
    nlohmann::json line = nlohmann::json::parse(text);
    line["hash"] = entry.hash;
    out << line.dump() << '\n';
    previous = entry.hash;
  }
}

TEST(LogSignatures, ARehashedLogPassesTheChainButNotTheKey) {
  const auto path = fresh_log("signed.jsonl");
  const SecretKey key = generate_secret_key();
  write_run(path, &key);
  write_run(path, &key);
  const AuditResult signed_audit = audit_log_file(path, {}, {key.public_key()});
  EXPECT_TRUE(signed_audit.ok()) << (signed_audit.ok() ? "" : signed_audit.problems.front().message);
  EXPECT_EQ(signed_audit.checkpoints_verified, 2u);

  rewrite_and_rehash(path);
  EXPECT_TRUE(audit_log_file(path).ok()) << "the chain alone cannot tell";
  const AuditResult audit = audit_log_file(path, {}, {key.public_key()});
  ASSERT_FALSE(audit.ok());
  EXPECT_EQ(audit.problems.front().kind, TamperKind::BadSignature);
}

TEST(LogSignatures, UnsignedRunsAndOtherKeysAreProblemsWithAKey) {
  const auto path = fresh_log("unsigned.jsonl");
  const SecretKey key = generate_secret_key();
  const SecretKey other = generate_secret_key();
  write_run(path, &key);
  write_run(path, nullptr);
  write_run(path, &other);
  const AuditResult audit = audit_log_file(path, {}, {key.public_key()});
  ASSERT_EQ(audit.problems.size(), 2u);
  EXPECT_EQ(audit.problems[0].kind, TamperKind::Unsigned);
  EXPECT_EQ(audit.problems[1].kind, TamperKind::Unsigned);
  EXPECT_NE(audit.problems[1].message.find("not one given with --key"), std::string::npos);
  EXPECT_EQ(audit_log_file(path, {}, {key.public_key(), other.public_key()}).problems.size(), 1u);
}

TEST(LogSignatures, BodiesOfTheWrongTypeAreFindingsNotExceptions) {
  // Checkpoint and damage bodies come from the file: wrong types must not throw out of audit.
  std::ostringstream text;
  {
    EvidenceLog log(text);
    log.append(log_kind::RUN_END, {});
    log.append(log_kind::CHECKPOINT, {{"seq", "zero"}, {"head", 7}, {"key", {1, 2}}, {"signature", nullptr}});
    log.append(log_kind::DAMAGE, {{"problems", {{{"kind", 3}, {"line", "one"}, {"message", false}}}},
                                  {"partial_line", 5}});
  }
  std::istringstream in(text.str());
  AuditResult audit;
  EXPECT_NO_THROW(audit = audit_log(in, "typed.jsonl", {}, {generate_secret_key().public_key()}));
  EXPECT_FALSE(audit.ok());
}

TEST(LogSignatures, KeyFilesRoundTripAndRefuseOverwrite) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_log_safety_test";
  std::filesystem::remove(dir / "k.key");
  std::filesystem::remove(dir / "k.pub");
  const SecretKey key = generate_secret_key();
  write_key_pair(key, dir / "k.key", dir / "k.pub");
  EXPECT_EQ(read_secret_key(dir / "k.key").bytes, key.bytes);
  EXPECT_EQ(read_public_key(dir / "k.pub").bytes, key.public_key().bytes);
  EXPECT_EQ(std::filesystem::status(dir / "k.key").permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  EXPECT_THROW(write_key_pair(key, dir / "k.key", dir / "k2.pub"), Error);
  EXPECT_THROW((void)read_public_key(dir / "k.key"), Error);
}

}  // namespace
}  // namespace guarantor::verify
