// Caveats as typed rules (include/guarantor/model/coalition.hpp): the factories hold the
// invariants every reader of a caveat relies on, so none of them re-checks a value.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/model/coalition.hpp"

namespace guarantor::model {

Caveat Caveat::only_in(std::vector<Location> locations, std::string source) {
  if (locations.empty()) throw Error(ErrorCode::Schema, "", "a \"where\" caveat lists no location; expected at least one");
  for (auto it = locations.begin(); it != locations.end(); ++it)
    if (std::find(std::next(it), locations.end(), *it) != locations.end())
      throw Error(ErrorCode::Schema, "",
                  fmt::format("a \"where\" caveat lists {} twice; expected each location once", to_string(*it)));
  Caveat caveat(CaveatKind::Where, std::move(source));
  caveat.locations_ = std::move(locations);
  return caveat;
}

Caveat Caveat::from_phase(Phase phase, std::string source) {
  Caveat caveat(CaveatKind::When, std::move(source));
  caveat.phase_ = phase;
  return caveat;
}

Caveat Caveat::needs_condition(std::string condition, std::string source) {
  if (condition.empty()) throw Error(ErrorCode::Schema, "", "a \"condition\" caveat names no condition");
  Caveat caveat(CaveatKind::Condition, std::move(source));
  caveat.key_ = std::move(condition);
  return caveat;
}

Caveat Caveat::excludes_role(RequirementRole role, std::string source) {
  Caveat caveat(CaveatKind::ExcludedRole, std::move(source));
  caveat.role_ = role;
  return caveat;
}

Caveat Caveat::from_names(CaveatKind kind, const std::vector<std::string>& values, std::string source) {
  if (kind == CaveatKind::Where) {
    std::vector<Location> locations;
    for (const auto& value : values) {
      const auto location = location_from_string(value);
      if (!location)
        throw Error(ErrorCode::Schema, "",
                    fmt::format("got \"{}\"; expected ukraine, neighbouring_nato, black_sea or outside_theatre", value));
      locations.push_back(*location);
    }
    return only_in(std::move(locations), std::move(source));
  }
  if (values.size() != 1)
    throw Error(ErrorCode::Schema, "",
                fmt::format("got {} values; expected exactly one for a \"{}\" caveat", values.size(), to_string(kind)));
  switch (kind) {
    case CaveatKind::When: {
      const auto phase = phase_from_string(values.front());
      if (!phase) throw Error(ErrorCode::Schema, "", fmt::format("got \"{}\"; expected ceasefire or peace_deal", values.front()));
      return from_phase(*phase, std::move(source));
    }
    case CaveatKind::Condition: return needs_condition(values.front(), std::move(source));
    case CaveatKind::ExcludedRole: {
      const auto role = requirement_role_from_string(values.front());
      if (!role)
        throw Error(ErrorCode::Schema, "",
                    fmt::format("got \"{}\"; expected one of {}", values.front(), REQUIREMENT_ROLE_NAMES));
      return excludes_role(*role, std::move(source));
    }
    case CaveatKind::Where: break;
  }
  throw Error(ErrorCode::Internal, "", "unhandled caveat kind");
}

bool Caveat::allows(Location location) const noexcept {
  return kind_ != CaveatKind::Where || std::find(locations_.begin(), locations_.end(), location) != locations_.end();
}

std::vector<std::string> Caveat::value_names() const {
  switch (kind_) {
    case CaveatKind::Where: {
      std::vector<std::string> names;
      for (const Location location : locations_) names.emplace_back(to_string(location));
      return names;
    }
    case CaveatKind::When: return {std::string(to_string(phase_))};
    case CaveatKind::Condition: return {key_};
    case CaveatKind::ExcludedRole: return {std::string(to_string(*role_))};
  }
  return {};
}

}  // namespace guarantor::model
