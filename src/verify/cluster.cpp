#include "guarantor/verify/cluster.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "guarantor/geo/geodesic.hpp"

namespace guarantor::verify {
namespace {

// Fewest metres in one degree of latitude on WGS84 (at the equator): grid cells of
// gate / this many degrees are at least a gate tall everywhere.
constexpr double MIN_METRES_PER_DEGREE_LAT = 110574.0;
// Cells stop shrinking in longitude beyond this latitude (the theatre lies far below it).
constexpr double MAX_GRID_LATITUDE_DEG = 85.0;
constexpr double DEG_TO_RAD = 3.14159265358979323846 / 180.0;

// The merge rules, one logged with every merge.
constexpr std::string_view MERGE_RULE =
    "same category and compatible target, within the distance gate and the time window; extent and span "
    "within bounds; no two records one event dataset codes as distinct";
constexpr std::string_view AREA_MERGE_RULE =
    "same admin area (located only to it), same category and compatible target, within the time window; "
    "span within bound; no two records one event dataset codes as distinct";

// Votes per enumerator, indexed by the enum's value: iterating in index order is the enum order
// the majority's tie-break relies on.
constexpr std::size_t TARGET_KINDS = static_cast<std::size_t>(TargetKind::Other) + 1;
constexpr std::size_t WEAPON_CLASSES = static_cast<std::size_t>(WeaponClass::Other) + 1;

struct Working {
  Incident incident;
  double min_lon = 0, max_lon = 0, min_lat = 0, max_lat = 0;  ///< box around member positions
  std::vector<std::string_view> event_formats;  ///< formats of members that code distinct events
  std::map<std::string, std::size_t> countries;  ///< members per country
  std::size_t out_of_theatre = 0;
  double weight_sum = 0, lon_sum = 0, lat_sum = 0;
  std::array<std::uint32_t, TARGET_KINDS> target_votes{};
  std::array<std::uint32_t, WEAPON_CLASSES> weapon_votes{};
};

struct CellList {
  std::vector<std::size_t> incidents;
  std::size_t live_from = 0;  ///< entries before this can no longer match any later report
};

std::uint64_t cell_key(EventCategory category, std::int64_t cell_x, std::int64_t cell_y) {
  // 8 bits of category, 28 bits for each signed cell coordinate: ample for cells >= 1 km.
  constexpr std::uint64_t MASK = (1ULL << 28) - 1;
  return (static_cast<std::uint64_t>(category) << 56) | ((static_cast<std::uint64_t>(cell_x) & MASK) << 28) |
         (static_cast<std::uint64_t>(cell_y) & MASK);
}

double member_weight(const Report& report, const ClusterParams& params) {
  // Precise reports pull the incident's position more than vague ones.
  const double relative = report.location_uncertainty_m / params.max_distance_m;
  return 1.0 / ((1.0 + relative) * (1.0 + relative));
}

template <typename Key, std::size_t N>
Key majority(const std::array<std::uint32_t, N>& votes, Key none) {
  Key best = none;
  std::uint32_t best_count = 0;
  for (std::size_t index = 0; index < N; ++index) {  // enum order breaks ties deterministically
    const auto key = static_cast<Key>(index);
    if (key != none && votes[index] > best_count) {
      best = key;
      best_count = votes[index];
    }
  }
  return best;
}

void add_member(Working& working, std::size_t report_index, const Report& report, const ClusterParams& params) {
  Incident& incident = working.incident;
  const double weight = member_weight(report, params);
  working.weight_sum += weight;
  working.lon_sum += weight * report.position->lon;
  working.lat_sum += weight * report.position->lat;
  incident.position = {working.lon_sum / working.weight_sum, working.lat_sum / working.weight_sum};
  const geo::LonLat p = *report.position;
  if (incident.reports.empty()) {
    working.min_lon = working.max_lon = p.lon;
    working.min_lat = working.max_lat = p.lat;
    incident.area = report.area;
    incident.area_name = report.area_name;
  }
  incident.precision = std::min(incident.precision, report.precision);
  working.min_lon = std::min(working.min_lon, p.lon);
  working.max_lon = std::max(working.max_lon, p.lon);
  working.min_lat = std::min(working.min_lat, p.lat);
  working.max_lat = std::max(working.max_lat, p.lat);
  if (codes_distinct_events(report.format)) working.event_formats.push_back(report.format);
  if (!report.country.empty()) ++working.countries[report.country];
  incident.country_checked = incident.country_checked || report.country_checked;
  working.out_of_theatre += report.out_of_theatre ? 1 : 0;
  if (incident.reports.empty()) {
    incident.category = report.category;
    incident.uncertainty_m = report.location_uncertainty_m;
    incident.first_s = report.time_s;
    incident.last_s = report.time_s + report.time_uncertainty_s;
  }
  incident.reports.push_back(report_index);
  incident.uncertainty_m = std::min(incident.uncertainty_m, report.location_uncertainty_m);
  incident.first_s = std::min(incident.first_s, report.time_s);
  incident.last_s = std::max(incident.last_s, report.time_s + report.time_uncertainty_s);
  ++working.target_votes[static_cast<std::size_t>(report.target_kind)];
  ++working.weapon_votes[static_cast<std::size_t>(report.weapon_class)];
  incident.target_kind = majority(working.target_votes, TargetKind::Unknown);
  std::size_t known_kinds = 0;
  for (std::size_t kind = 0; kind < TARGET_KINDS; ++kind)
    known_kinds += static_cast<TargetKind>(kind) != TargetKind::Unknown && working.target_votes[kind] > 0 ? 1 : 0;
  incident.target_contested = known_kinds > 1;
  incident.weapon_class = majority(working.weapon_votes, WeaponClass::Unknown);
  incident.out_of_theatre = working.out_of_theatre == incident.reports.size();
  std::size_t most = 0;  // the country most members lie in; ties go to the first code in order
  for (const auto& [code, count] : working.countries)
    if (count > most) {
      most = count;
      incident.country = code;
    }
}

// Diagonal of the members' box once `p` is added, metres.
double extent_with(const Working& working, geo::LonLat p) {
  const geo::LonLat south_west{std::min(working.min_lon, p.lon), std::min(working.min_lat, p.lat)};
  const geo::LonLat north_east{std::max(working.max_lon, p.lon), std::max(working.max_lat, p.lat)};
  return geo::haversine_distance(south_west, north_east).value;
}

// Canonical order: by time, then every field that distinguishes reports, so that any input
// permutation is processed identically.
bool canonical_less(const Report& a, const Report& b) {
  return std::tie(a.time_s, a.category, a.position->lon, a.position->lat, a.time_uncertainty_s, a.id, a.origin) <
         std::tie(b.time_s, b.category, b.position->lon, b.position->lat, b.time_uncertainty_s, b.id, b.origin);
}

}  // namespace

bool codes_distinct_events(std::string_view format) noexcept {
  // A mapped feed declared "distinct_events" reads as "mapped_events:<name>" (column_mapping.hpp).
  return format == "acled" || format == "ucdp" || format.substr(0, 14) == "mapped_events:";
}

bool compatible(const Report& a, const Report& b) noexcept {
  if (a.category != b.category) return false;
  // A report located only to an area merges only with reports of that same area: its position
  // stands for the whole area, so a distance to a point report means nothing.
  if (a.area != b.area) return false;
  if (a.format == b.format && codes_distinct_events(a.format)) return false;
  // A strike on energy infrastructure and one on something else nearby are two incidents; two
  // different energy kinds for one strike are one contested incident.
  if (a.target_kind != TargetKind::Unknown && b.target_kind != TargetKind::Unknown &&
      is_energy_target(a.target_kind) != is_energy_target(b.target_kind))
    return false;
  return true;
}

double gate_distance_m(const Report& a, const Report& b, const ClusterParams& params) noexcept {
  return std::min(params.max_gate_m, params.max_distance_m + a.location_uncertainty_m + b.location_uncertainty_m);
}

UnixSeconds time_gap_s(UnixSeconds a_start, UnixSeconds a_end, UnixSeconds b_start, UnixSeconds b_end) noexcept {
  if (a_end < b_start) return b_start - a_end;
  if (b_end < a_start) return a_start - b_end;
  return 0;
}

ClusterResult cluster_reports(const std::vector<Report>& reports, const ClusterParams& params) {
  ClusterResult result;
  std::vector<std::size_t> order;
  double max_abs_lat = 0;
  for (std::size_t index = 0; index < reports.size(); ++index) {
    if (!reports[index].position) {
      result.unlocated.push_back(index);
      continue;
    }
    order.push_back(index);
    max_abs_lat = std::max(max_abs_lat, std::abs(reports[index].position->lat));
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return canonical_less(reports[a], reports[b]); });
  std::sort(result.unlocated.begin(), result.unlocated.end(),
            [&](std::size_t a, std::size_t b) { return std::tie(reports[a].id, reports[a].origin) < std::tie(reports[b].id, reports[b].origin); });

