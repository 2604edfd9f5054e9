#pragma once
// The theatre: countries, regions, populated places, sites and dated areas (occupied territory).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/polygon.hpp"

namespace guarantor::model {

/// Where a country stands towards the mission.
enum class CountryRole { Host, NeighbourNato, NeighbourOther, Adversary };

struct Country {
  std::string iso2;        ///< ISO 3166-1 alpha-2, e.g. "UA"
  std::string iso_n3;      ///< ISO 3166-1 numeric, e.g. "804" (the world-atlas feature id)
  std::string name;
  CountryRole role = CountryRole::NeighbourOther;
  bool nato = false;
  bool eu = false;
  std::string rail_gauge_mm;  ///< "1520" or "1435": drives transshipment at borders
  geo::MultiPolygon area;     ///< de-jure territory (Crimea belongs to UA)
  std::string source;
};

/// An admin-1 region (oblast) of the host country.
struct Region {
  std::string iso_code;  ///< ISO 3166-2, e.g. "UA-63"
  std::string name;      ///< English name
  std::string name_uk;   ///< Ukrainian name
  geo::MultiPolygon area;
};

/// A populated place from GeoNames.
struct PopulatedPlace {
  std::int64_t geonameid = 0;
  std::string name;
  std::string ascii_name;
  std::vector<std::string> alternate_names;  ///< Ukrainian, Russian and transliterated spellings
  geo::LonLat position;
  std::string country;  ///< ISO 3166-1 alpha-2
  std::string admin1;   ///< GeoNames admin1 code
  std::int64_t population = 0;
  std::string feature_code;  ///< PPL, PPLA, PPLC, ...
};

enum class SiteKind { Energy, Airfield, Port, BorderCrossing, RailJunction, CandidateHub };

/// Operating state of a site as of the scenario date.
enum class SiteStatus { Operating, Damaged, Destroyed, Occupied, Closed };

/// A point facility: energy plant, airfield, port, border crossing, rail junction or hub site.
struct Site {
  std::string id;        ///< unique, e.g. "energy.khmelnytskyi_npp"
  std::string name;
  SiteKind kind = SiteKind::Energy;
  std::string subkind;   ///< energy: nuclear|thermal|hydro|chp|refinery|gas_storage|...;
                         ///< airfield: military|civil|joint; crossing: road|rail|road_rail
  geo::LonLat position;
  std::string country;   ///< ISO 3166-1 alpha-2
  SiteStatus status = SiteStatus::Operating;
  double capacity = 0.0;       ///< in capacity_unit (MW, aircraft, berths, trains/day, personnel)
  std::string capacity_unit;
  bool gauge_change = false;   ///< crossing where 1435 mm meets 1520 mm (transshipment)
  std::int64_t runway_m = 0;   ///< airfields: longest runway, metres (0 = unknown)
  std::string source;
};

/// A dated area, e.g. occupied territory as of a day.
struct DatedArea {
  std::string id;
  std::string kind;   ///< "occupied_area"
  /// The day the area describes (decoded at load; the reader refuses an area without one).
  Date as_of = Date::from_days(0);
  geo::MultiPolygon area;
  std::string source;
};

struct Theatre {
  std::vector<Country> countries;
  std::vector<Region> regions;
  std::vector<PopulatedPlace> places;
  std::vector<Site> sites;
  std::vector<DatedArea> areas;
  std::vector<std::string> attributions;  ///< lines to show in every output

  [[nodiscard]] const Country* find_country(std::string_view iso2) const noexcept;
  [[nodiscard]] const Site* find_site(std::string_view id) const noexcept;
  /// The country whose area contains p, or nullptr (sea, or outside the theatre).
  [[nodiscard]] const Country* country_at(geo::LonLat p) const noexcept;
  /// The region containing p, or nullptr.
  [[nodiscard]] const Region* region_at(geo::LonLat p) const noexcept;
  /// The occupied-area record in force on `as_of`: the latest dated on or before it, else the
  /// earliest; without `as_of`, the latest of all. nullptr when there is none.
  [[nodiscard]] const DatedArea* occupied_area(std::optional<Date> as_of = std::nullopt) const noexcept;
};

std::string_view to_string(CountryRole role);
std::string_view to_string(SiteKind kind);
std::string_view to_string(SiteStatus status);
std::optional<CountryRole> country_role_from_string(std::string_view text);
std::optional<SiteKind> site_kind_from_string(std::string_view text);
std::optional<SiteStatus> site_status_from_string(std::string_view text);

}  // namespace guarantor::model
