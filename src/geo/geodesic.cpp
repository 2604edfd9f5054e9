#include "guarantor/geo/geodesic.hpp"

#include <cmath>
#include <numbers>

#include <GeographicLib/Geodesic.hpp>

namespace guarantor::geo {

namespace {
// IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, metres.
constexpr double MEAN_EARTH_RADIUS_M = 6371008.8;
constexpr double DEG_TO_RAD = std::numbers::pi / 180.0;
}  // namespace

Meters geodesic_distance(LonLat from, LonLat to) {
  double s12 = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(from.lat, from.lon, to.lat, to.lon, s12);
  return Meters{s12};
}

double initial_azimuth_deg(LonLat from, LonLat to) {
  double s12 = 0.0, azi1 = 0.0, azi2 = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(from.lat, from.lon, to.lat, to.lon, s12, azi1, azi2);
  return azi1;
}

LonLat destination(LonLat from, double azimuth_deg, Meters distance) {
  double lat2 = 0.0, lon2 = 0.0;
  GeographicLib::Geodesic::WGS84().Direct(from.lat, from.lon, azimuth_deg, distance.value, lat2, lon2);
  return LonLat{lon2, lat2};
}

Meters haversine_distance(LonLat from, LonLat to) noexcept {
  const double dlat = (to.lat - from.lat) * DEG_TO_RAD;
  const double dlon = (to.lon - from.lon) * DEG_TO_RAD;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(from.lat * DEG_TO_RAD) * std::cos(to.lat * DEG_TO_RAD) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return Meters{2.0 * MEAN_EARTH_RADIUS_M * std::asin(std::min(1.0, std::sqrt(a)))};
}

}  // namespace guarantor::geo
