#include "guarantor/verify/log_recovery.hpp"

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/evidence_log.hpp"

namespace guarantor::verify {

DamageRecord record_log_damage(const std::filesystem::path& path, const SecretKey& key,
                               const std::vector<PublicKey>& other_keys) {
  if (!std::filesystem::exists(path)) throw Error(ErrorCode::FileNotFound, path.string(), "no evidence log here");
  DamageRecord record;
  LogOpenOptions options;
  options.signing_key = &key;
  options.check_tail = false;
  options.cut_partial_line = &record.partial_line;
  // Holding the lock from here on: no run appends while the damage is assessed and recorded.
  EvidenceLog log = EvidenceLog::open_file(path, options);
  std::vector<PublicKey> keys = other_keys;
  keys.push_back(key.public_key());
  const AuditResult audit = audit_log_file(path, {}, keys);
  record.problems = audit.problems;
  if (record.problems.empty() && record.partial_line.empty()) return record;
  nlohmann::json problems = nlohmann::json::array();
  for (const AuditProblem& problem : record.problems)
    problems.push_back({{"kind", to_string(problem.kind)}, {"line", problem.line}, {"seq", problem.seq},
                        {"message", problem.message}});
  nlohmann::json body{{"problems", problems},
                      {"partial_line", record.partial_line},
                      {"entries_readable", audit.entries},
                      {"note", "recorded with guarantor audit --record-damage; the problems listed stay visible "
                               "in every audit"}};
  log.append(log_kind::DAMAGE, body);
  log.sign_head();
  log.flush();
  record.head = log.head_hash();
  record.recorded = true;
  return record;
}

}  // namespace guarantor::verify
