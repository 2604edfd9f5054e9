// Stage 1: candidate sites. A site may host a hub or a unit when it operates, lies in the host
// country or on the territory of a NATO neighbour (the host-nation rule: a contribution limited
// to neighbouring NATO territory can only sit there, so NATO sites are kept apart by location),
// is outside the occupied area and keeps the posture's standoff from it.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "guarantor/geo/geodesic.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
// Sites that can base a unit: hubs, airfields (air units), ports (naval units), and rail
// terminals at a gauge break (railhead and transshipment units).
bool basing_site(const model::Site& site) {
  return site.kind == model::SiteKind::CandidateHub || site.kind == model::SiteKind::Airfield ||
         site.kind == model::SiteKind::Port || (site.kind == model::SiteKind::RailJunction && site.gauge_change);
}
}  // namespace

StageReport run_candidates(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const auto& theatre = context.scenario.theatre;
  const auto& posture = context.scenario.mandate.posture;
  const auto* occupied = theatre.occupied_area(context.scenario.as_of);
  const double standoff_km = posture.standoff_km.value;
  for (const auto& site : theatre.sites) {
    if (!basing_site(site)) continue;
    auto reject = [&](std::string reason) { plan.rejected.push_back({site.id, std::move(reason)}); };
    if (site.status != model::SiteStatus::Operating) {
      reject(fmt::format("status {}: the posture admits operating sites only", model::to_string(site.status)));
      continue;
    }
    const auto* country = theatre.find_country(site.country);
    if (!country || (country->role != model::CountryRole::Host && country->role != model::CountryRole::NeighbourNato)) {
      reject(fmt::format("in {} ({}): units may sit only in the host country or on NATO neighbour territory", site.country,
                         country ? model::to_string(country->role) : "not in the theatre"));
      continue;
    }
    double distance_km = 0;
    if (occupied) {
      if (occupied->area.contains(site.position)) {
        reject(fmt::format("inside the occupied area (as of {})", occupied->as_of));
        continue;
      }
      distance_km = occupied->area.distance_to_boundary(site.position).km();
      if (distance_km < standoff_km) {
        reject(fmt::format("{:.0f} km from the occupied area; the posture's standoff is {:.0f} km", distance_km, standoff_km));
        continue;
      }
    }
    CandidateSite candidate;
    candidate.site_id = site.id;
    candidate.name = site.name;
    candidate.kind = std::string(model::to_string(site.kind));
    candidate.position = site.position;
    candidate.country = site.country;
    candidate.location = country->role == model::CountryRole::Host ? model::Location::Ukraine
                                                                     : model::Location::NeighbouringNato;
    candidate.capacity = site.capacity;
    candidate.capacity_unit = site.capacity_unit;
    candidate.standoff_km = distance_km;
    const auto& kinds = posture.candidate_site_kinds;
    candidate.hub_eligible = candidate.location == model::Location::Ukraine &&
                             std::find(kinds.begin(), kinds.end(), candidate.kind) != kinds.end();
    plan.candidates.push_back(std::move(candidate));
  }
  StageReport report;
  report.stage = "candidates";
  report.sense = "max";
  report.unit = "admissible sites";
  report.method = "posture filter (status, host-nation rule, occupied area, standoff)";
  report.note = fmt::format("{} admitted, {} rejected; {} may host a hub", plan.candidates.size(), plan.rejected.size(),
                            std::count_if(plan.candidates.begin(), plan.candidates.end(),
                                          [](const CandidateSite& c) { return c.hub_eligible; }));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.stats = closed_form(static_cast<double>(plan.candidates.size()), seconds);
  return report;
}

}  // namespace guarantor::planner::detail
