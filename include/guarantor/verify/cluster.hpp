#pragma once
// Clustering reports of the same event into incidents. Blocking by category, a spatial grid and
// time keeps the work near-linear; the result does not depend on input order because reports
// are processed in a canonical order; every merge records the rule, distance and time apart.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// Clustering parameters (docs/verifier.md "Parameters").
struct ClusterParams {
  /// Two precisely located reports of one event lie within this distance: a strike's footprint
  /// plus the error of positions read off imagery or maps.
  double max_distance_m = 5000;
  /// Cap on the gate after adding both reports' location uncertainty, so a region-level report
  /// cannot swallow every event in its region.
  double max_gate_m = 30000;
  /// Largest gap between two reports' time spans: reports of one night's strike are published
  /// the next morning; a bare date spans its whole day, so adjacent days have a gap of 1 s.
  UnixSeconds time_window_s = 12 * 3600;
  /// Largest time span of an incident; reports vaguer than this stay alone (no chaining). A
  /// night's strike dated the day it happened by one source and the next day by another spans two
  /// bare dates (48 h less a second); a third day's reports do not fit, so days do not chain.
  UnixSeconds max_span_s = 2 * 86400;
  /// Largest spatial extent of an incident: the diagonal of the box around its members'
  /// positions. Three gates: the scatter of "in <town>" reports around one site fits, a city's
  /// sites strung out gate by gate do not chain.
  double max_extent_m = 15000;
};

/// Why a report joined an incident.
struct MergeExplanation {
  std::size_t report = 0;       ///< index into the input reports
  std::size_t incident = 0;     ///< index into ClusterResult::incidents
  std::string_view rule;        ///< the rule that allowed it (static text, one per rule)
  double distance_m = 0;        ///< to the incident's position before the merge
  double gate_m = 0;            ///< the distance allowed for this pair
  UnixSeconds time_apart_s = 0; ///< gap between the report's and the incident's time spans
  std::size_t candidates = 0;   ///< incidents that passed the gates (the closest was chosen)
  double extent_m = 0;          ///< the incident's extent after the merge (<= max_extent_m)
  UnixSeconds span_s = 0;       ///< the incident's time span after the merge (<= max_span_s)
};

struct Incident {
  std::string id;                    ///< "I" + ordinal in canonical order
  std::vector<std::size_t> reports;  ///< indexes into the input, canonical order
  EventCategory category = EventCategory::Other;
  TargetKind target_kind = TargetKind::Unknown;  ///< most reported known kind
  bool target_contested = false;                 ///< reports name different known kinds
  WeaponClass weapon_class = WeaponClass::Unknown;
  geo::LonLat position;       ///< weighted mean of members (weights fall with uncertainty)
  double uncertainty_m = 0;   ///< smallest member uncertainty
  UnixSeconds first_s = 0;    ///< earliest member start
  UnixSeconds last_s = 0;     ///< latest member end
  std::string area;           ///< admin area when located only to one (Report::area), else ""
  std::string area_name;      ///< English name of `area` (Report::area_name), else ""
  /// The most precise member's precision: Area for an incident located only to an admin area.
  GeoPrecision precision = GeoPrecision::Unlocated;
  std::string country;        ///< ISO 3166-1 alpha-2 most members are in, "" unknown
  bool out_of_theatre = false;  ///< every member lies outside the theatre: not judged
  bool country_checked = false;  ///< a member's country was looked up in the theatre's outlines
};

struct ClusterResult {
  std::vector<Incident> incidents;
  std::vector<MergeExplanation> merges;
  std::vector<std::size_t> unlocated;  ///< reports without a position: not clustered
};

/// The merges of every incident in the order they happened: those of incident i are
/// ClusterResult::merges[order[k]] for k in [offsets[i], offsets[i + 1]). An incident's first
/// report (Incident::reports[0]) started it; each later one joined by one merge.
struct MergesByIncident {
  std::vector<std::size_t> offsets;
  std::vector<std::size_t> order;
};
MergesByIncident merges_by_incident(const ClusterResult& clusters);

/// A short, stable name of the rule that allowed a merge, for outputs: "distance_gate" (within the
/// distance gate and the time window) or "same_area" (both located only to the same admin area,
/// within the time window). MergeExplanation::rule holds the rule in words.
std::string_view merge_rule_name(const MergeExplanation& merge) noexcept;

/// Clusters located reports. Deterministic: any permutation of `reports` gives the same
/// incidents (as sets of reports) with the same ids and merges.
ClusterResult cluster_reports(const std::vector<Report>& reports, const ClusterParams& params);

/// True when two reports may describe the same event as far as category, target, area and
/// source coding go (distance and time are gated separately). Exposed for baselines and tests.
bool compatible(const Report& a, const Report& b) noexcept;

/// True for formats whose records are distinct events by the source's own coding (ACLED, UCDP):
/// two records of one such source are never merged.
bool codes_distinct_events(std::string_view format) noexcept;

/// The gate distance for a pair of reports under `params`.
double gate_distance_m(const Report& a, const Report& b, const ClusterParams& params) noexcept;

/// Gap between two time spans [start, start + uncertainty], 0 when they overlap.
UnixSeconds time_gap_s(UnixSeconds a_start, UnixSeconds a_end, UnixSeconds b_start, UnixSeconds b_end) noexcept;

}  // namespace guarantor::verify
