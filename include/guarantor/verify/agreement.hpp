#pragma once
// Agreement provisions as data: which events a provision forbids (categories, target kinds,
// weapon classes with pull-back distances), where (a zone), when (a window), binding whom, and
// the release clause. Read from JSON (data/agreements/default_agreement.json).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/geo/polygon.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// Where a provision applies.
struct Zone {
  enum class Kind { Anywhere, Area, Band };
  Kind kind = Kind::Anywhere;
  geo::MultiPolygon area;  ///< Area: the polygon(s)
  /// Band: a polyline given inline, or the name of a line supplied at run time
  /// ("line_of_contact": the boundary of the occupied area).
  std::vector<geo::LonLat> line;
  std::string line_ref;
  double distance_m = 0;  ///< Band: half-width of the band around the line
};

/// A weapon class and the distance from the line it must be pulled back behind.
struct WeaponBand {
  WeaponClass weapon = WeaponClass::Unknown;
  double distance_m = 0;
};

struct Provision {
  std::string id;
  std::string title;
  std::vector<EventCategory> categories;   ///< events it concerns
  std::vector<TargetKind> target_kinds;    ///< empty: any target
  std::vector<WeaponBand> weapon_bands;    ///< non-empty: a pull-back provision
  Zone zone;
  UnixSeconds from_s = 0;                  ///< window start, inclusive
  std::optional<UnixSeconds> until_s;      ///< window end, exclusive; nullopt = open-ended
  std::vector<std::string> parties;        ///< parties bound, e.g. ["RU", "UA"]
  /// Countries on whose (de-jure) territory the provision applies, occupied areas included;
  /// empty: wherever the incident happened.
  std::vector<std::string> territory;
  std::string release_clause;
  std::vector<std::string> sources;
};

struct Agreement {
  std::string name;
  std::string description;
  std::vector<Provision> provisions;
  nlohmann::json document;  ///< the file as read, kept for the evidence log and replay
};

/// Reads and validates an agreement; every problem is reported with its JSON pointer. Throws Error.
Agreement load_agreement(const std::filesystem::path& path);
/// The same from parsed JSON; `name` is used in messages.
Agreement agreement_from_json(const nlohmann::json& root, const std::string& name);

}  // namespace guarantor::verify
