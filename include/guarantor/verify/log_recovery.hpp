#pragma once
// Recording a damaged evidence log instead of hiding the damage: the monitor audits the log,
// and the problems found (and any last line cut short) become one "damage" entry chained to the
// last readable entry and signed with the monitor's key. Audits then show those problems as
// acknowledged and check everything after them as usual; appends are accepted again.
#include <filesystem>
#include <string>
#include <vector>

#include "guarantor/verify/audit.hpp"
#include "guarantor/verify/log_signing.hpp"

namespace guarantor::verify {

struct DamageRecord {
  bool recorded = false;                ///< false: the log was intact, nothing was written
  std::vector<AuditProblem> problems;   ///< what the damage entry records
  std::string partial_line;             ///< a last line cut short, removed from the file and recorded
  std::string head;                     ///< hash of the signed checkpoint closing the record
};

/// Locks the log, cuts off a last line without newline, audits it with `key`'s public key and
/// `other_keys` (earlier keys after a rotation) and, if anything is wrong, appends a damage
/// entry and a checkpoint signed with `key`. Throws Error (FileNotFound, OutputFailed).
DamageRecord record_log_damage(const std::filesystem::path& path, const SecretKey& key,
                               const std::vector<PublicKey>& other_keys = {});

}  // namespace guarantor::verify
