#pragma once
// The theatre check: which country an incident lies in (de jure: Crimea is Ukraine's) and whether
// it lies inside the monitored theatre (data/verify/theatre_scope.json). Incidents outside it
// (a fire in Tyumen or on Sakhalin) are kept and listed, never judged.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>


#include "guarantor/io/json_fields.hpp"
#include "guarantor/model/theatre.hpp"
#include "guarantor/verify/admin_areas.hpp"
#include "guarantor/verify/gazetteer.hpp"

namespace guarantor::verify {

class TheatreScope {
public:
  TheatreScope() = default;
  /// `countries`: outlines (de jure); `scope`: theatre_scope.json as read. Throws Error listing
  /// every problem of the file as "file:line /pointer".
  TheatreScope(std::vector<model::Country> countries, const io::JsonFile& scope);

  /// ISO code of the country containing p, "" at sea or beyond the outlines.
  [[nodiscard]] std::string country_at(geo::LonLat p) const;
  /// "" when p (in `country`) is inside the theatre, else why not.
  [[nodiscard]] std::string outside_reason(const std::string& country, geo::LonLat p) const;

private:
  struct InScope {
    std::string iso2;
    std::optional<double> max_lon;  ///< only west of this longitude
  };
  std::vector<model::Country> countries_;
  std::vector<InScope> in_scope_;
};

TheatreScope load_theatre_scope(std::vector<model::Country> countries, const std::filesystem::path& scope_file);

/// What locating a report may use; any pointer may be null.
struct Locator {
  const Gazetteer* gazetteer = nullptr;
  const AdminAreas* areas = nullptr;
  const TheatreScope* scope = nullptr;
};

/// Geocodes each report (place, then admin area), names its country and marks it out of theatre
/// where it is. Reports already located keep their coordinates.
void locate_reports(std::vector<Report>& reports, const Locator& locator, const GazetteerParams& params);

}  // namespace guarantor::verify
