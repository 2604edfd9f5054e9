#pragma once
// Positions on the WGS84 ellipsoid. Longitude first everywhere, as in GeoJSON (RFC 7946).
#include <string>

namespace guarantor::geo {

/// Distance along the ellipsoid, in metres.
struct Meters {
  double value = 0.0;
  [[nodiscard]] double km() const noexcept { return value / 1000.0; }
  friend auto operator<=>(const Meters&, const Meters&) = default;
};

/// A checked WGS84 position in degrees: lon in [-180, 180], lat in [-90, 90].
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  friend bool operator==(const LonLat&, const LonLat&) = default;
};

/// Raw coordinates as read from input, not yet range-checked.
struct UncheckedLonLat {
  double lon = 0.0;
  double lat = 0.0;
};

/// Range-checks raw input; throws guarantor::Error (Schema) naming `where` when out of range.
LonLat to_checked(UncheckedLonLat raw, const std::string& where);

/// True when both coordinates are finite and inside the WGS84 ranges.
bool is_valid(UncheckedLonLat raw) noexcept;

}  // namespace guarantor::geo
