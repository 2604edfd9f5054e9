#pragma once
// A normalised incident report: what one source said about one event, whatever its format.
// Adapters fill it from their rows; the gazetteer completes its location.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/verify/shared_text.hpp"

namespace guarantor::verify {

/// What happened, at the level the agreement's provisions speak of.
enum class EventCategory {
  Strike,                ///< air, missile, drone or artillery strike on a target
  NavalActivity,         ///< use of force at sea or against vessels and ports from the sea
  HeavyWeaponsPresence,  ///< heavy weapons observed or firing from a position
  GroundClash,           ///< armed clash between forces on the ground
  Other,                 ///< anything else reported (kept, never matches a kinetic provision)
};

/// What was hit; the first five are the 2025 energy moratorium's target kinds.
enum class TargetKind {
  Unknown,
  Refinery,
  OilGasPipelineStorage,
  PowerGenerationTransmission,
  NuclearPlant,
  HydroDam,
  Civilian,  ///< civilian objects other than energy infrastructure
  Military,
  Other,
};

/// Which weapon the report names; the first three are the pull-back bands' classes (GCSP).
enum class WeaponClass {
  Unknown,
  Artillery100mmPlus,      ///< tube artillery of calibre 100 mm or more
  Mlrs,                    ///< multiple-launch rocket systems
  LongRangeRocketMissile,  ///< long-range rockets and tactical (ballistic or cruise) missiles
  Drone,
  Aircraft,
  SmallArms,
  Other,
};

/// How a report's position was obtained (the geocoder's precision code, 1 best).
enum class GeoPrecision {
  Exact = 1,           ///< coordinates given and consistent with the named place (or none named)
  Place = 2,           ///< located at the centroid of an unambiguously named place
  PlaceAmbiguous = 3,  ///< the name matches several places; one chosen by the documented rule
  Conflict = 4,        ///< coordinates given but far from the named place; coordinates kept
  Area = 5,            ///< only an admin area (oblast, raion) is known; position stands for the area
  Unlocated = 6,       ///< neither usable coordinates, a known place name nor a known area
};

/// Seconds since 1970-01-01T00:00:00Z (the core date library's type).
using guarantor::UnixSeconds;

/// Text fields that many reports repeat (format, parties, places, areas, notes) are SharedText:
/// one copy per distinct value for a million reports.
struct Report {
  std::string id;      ///< unique key "<format>:<source id>"
  std::string origin;  ///< "file:line" (or "file /pointer") the report was read from
  SharedText  format;  ///< adapter name: guarantor_csv, guarantor_json, acled, ucdp, viina
  std::vector<std::string> outlets;  ///< who published it (independence is judged on these)
  SharedText  claimant;       ///< side making the claim ("UA", "RU", ...), "" = not stated
  SharedText  claimed_actor;  ///< who the report says did it, as claimed; "" = not stated
  EventCategory category = EventCategory::Other;
  TargetKind target_kind = TargetKind::Unknown;
  WeaponClass weapon_class = WeaponClass::Unknown;
  UnixSeconds time_s = 0;              ///< start of the reported time span
  UnixSeconds time_uncertainty_s = 0;  ///< span length: 86,399 for a date without a time
  /// The source gave a clock time without a zone: time_s is that wall-clock reading until
  /// resolve_local_times converts it from the reporting zone (input_checks.hpp).
  bool local_time = false;
  SharedText  place_name;              ///< as written in the report
  SharedText  admin1;                  ///< region as written, may be empty
  std::optional<geo::LonLat> position; ///< after geocoding: the position used
  double location_uncertainty_m = 0;   ///< radius the true position may lie within
  GeoPrecision precision = GeoPrecision::Unlocated;
  SharedText  geocode_note;            ///< why the precision is what it is
  /// Admin area the report is located to when precision is Area ("UA-63", or a raion
  /// "UA-63:izium"); "" otherwise. Reports of different areas never merge.
  SharedText  area;
  SharedText area_name;                ///< English name of `area` ("Kharkiv Oblast"), "" when none
  SharedText  country;                 ///< ISO 3166-1 alpha-2 of the position (de jure), "" unknown
  bool out_of_theatre = false;         ///< located outside the monitored theatre: kept, not judged
  /// The position was looked up in the theatre's country outlines: a "" country then means it
  /// lies in none of them (at sea, or beyond the outlines), not that no theatre was given.
  bool country_checked = false;
  std::string description;
  int fatalities = -1;                 ///< -1 = not stated
};

/// Stable snake_case names used in every file format; from_string returns nullopt when unknown.
std::string_view to_string(EventCategory value);
std::string_view to_string(TargetKind value);
std::string_view to_string(WeaponClass value);
std::string_view to_string(GeoPrecision value);
std::optional<EventCategory> event_category_from_string(std::string_view text);
std::optional<TargetKind> target_kind_from_string(std::string_view text);
std::optional<WeaponClass> weapon_class_from_string(std::string_view text);
std::optional<GeoPrecision> geo_precision_from_string(std::string_view text);

/// True for the five energy target kinds of the 2025 moratorium.
bool is_energy_target(TargetKind kind) noexcept;

}  // namespace guarantor::verify
