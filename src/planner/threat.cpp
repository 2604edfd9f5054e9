// Threat distances. A country's outline holds thousands of edges, most of them far from the
// theatre (Russia reaches the Pacific), so only edges near the host country are kept, and each
// query first screens the kept edges with the fast spherical distance before the exact geodesic
// one: an edge can only be nearer than the nearest vertex found when one of its ends is within
// that distance plus the edge's length.
#include "guarantor/planner/threat.hpp"

#include <algorithm>
#include <limits>

#include "guarantor/geo/geodesic.hpp"

namespace guarantor::planner {

namespace {
// Edges of a country outline farther than this from the host's bounding box cannot matter to any
// band (the widest on file is 150 km): 3 degrees is at least 200 km at the theatre's latitudes.
constexpr double CLIP_MARGIN_DEG = 3.0;
// The spherical screen is within 0.5 % of the geodesic (geo::haversine_distance); keep edges with
// that much slack plus one kilometre so the exact minimum is never screened out.
constexpr double SCREEN_SLACK = 1.01;
constexpr double SCREEN_SLACK_KM = 1.0;

const model::Country* host_of(const model::Theatre& theatre) {
  for (const auto& country : theatre.countries)
    if (country.role == model::CountryRole::Host) return &country;
  return nullptr;
}

bool near_box(const geo::BoundingBox& box, geo::LonLat p) {
  return p.lon >= box.min_lon - CLIP_MARGIN_DEG && p.lon <= box.max_lon + CLIP_MARGIN_DEG &&
         p.lat >= box.min_lat - CLIP_MARGIN_DEG && p.lat <= box.max_lat + CLIP_MARGIN_DEG;
}
}  // namespace

const LineBasingFilter* ThreatRules::basing_filter(std::string_view line_id) const noexcept {
  for (const auto& filter : line_basing)
    if (filter.line_id == line_id) return &filter;
  return nullptr;
}

ThreatMap::ThreatMap(const model::Scenario& scenario, const std::vector<ThreatAxis>& axes, double contact_band_km) {
  const auto& theatre = scenario.theatre;
  if (const auto* occupied = theatre.occupied_area(scenario.as_of)) {
    Segments contact;
    contact.axis = "occupied_area";
    contact.band_km = contact_band_km;
    contact.contact = true;
    contact.area = &occupied->area;
    axes_.push_back(std::move(contact));
  }
  const auto* host = host_of(theatre);
  for (const auto& axis : axes) {
    Segments segments;
    segments.axis = axis.id;
    segments.band_km = axis.band_km;
    if (!axis.country.empty()) {
      const auto* country = theatre.find_country(axis.country);
      if (country == nullptr) continue;
      segments.area = &country->area;
      for (const auto& part : country->area.parts()) {
        auto add_ring = [&](const geo::Ring& ring) {
          for (std::size_t i = 0; i < ring.size(); ++i) {
            const auto a = ring[i];
            const auto b = ring[(i + 1) % ring.size()];
            if (host == nullptr || near_box(host->area.bounds(), a) || near_box(host->area.bounds(), b))
              segments.edges.emplace_back(a, b);
          }
        };
        add_ring(part.outer);
        for (const auto& hole : part.holes) add_ring(hole);
      }
    } else {
      for (const auto& p : axis.points) segments.edges.emplace_back(p, p);
    }
    axes_.push_back(std::move(segments));
  }
}

double ThreatMap::distance_km(const Segments& axis, geo::LonLat p) const {
  if (axis.contact) return axis.area->contains(p) ? 0.0 : axis.area->distance_to_boundary(p).km();
  if (axis.area != nullptr && axis.area->contains(p)) return 0.0;
  if (axis.edges.empty()) return std::numeric_limits<double>::infinity();
  double nearest_vertex = std::numeric_limits<double>::infinity();
  for (const auto& [a, b] : axis.edges)
    nearest_vertex = std::min({nearest_vertex, geo::haversine_distance(p, a).km(), geo::haversine_distance(p, b).km()});
  const double screen = nearest_vertex * SCREEN_SLACK + SCREEN_SLACK_KM;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& [a, b] : axis.edges) {
    const double to_end = std::min(geo::haversine_distance(p, a).km(), geo::haversine_distance(p, b).km());
    if (to_end - geo::haversine_distance(a, b).km() > screen) continue;
    const double km = (a == b) ? geo::geodesic_distance(p, a).km() : geo::distance_to_segment(p, a, b).km();
    best = std::min(best, km);
  }
  return best;
}

std::vector<AxisDistance> ThreatMap::distances(geo::LonLat p) const {
  std::vector<AxisDistance> out;
  out.reserve(axes_.size());
  for (const auto& axis : axes_) out.push_back({axis.axis, distance_km(axis, p), axis.band_km});
  return out;
}

std::optional<AxisDistance> ThreatMap::nearest(geo::LonLat p) const {
  std::optional<AxisDistance> best;
  for (const auto& d : distances(p))
    if (!best || d.km < best->km) best = d;
  return best;
}

std::optional<AxisDistance> ThreatMap::breach(geo::LonLat p) const {
  for (const auto& axis : axes_) {
    const AxisDistance d{axis.axis, distance_km(axis, p), axis.band_km};
    if (d.inside_band()) return d;
  }
  return std::nullopt;
}

std::optional<AxisDistance> ThreatMap::breach_except_contact(geo::LonLat p) const {
  for (const auto& axis : axes_) {
    if (axis.contact) continue;
    const AxisDistance d{axis.axis, distance_km(axis, p), axis.band_km};
    if (d.inside_band()) return d;
  }
  return std::nullopt;
}

}  // namespace guarantor::planner
