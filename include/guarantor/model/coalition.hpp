#pragma once
// The coalition: nations and their pledges, with caveats as data.
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/model/mandate_types.hpp"

namespace guarantor::model {

/// What kind of restriction a caveat places on a pledge.
enum class CaveatKind {
  Where,         ///< may deploy only in the listed locations (value: a Location name)
  When,          ///< may deploy only from a phase on (value: a Phase name)
  Condition,     ///< needs a condition precedent met (value: a condition key, e.g. us_backstop)
  ExcludedRole,  ///< may not take a role (value: a role name, e.g. combat)
};

/// A caveat as a typed rule, decoded once when the coalition is read. Built only through the
/// factories, which refuse impossible states (a place caveat with no place or a place twice, a
/// condition or role caveat naming nothing), so the planner and the checker never meet one.
class Caveat {
public:
  /// May serve only in `locations` (kept in the order the file lists them, for messages).
  /// Throws Error(Schema) when the list is empty or names a location twice.
  [[nodiscard]] static Caveat only_in(std::vector<Location> locations, std::string source);
  /// Usable only from `phase` on.
  [[nodiscard]] static Caveat from_phase(Phase phase, std::string source);
  /// Needs the condition precedent `condition` (a key of the mandate's conditions) met.
  /// Throws Error(Schema) when the key is empty.
  [[nodiscard]] static Caveat needs_condition(std::string condition, std::string source);
  /// May not take the role `role` (a requirement line's role).
  [[nodiscard]] static Caveat excludes_role(RequirementRole role, std::string source);
  /// The caveat a data file or a store row names by kind and value names; throws Error(Schema)
  /// naming the first value that does not fit the kind.
  [[nodiscard]] static Caveat from_names(CaveatKind kind, const std::vector<std::string>& values, std::string source);

  [[nodiscard]] CaveatKind kind() const noexcept { return kind_; }
  /// Where: the locations allowed (empty for other kinds).
  [[nodiscard]] const std::vector<Location>& locations() const noexcept { return locations_; }
  /// False only for a place caveat that does not list `location`.
  [[nodiscard]] bool allows(Location location) const noexcept;
  /// When: the first phase the pledge may serve in (Ceasefire for other kinds).
  [[nodiscard]] Phase phase() const noexcept { return phase_; }
  /// Condition: the condition precedent's key (empty for other kinds).
  [[nodiscard]] const std::string& key() const noexcept { return key_; }
  /// ExcludedRole: the role the pledge may not take (nullopt for other kinds).
  [[nodiscard]] std::optional<RequirementRole> excluded_role() const noexcept { return role_; }
  /// The public statement the caveat is drawn from.
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// The values as data files name them: locations, a phase, a condition key or a role.
  [[nodiscard]] std::vector<std::string> value_names() const;
  friend bool operator==(const Caveat&, const Caveat&) = default;

private:
  Caveat(CaveatKind kind, std::string source) : kind_(kind), source_(std::move(source)) {}
  CaveatKind kind_;
  std::vector<Location> locations_;
  Phase phase_ = Phase::Ceasefire;
  std::string key_;
  std::optional<RequirementRole> role_;
  std::string source_;
};

enum class PledgeStatus { Offered, Confirmed, Verified };

struct Pledge {
  std::string id;          ///< unique, e.g. "FR-1"
  std::string nation;      ///< ISO 3166-1 alpha-2
  std::string capability;  ///< catalogue code
  int quantity = 0;        ///< units of the capability
  int readiness_days = 0;  ///< days from the phase gate until the unit can deploy
  PledgeStatus status = PledgeStatus::Offered;
  std::vector<Caveat> caveats;
  std::optional<geo::LonLat> home;  ///< home base or staging area (default: the nation's)
  std::optional<Date> valid_until;  ///< last day the offer stands; nullopt = open-ended
  bool illustrative = true;         ///< built from public statements, not a real offer
  std::string source;
  /// Sites the pledge names (theatre site ids), e.g. the air bases a host nation offers; its
  /// units are placed there and nowhere else. Empty = any admissible site.
  std::vector<std::string> sites;
  /// The nation sustains the unit itself (its own rotation is part of the pledge), so the
  /// coalition's rotation pool neither needs nor counts it.
  bool includes_rotation = false;
};

struct Nation {
  std::string iso2;
  std::string name;
  bool nato = false;
  bool eu = false;
  geo::LonLat home;  ///< where its units are drawn on the map before deployment
  std::string source;
};

struct Coalition {
  std::string name;
  std::vector<Nation> nations;
  std::vector<Pledge> pledges;
  [[nodiscard]] const Nation* find_nation(std::string_view iso2) const noexcept;
  [[nodiscard]] const Pledge* find_pledge(std::string_view id) const noexcept;
  /// True when any pledge is illustrative; every output must then say so.
  [[nodiscard]] bool has_illustrative() const noexcept;
};

std::string_view to_string(CaveatKind kind);
std::string_view to_string(PledgeStatus status);
std::optional<CaveatKind> caveat_kind_from_string(std::string_view text);
std::optional<PledgeStatus> pledge_status_from_string(std::string_view text);

}  // namespace guarantor::model
