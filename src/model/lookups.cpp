// Look-ups over the scenario's collections. Collections are small (tens to thousands of
// entries) and looked up rarely, so a linear scan beats keeping indexes in sync.
#include <algorithm>

#include "guarantor/model/scenario.hpp"

namespace guarantor::model {

namespace {
template <typename Range, typename Pred>
auto* find_in(const Range& range, Pred pred) {
  auto it = std::find_if(range.begin(), range.end(), pred);
  return it == range.end() ? nullptr : &*it;
}
}  // namespace

const Country* Theatre::find_country(std::string_view iso2) const noexcept {
  return find_in(countries, [&](const Country& c) { return c.iso2 == iso2; });
}
const Site* Theatre::find_site(std::string_view id) const noexcept {
  return find_in(sites, [&](const Site& s) { return s.id == id; });
}
const Country* Theatre::country_at(geo::LonLat p) const noexcept {
  return find_in(countries, [&](const Country& c) { return c.area.contains(p); });
}
const Region* Theatre::region_at(geo::LonLat p) const noexcept {
  return find_in(regions, [&](const Region& r) { return r.area.contains(p); });
}
const DatedArea* Theatre::occupied_area(std::optional<Date> as_of) const noexcept {
  const DatedArea* in_force = nullptr;
  const DatedArea* earliest = nullptr;
  for (const auto& area : areas) {
    if (area.kind != "occupied_area") continue;
    if (earliest == nullptr || area.as_of < earliest->as_of) earliest = &area;
    const bool dated_before = !as_of || area.as_of <= *as_of;
    if (dated_before && (in_force == nullptr || area.as_of > in_force->as_of)) in_force = &area;
  }
  return in_force != nullptr ? in_force : earliest;
}

double Capability::reach_km() const noexcept {
  switch (coverage) {
    case CoverageKind::Radius: return radius_km ? radius_km->value : 0.0;
    case CoverageKind::ResponseTime:
      return speed_kmh && response_time_h ? speed_kmh->value * response_time_h->value : 0.0;
    case CoverageKind::None: return 0.0;
  }
  return 0.0;
}

const Capability* CapabilityCatalogue::find(std::string_view code) const noexcept {
  return find_in(capabilities, [&](const Capability& c) { return c.code == code; });
}

const Nation* Coalition::find_nation(std::string_view iso2) const noexcept {
  return find_in(nations, [&](const Nation& n) { return n.iso2 == iso2; });
}
const Pledge* Coalition::find_pledge(std::string_view id) const noexcept {
  return find_in(pledges, [&](const Pledge& p) { return p.id == id; });
}
bool Coalition::has_illustrative() const noexcept {
  return std::any_of(pledges.begin(), pledges.end(), [](const Pledge& p) { return p.illustrative; });
}

const PhaseGate* Mandate::find_phase(Phase phase) const noexcept {
  return find_in(phases, [&](const PhaseGate& g) { return g.phase == phase; });
}

std::optional<Date> Scenario::phase_start(Phase phase) const {
  if (!as_of) return std::nullopt;
  const PhaseGate* gate = mandate.find_phase(phase);
  return as_of->plus_days(gate != nullptr ? gate->opens_day : 0);
}
bool Mandate::condition_met(std::string_view key) const noexcept {
  auto it = conditions.find(std::string(key));
  return it != conditions.end() && it->second;
}

SiteNegotiation Mandate::site_status(const std::string& site_id) const {
  auto it = site_negotiation.find(site_id);
  return it == site_negotiation.end() ? SiteNegotiation::Proposed : it->second;
}

bool Mandate::admits_site(const std::string& site_id) const {
  const auto& admitted = posture.admitted_site_statuses;
  if (site_status(site_id) == SiteNegotiation::Rejected) return false;  // whatever the posture lists
  return admitted.empty() || std::find(admitted.begin(), admitted.end(), site_status(site_id)) != admitted.end();
}

}  // namespace guarantor::model
