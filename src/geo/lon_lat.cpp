#include "guarantor/geo/lon_lat.hpp"

#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::geo {

bool is_valid(UncheckedLonLat raw) noexcept {
  return std::isfinite(raw.lon) && std::isfinite(raw.lat) && raw.lon >= -180.0 && raw.lon <= 180.0 &&
         raw.lat >= -90.0 && raw.lat <= 90.0;
}

LonLat to_checked(UncheckedLonLat raw, const std::string& where) {
  if (!is_valid(raw)) {
    throw Error(ErrorCode::Schema, where,
                fmt::format("got [{}, {}]; expected [longitude, latitude] with longitude in "
                            "[-180, 180] and latitude in [-90, 90] (degrees, WGS84)",
                            raw.lon, raw.lat));
  }
  return LonLat{raw.lon, raw.lat};
}

}  // namespace guarantor::geo
