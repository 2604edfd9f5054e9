// Clipping and simplification of areas for drawing on the page.
#include "guarantor/report/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace guarantor::report {

namespace {

// Distance in degrees from p to the segment a-b (planar; only compared with the tolerance).
double segment_distance_deg(geo::LonLat p, geo::LonLat a, geo::LonLat b) {
  const double dx = b.lon - a.lon;
  const double dy = b.lat - a.lat;
  const double length2 = dx * dx + dy * dy;
  double t = 0.0;
  if (length2 > 0.0) t = std::clamp(((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / length2, 0.0, 1.0);
  return std::hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}

// Marks the vertices of ring[first..last] to keep. Iterative, because source rings have tens of
// thousands of vertices and recursion depth would follow the shape.
void mark_douglas_peucker(const geo::Ring& ring, std::size_t first, std::size_t last, double tolerance,
                          std::vector<bool>& keep) {
  std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [from, to] = stack.back();
    stack.pop_back();
    double worst = 0.0;
    std::size_t worst_idx = from;
    for (std::size_t idx = from + 1; idx < to; ++idx) {
      const double d = segment_distance_deg(ring[idx], ring[from], ring[to]);
      if (d > worst) {
        worst = d;
        worst_idx = idx;
      }
    }
    if (worst > tolerance) {
      keep[worst_idx] = true;
      stack.emplace_back(from, worst_idx);
      stack.emplace_back(worst_idx, to);
    }
  }
}

// One Sutherland-Hodgman pass against the half-plane where inside(p) holds.
geo::Ring clip_against(const geo::Ring& ring, const std::function<bool(geo::LonLat)>& inside,
                       const std::function<geo::LonLat(geo::LonLat, geo::LonLat)>& cross) {
  geo::Ring out;
  if (ring.empty()) return out;
  geo::LonLat previous = ring.back();
  bool previous_in = inside(previous);
  for (const geo::LonLat current : ring) {
    const bool current_in = inside(current);
    if (current_in != previous_in) out.push_back(cross(previous, current));
    if (current_in) out.push_back(current);
    previous = current;
    previous_in = current_in;
  }
  return out;
}

// Cheap rejection: a part whose outer ring's box misses the frame has nothing to draw.
bool intersects(const geo::Polygon& part, const geo::BoundingBox& frame) {
  geo::BoundingBox box;
  for (const geo::LonLat p : part.outer) box.extend(p);
  return !box.empty() && box.min_lon <= frame.max_lon && box.max_lon >= frame.min_lon &&
         box.min_lat <= frame.max_lat && box.max_lat >= frame.min_lat;
}

}  // namespace

geo::Ring simplify_ring(const geo::Ring& ring, double tolerance_deg) {
  if (ring.size() < 3) return {};
  if (tolerance_deg <= 0.0) return ring;
  // A ring that fits inside the tolerance would be drawn as a dot: islets, slivers.
  geo::BoundingBox box;
  for (const geo::LonLat p : ring) box.extend(p);
  if (box.max_lon - box.min_lon <= tolerance_deg && box.max_lat - box.min_lat <= tolerance_deg) return {};
  if (ring.size() == 3) return ring;
  // Anchor the closed ring at vertex 0 and the vertex farthest from it, so both halves are
  // open polylines and the ring's extent survives.
  std::size_t far_idx = 1;
  double far_d = 0.0;
  for (std::size_t idx = 1; idx < ring.size(); ++idx) {
    const double d = std::hypot(ring[idx].lon - ring[0].lon, ring[idx].lat - ring[0].lat);
    if (d > far_d) {
      far_d = d;
      far_idx = idx;
    }
  }
  geo::Ring closed = ring;
  closed.push_back(ring.front());
  std::vector<bool> keep(closed.size(), false);
  keep[0] = keep[far_idx] = keep[closed.size() - 1] = true;
  mark_douglas_peucker(closed, 0, far_idx, tolerance_deg, keep);
  mark_douglas_peucker(closed, far_idx, closed.size() - 1, tolerance_deg, keep);
  geo::Ring out;
  for (std::size_t idx = 0; idx + 1 < closed.size(); ++idx)
    if (keep[idx]) out.push_back(closed[idx]);
  if (out.size() < 3) out.clear();
  return out;
}

geo::Ring clip_ring(const geo::Ring& ring, const geo::BoundingBox& frame) {
  using geo::LonLat;
  const auto at_lon = [](double lon) {
    return [lon](LonLat a, LonLat b) {
      const double t = (lon - a.lon) / (b.lon - a.lon);
      return LonLat{lon, a.lat + t * (b.lat - a.lat)};
    };
  };
  const auto at_lat = [](double lat) {
    return [lat](LonLat a, LonLat b) {
      const double t = (lat - a.lat) / (b.lat - a.lat);
      return LonLat{a.lon + t * (b.lon - a.lon), lat};
    };
  };
  geo::Ring out = clip_against(ring, [&](LonLat p) { return p.lon >= frame.min_lon; }, at_lon(frame.min_lon));
  out = clip_against(out, [&](LonLat p) { return p.lon <= frame.max_lon; }, at_lon(frame.max_lon));
  out = clip_against(out, [&](LonLat p) { return p.lat >= frame.min_lat; }, at_lat(frame.min_lat));
  out = clip_against(out, [&](LonLat p) { return p.lat <= frame.max_lat; }, at_lat(frame.max_lat));
  if (out.size() < 3) out.clear();
  return out;
}

geo::MultiPolygon prepare_for_drawing(const geo::MultiPolygon& area, const DrawingTolerance& tolerance) {
  const bool clip = !tolerance.frame.empty();
  const auto prepare = [&](const geo::Ring& ring) {
    geo::Ring out = clip ? clip_ring(ring, tolerance.frame) : ring;
    return simplify_ring(out, tolerance.simplify_deg);
  };
  std::vector<geo::Polygon> parts;
  for (const geo::Polygon& part : area.parts()) {
    if (clip && !intersects(part, tolerance.frame)) continue;
    geo::Polygon drawn;
    drawn.outer = prepare(part.outer);
    if (drawn.outer.empty()) continue;
    for (const geo::Ring& hole : part.holes) {
      geo::Ring drawn_hole = prepare(hole);
      if (!drawn_hole.empty()) drawn.holes.push_back(std::move(drawn_hole));
    }
    parts.push_back(std::move(drawn));
  }
  return geo::MultiPolygon(std::move(parts));
}

}  // namespace guarantor::report
