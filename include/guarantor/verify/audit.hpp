#pragma once
// Verifying an evidence log: recomputes every hash and follows the chain, and names the first
// entry that was altered, removed or reordered.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "guarantor/verify/log_signing.hpp"

namespace guarantor::verify {

enum class TamperKind {
  Malformed,    ///< a line is not a log entry at all
  Altered,      ///< an entry's content no longer matches its hash (or a re-hashed entry breaks the chain)
  Removed,      ///< a sequence number is missing and never appears
  Reordered,    ///< entries appear out of sequence order
  ChainBroken,  ///< "prev" does not match the previous entry for another reason
  Truncated,    ///< the log does not end with a run_end entry: trailing entries were removed
  HeadMismatch, ///< the last hash differs from the head the user expected
  Unclosed,     ///< a run never ended (no run_end) before the next run began
  Unsigned,     ///< with keys: a run's end lacks a checkpoint, or a checkpoint names an unknown key
  BadSignature, ///< with keys: a checkpoint's signature does not verify (the log was rewritten)
};

std::string_view to_string(TamperKind kind);

struct AuditProblem {
  TamperKind kind = TamperKind::Altered;
  std::size_t line = 0;    ///< 1-based line where the problem shows
  std::uint64_t seq = 0;   ///< sequence number concerned
  std::string message;     ///< "where: what was found, what was expected"
};

struct AuditResult {
  std::size_t entries = 0;
  std::size_t checkpoints_verified = 0;  ///< checkpoints whose signature verified with a given key
  /// Problems a later damage entry recorded (guarantor audit --record-damage): shown, not failed.
  std::vector<AuditProblem> acknowledged;
  std::string head_hash;  ///< hash of the last entry; publish it to detect a fully rewritten log
  std::vector<AuditProblem> problems;  ///< in file order; the first is the one to act on
  [[nodiscard]] bool ok() const noexcept { return problems.empty(); }
};

/// Audits a log read from `in`; `name` is used in messages. If `expected_head` is not empty the
/// last hash must equal it (detects a log rewritten and re-hashed from the start).
AuditResult audit_log(std::istream& in, const std::string& name, const std::string& expected_head = {});

/// As above, and when `keys` is not empty every run's end must be followed by a checkpoint
/// signed by one of them (log_signing.hpp), and the log must end with such a checkpoint.
AuditResult audit_log(std::istream& in, const std::string& name, const std::string& expected_head,
                      const std::vector<PublicKey>& keys);

/// Audits a log file. Throws Error(FileNotFound) when it cannot be read.
AuditResult audit_log_file(const std::filesystem::path& path, const std::string& expected_head = {},
                           const std::vector<PublicKey>& keys = {});

}  // namespace guarantor::verify
