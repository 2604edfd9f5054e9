#pragma once
// What the workspace store holds besides the scenario model: how far a nation shares its
// pledges, record versions for optimistic concurrency, and history entries.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/model/coalition.hpp"
#include "guarantor/model/mandate.hpp"

namespace guarantor::store {

/// How much of its pledges a nation shows to other nations' liaisons.
enum class SharingLevel {
  Full,            ///< every field of every pledge
  CapabilityOnly,  ///< capability, quantity and phase-relevant readiness; no caveats, sources or homes
  Aggregate,       ///< only totals per capability, no individual pledge
};
std::string_view to_string(SharingLevel level);
std::optional<SharingLevel> sharing_level_from_string(std::string_view text);

struct NationRecord {
  model::Nation nation;
  SharingLevel sharing = SharingLevel::Full;
  std::int64_t version = 1;
};

/// A stored record with its version; every write increments the version, and a write that names
/// an older version is refused (VersionConflict), so no edit is ever silently lost.
template <typename Record>
struct Versioned {
  Record value;
  std::int64_t version = 1;
};
using PledgeRecord = Versioned<model::Pledge>;
using RequirementRecord = Versioned<model::RequirementLine>;

/// One audited change. `before`/`after` are the record's JSON (null for create/delete).
struct HistoryEntry {
  std::int64_t seq = 0;
  std::string at;      ///< ISO 8601 UTC
  std::string actor;   ///< user name, or "import" for a scenario import
  std::string action;  ///< create | update | delete | import | ...
  std::string entity;  ///< pledge | nation | requirement_line | scenario | ...
  std::string entity_id;
  nlohmann::json before;
  nlohmann::json after;
  std::string prev_hash;
  std::string hash;
};

/// A write named a version that is no longer current (someone else changed the record first).
class VersionConflict : public Error {
public:
  VersionConflict(const std::string& where, std::int64_t expected, std::int64_t current);
  [[nodiscard]] std::int64_t current_version() const noexcept { return current_; }

private:
  std::int64_t current_;
};

/// A record named by id does not exist.
class NotFound : public Error {
public:
  NotFound(const std::string& entity, const std::string& id);
};

}  // namespace guarantor::store