  const double cell_lat_deg = params.max_gate_m / MIN_METRES_PER_DEGREE_LAT;
  const double cell_lon_deg = cell_lat_deg / std::cos(std::min(max_abs_lat, MAX_GRID_LATITUDE_DEG) * DEG_TO_RAD);
  const auto cell_of = [&](geo::LonLat p) {
    return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(std::floor(p.lon / cell_lon_deg)),
                                                 static_cast<std::int64_t>(std::floor(p.lat / cell_lat_deg))};
  };

  std::vector<Working> working;
  std::unordered_map<std::uint64_t, CellList> cells;
  std::vector<std::size_t> seen_stamp;  // per incident: last report ordinal that considered it
  const auto index_incident = [&](std::size_t incident_index) {
    const auto [cx, cy] = cell_of(working[incident_index].incident.position);
    auto& list = cells[cell_key(working[incident_index].incident.category, cx, cy)].incidents;
    if (list.empty() || list.back() != incident_index) list.push_back(incident_index);
  };

  for (std::size_t ordinal = 0; ordinal < order.size(); ++ordinal) {
    const std::size_t report_index = order[ordinal];
    const Report& report = reports[report_index];
    const UnixSeconds report_end = report.time_s + report.time_uncertainty_s;
    const auto [cx, cy] = cell_of(*report.position);
    std::size_t best = SIZE_MAX, candidates = 0;
    double best_score = 0, best_distance = 0, best_gate = 0;
    UnixSeconds best_gap = 0;
    const bool too_vague = report.time_uncertainty_s > params.max_span_s;
    for (std::int64_t dx = -1; dx <= 1 && !too_vague; ++dx) {
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const auto found = cells.find(cell_key(report.category, cx + dx, cy + dy));
        if (found == cells.end()) continue;
        CellList& list = found->second;
        // Incidents that started before now - window - max span can never be joined again.
        while (list.live_from < list.incidents.size() &&
               working[list.incidents[list.live_from]].incident.first_s <
                   report.time_s - params.time_window_s - params.max_span_s)
          ++list.live_from;
        for (std::size_t slot = list.live_from; slot < list.incidents.size(); ++slot) {
          const std::size_t incident_index = list.incidents[slot];
          if (seen_stamp[incident_index] == ordinal + 1) continue;
          seen_stamp[incident_index] = ordinal + 1;
          const Incident& incident = working[incident_index].incident;
          const UnixSeconds gap = time_gap_s(report.time_s, report_end, incident.first_s, incident.last_s);
          if (gap > params.time_window_s) continue;
          if (std::max(report_end, incident.last_s) - std::min(report.time_s, incident.first_s) > params.max_span_s)
            continue;
          const Report& seed = reports[incident.reports.front()];
          if (!compatible(report, seed)) continue;
          const Working& candidate = working[incident_index];
          if (codes_distinct_events(report.format) &&
              std::find(candidate.event_formats.begin(), candidate.event_formats.end(), report.format) !=
                  candidate.event_formats.end())
            continue;
          const double extent = extent_with(candidate, *report.position);
          if (report.area.empty() && extent > params.max_extent_m) continue;
          if (incident.target_kind != TargetKind::Unknown && report.target_kind != TargetKind::Unknown &&
              is_energy_target(incident.target_kind) != is_energy_target(report.target_kind))
            continue;
          Report centre;
          centre.location_uncertainty_m = incident.uncertainty_m;
          const double gate = gate_distance_m(report, centre, params);
          const double distance = geo::haversine_distance(*report.position, incident.position).value;
          if (report.area.empty() && distance > gate) continue;
          ++candidates;
          const double score = distance / gate + static_cast<double>(gap) / static_cast<double>(params.time_window_s + 1);
          if (best == SIZE_MAX || score < best_score || (score == best_score && incident_index < best)) {
            best = incident_index;
            best_score = score;
            best_distance = distance;
            best_gate = gate;
            best_gap = gap;
          }
        }
      }
    }
    if (best == SIZE_MAX) {
      working.emplace_back();
      seen_stamp.push_back(0);
      add_member(working.back(), report_index, report, params);
      index_incident(working.size() - 1);
      continue;
    }
    add_member(working[best], report_index, report, params);
    index_incident(best);  // the position moved: make it findable from its new cell too
    const Working& merged = working[best];
    const geo::LonLat south_west{merged.min_lon, merged.min_lat}, north_east{merged.max_lon, merged.max_lat};
    result.merges.push_back({report_index, best, report.area.empty() ? MERGE_RULE : AREA_MERGE_RULE, best_distance,
                             best_gate, best_gap, candidates, geo::haversine_distance(south_west, north_east).value,
                             merged.incident.last_s - merged.incident.first_s});
  }

  result.incidents.reserve(working.size());
  for (std::size_t index = 0; index < working.size(); ++index) {
    working[index].incident.id = fmt::format("I{:06}", index + 1);
    result.incidents.push_back(std::move(working[index].incident));
  }
  return result;
}

MergesByIncident merges_by_incident(const ClusterResult& clusters) {
  MergesByIncident index;
  index.offsets.assign(clusters.incidents.size() + 1, 0);
  for (const MergeExplanation& merge : clusters.merges) ++index.offsets[merge.incident + 1];
  for (std::size_t incident = 1; incident < index.offsets.size(); ++incident)
    index.offsets[incident] += index.offsets[incident - 1];
  index.order.resize(clusters.merges.size());
  std::vector<std::size_t> next(index.offsets.begin(), index.offsets.end() - 1);
  for (std::size_t merge = 0; merge < clusters.merges.size(); ++merge)
    index.order[next[clusters.merges[merge].incident]++] = merge;
  return index;
}

std::string_view merge_rule_name(const MergeExplanation& merge) noexcept {
  return merge.rule == AREA_MERGE_RULE ? "same_area" : "distance_gate";
}

}  // namespace guarantor::verify
