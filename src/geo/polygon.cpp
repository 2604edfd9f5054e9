#include "guarantor/geo/polygon.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <GeographicLib/AzimuthalEquidistant.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

namespace guarantor::geo {

void BoundingBox::extend(LonLat p) noexcept {
  min_lon = std::min(min_lon, p.lon);
  max_lon = std::max(max_lon, p.lon);
  min_lat = std::min(min_lat, p.lat);
  max_lat = std::max(max_lat, p.lat);
}

void BoundingBox::extend(const BoundingBox& other) noexcept {
  if (other.empty()) return;
  extend(LonLat{other.min_lon, other.min_lat});
  extend(LonLat{other.max_lon, other.max_lat});
}

MultiPolygon::MultiPolygon(std::vector<Polygon> parts) : parts_(std::move(parts)) {
  for (const auto& part : parts_)
    for (const auto& p : part.outer) bounds_.extend(p);
}

std::size_t MultiPolygon::vertex_count() const noexcept {
  std::size_t count = 0;
  for (const auto& part : parts_) {
    count += part.outer.size();
    for (const auto& hole : part.holes) count += hole.size();
  }
  return count;
}

bool ring_contains(const Ring& ring, LonLat p) noexcept {
  // Crossing-number test; a point exactly on an edge counts as inside so that shared borders
  // between neighbouring regions never leave a point in neither.
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const LonLat& a = ring[i];
    const LonLat& b = ring[j];
    const double cross = (b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon);
    const bool within_lon = std::min(a.lon, b.lon) <= p.lon && p.lon <= std::max(a.lon, b.lon);
    const bool within_lat = std::min(a.lat, b.lat) <= p.lat && p.lat <= std::max(a.lat, b.lat);
    if (cross == 0.0 && within_lon && within_lat) return true;
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      inside = !inside;
    }
  }
  return inside;
}

bool MultiPolygon::contains(LonLat p) const noexcept {
  if (!bounds_.contains(p)) return false;
  for (const auto& part : parts_) {
    if (!ring_contains(part.outer, p)) continue;
    const bool in_hole = std::any_of(part.holes.begin(), part.holes.end(),
                                     [&](const Ring& hole) { return ring_contains(hole, p); });
    if (!in_hole) return true;
  }
  return false;
}

void MultiPolygon::append(const MultiPolygon& other) {
  parts_.insert(parts_.end(), other.parts_.begin(), other.parts_.end());
  bounds_.extend(other.bounds_);
}

namespace {
double ring_area_m2(const Ring& ring) {
  GeographicLib::PolygonArea area(GeographicLib::Geodesic::WGS84());
  for (const auto& p : ring) area.AddPoint(p.lat, p.lon);
  double perimeter = 0.0, signed_area = 0.0;
  // reverse=false, sign=true: orientation-independent magnitude via fabs below.
  area.Compute(false, true, perimeter, signed_area);
  return std::fabs(signed_area);
}
}  // namespace

double MultiPolygon::area_km2() const {
  double total_m2 = 0.0;
  for (const auto& part : parts_) {
    total_m2 += ring_area_m2(part.outer);
    for (const auto& hole : part.holes) total_m2 -= ring_area_m2(hole);
  }
  return total_m2 / 1e6;
}

Meters distance_to_segment(LonLat p, LonLat a, LonLat b) {
  // In an azimuthal equidistant projection centred on p, the distance from the origin to any
  // projected point is its true geodesic distance, so the planar point-segment distance is a
  // close and cheap approximation of the geodesic one.
  const GeographicLib::AzimuthalEquidistant projection(GeographicLib::Geodesic::WGS84());
  double ax = 0, ay = 0, bx = 0, by = 0, azi = 0, rk = 0;
  projection.Forward(p.lat, p.lon, a.lat, a.lon, ax, ay, azi, rk);
  projection.Forward(p.lat, p.lon, b.lat, b.lon, bx, by, azi, rk);
  const double dx = bx - ax, dy = by - ay;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0.0 ? -(ax * dx + ay * dy) / length2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return Meters{std::hypot(ax + t * dx, ay + t * dy)};
}

Meters MultiPolygon::distance_to_boundary(LonLat p) const {
  // Screen edges with a cheap lower bound in degree space, then measure the survivors exactly.
  // One degree of latitude is at least 110.57 km; one of longitude at least 111.32 km times the
  // cosine of the largest |latitude| involved. The 5 % slack keeps the bound safe for the
  // curvature of geodesics over the few hundred kilometres that matter here.
  constexpr double METERS_PER_DEGREE_FLOOR = 0.95 * 110570.0;
  double best = std::numeric_limits<double>::infinity();
  auto visit_ring = [&](const Ring& ring) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0; i < n; ++i) {
      const LonLat& a = ring[i];
      const LonLat& b = ring[(i + 1) % n];
      const double dlon = std::max({0.0, std::min(a.lon, b.lon) - p.lon, p.lon - std::max(a.lon, b.lon)});
      const double dlat = std::max({0.0, std::min(a.lat, b.lat) - p.lat, p.lat - std::max(a.lat, b.lat)});
      const double max_abs_lat = std::max({std::fabs(a.lat), std::fabs(b.lat), std::fabs(p.lat)});
      const double lon_scale = std::cos(max_abs_lat * std::numbers::pi / 180.0);
      const double lower_bound_m = METERS_PER_DEGREE_FLOOR * std::hypot(dlat, dlon * lon_scale);
      if (lower_bound_m >= best) continue;
      best = std::min(best, distance_to_segment(p, a, b).value);
    }
  };
  for (const auto& part : parts_) {
    visit_ring(part.outer);
    for (const auto& hole : part.holes) visit_ring(hole);
  }
  return Meters{best};
}

}  // namespace guarantor::geo
