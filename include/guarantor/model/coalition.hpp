#pragma once
// The coalition: nations and their pledges, with caveats as data.
#include <optional>
#include <string>
#include <vector>

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

struct Caveat {
  CaveatKind kind = CaveatKind::Where;
  std::vector<std::string> values;  ///< Where: several locations allowed; others: exactly one
  std::string source;               ///< public statement the caveat is drawn from
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
  std::string valid_until;          ///< ISO 8601 date, empty = open-ended
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
