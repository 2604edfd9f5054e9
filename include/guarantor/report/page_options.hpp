#pragma once
// What the theatre page shows and where its libraries come from.
#include <cstdint>
#include <filesystem>
#include <string>

namespace guarantor::report {

/// Options of the offline theatre page. Defaults keep a page of the default scenario a few MB.
struct PageOptions {
  /// Directory holding the npm packages (node_modules): leaflet/dist/{leaflet.js, leaflet.css,
  /// images/*} and milsymbol/dist/milsymbol.js are read from it and inlined into the page.
  std::filesystem::path asset_dir;
  /// Populated places in the host country at or above this population are drawn.
  std::int64_t min_place_population = 20'000;
  /// Populated places in other countries at or above this population are drawn (context only).
  std::int64_t min_place_population_abroad = 100'000;
  /// Places at or above this population carry a permanent name label on the map.
  std::int64_t label_place_population = 300'000;
  /// Douglas-Peucker tolerance for country outlines, degrees (0.01 deg is about 1 km).
  double country_simplify_deg = 0.02;
  /// Tolerance for oblasts and dated areas, degrees; finer, because they are read up close.
  double region_simplify_deg = 0.005;
  /// Degrees of margin around the host country for the initial view; areas are clipped to a
  /// frame three times as wide so no clipped edge is visible at the initial extent.
  double view_margin_deg = 3.0;
  /// Decimal places kept for coordinates in the embedded data (4 is about 10 m).
  int coordinate_decimals = 4;
  /// Page title; empty uses the scenario's name.
  std::string title;
};

}  // namespace guarantor::report
