#pragma once
// Areas (regions, countries, occupied territory, zones) as multipolygons in lon/lat degrees.
// Containment is planar in degrees, which is exact for the edges as drawn in the source data
// (GeoJSON edges are straight in lon/lat, RFC 7946 §3.1.1); distances use the ellipsoid.
#include <vector>

#include "guarantor/geo/lon_lat.hpp"

namespace guarantor::geo {

/// A closed ring; the first position is not repeated at the end.
using Ring = std::vector<LonLat>;

/// One outer ring and its holes.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

/// Axis-aligned bounds in degrees.
struct BoundingBox {
  double min_lon = 180.0, min_lat = 90.0, max_lon = -180.0, max_lat = -90.0;
  [[nodiscard]] bool contains(LonLat p) const noexcept {
    return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
  }
  [[nodiscard]] bool empty() const noexcept { return min_lon > max_lon; }
  void extend(LonLat p) noexcept;
  void extend(const BoundingBox& other) noexcept;
};

/// A set of polygons with a cached bounding box for fast rejection.
class MultiPolygon {
public:
  MultiPolygon() = default;
  explicit MultiPolygon(std::vector<Polygon> parts);

  [[nodiscard]] const std::vector<Polygon>& parts() const noexcept { return parts_; }
  [[nodiscard]] const BoundingBox& bounds() const noexcept { return bounds_; }
  [[nodiscard]] bool empty() const noexcept { return parts_.empty(); }
  [[nodiscard]] std::size_t vertex_count() const noexcept;

  /// True when p lies inside (or on the edge of) any part, outside its holes.
  [[nodiscard]] bool contains(LonLat p) const noexcept;

  /// Adds the parts of another multipolygon (no dissolve; parts may touch).
  void append(const MultiPolygon& other);

  /// Area on the WGS84 ellipsoid in square kilometres (holes subtracted).
  [[nodiscard]] double area_km2() const;

  /// Shortest geodesic distance from p to any edge (outer rings and holes), whatever side p is on.
  [[nodiscard]] Meters distance_to_boundary(LonLat p) const;

private:
  std::vector<Polygon> parts_;
  BoundingBox bounds_;
};

/// True when p is inside the ring (even-odd rule; points on an edge count as inside).
bool ring_contains(const Ring& ring, LonLat p) noexcept;

/// Shortest geodesic distance from p to the segment a-b, computed on a local azimuthal
/// equidistant projection centred on p (exact for distances from p; error < 0.1 % below 500 km).
Meters distance_to_segment(LonLat p, LonLat a, LonLat b);

}  // namespace guarantor::geo
