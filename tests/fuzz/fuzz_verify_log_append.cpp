// libFuzzer target: appending to arbitrary bytes taken as an existing evidence log. Whatever
// the file holds, the appender must either refuse it with an Error or append a run after which
// the log audits intact; recording the damage must always leave a log that audits intact.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/evidence_log.hpp"
#include "guarantor/verify/log_recovery.hpp"
#include "guarantor/verify/log_signing.hpp"

namespace {

using namespace guarantor::verify;

const std::filesystem::path& log_path() {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("fuzz_log_append_" + std::to_string(::getpid()) + ".jsonl");
  return path;
}

const SecretKey& key() {
  static const SecretKey secret = generate_secret_key();
  return secret;
}

void append_run(EvidenceLog& log) {
  log.append(log_kind::INPUT, {{"path", "fuzz.csv"}});
  log.append(log_kind::RUN_START, {});
  log.append(log_kind::REPORT, {{"id", "fuzz:1"}});
  log.append(log_kind::RUN_END, {});
  log.sign_head();
  log.flush();
}

void write(const std::uint8_t* data, std::size_t size) {
  std::ofstream out(log_path(), std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

void abort_unless_intact(const char* when) {
  const AuditResult audit = audit_log_file(log_path(), {}, {key().public_key()});
  if (audit.ok()) return;
  for (const AuditProblem& problem : audit.problems) std::fprintf(stderr, "%s: %s\n", when, problem.message.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  write(data, size);
  bool appended = false;
  try {
    LogOpenOptions options;
    options.signing_key = &key();
    EvidenceLog log = EvidenceLog::open_file(log_path(), options);
    append_run(log);
    appended = true;
  } catch (const guarantor::Error&) {
    // Refused: the file was not an intact, closed log.
  }
  if (appended && !audit_log_file(log_path()).ok()) std::abort();  // an accepted append broke the log

  write(data, size);
  try {
    (void)record_log_damage(log_path(), key());
  } catch (const guarantor::Error&) {
    std::filesystem::remove(log_path());
    return 0;  // e.g. a file that cannot be read
  }
  // After recording, only problems the record could not acknowledge may remain: none; and the
  // next run is accepted and leaves the log intact. The problems left are printed so the crash
  // report says which rule disagreed.
  abort_unless_intact("after recording the damage");
  try {
    LogOpenOptions options;
    options.signing_key = &key();
    EvidenceLog log = EvidenceLog::open_file(log_path(), options);
    append_run(log);
  } catch (const guarantor::Error& error) {
    std::fprintf(stderr, "refused after recording: %s\n", error.what());
    std::abort();
  }
  abort_unless_intact("after the next run");
  std::filesystem::remove(log_path());
  return 0;
}
