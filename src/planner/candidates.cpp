// Stage 1: candidate sites. A site may host a hub or a unit when it operates, lies in the host
// country or on the territory of a NATO neighbour (the host-nation rule: a contribution limited
// to neighbouring NATO territory can only sit there, so NATO sites are kept apart by location),
// is outside the occupied area and keeps the posture's standoff from it and the band of every
// other threat axis (the Russian and Belarusian borders, Transnistria: threat_axes.json).
#include <algorithm>
#include <chrono>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/geo/geodesic.hpp"
#include "guarantor/planner/protection_rules.hpp"
#include "guarantor/planner/threat.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
// Sites that can base a unit: hubs, airfields (air units), ports (naval units), and rail
// terminals at a gauge break (railhead and transshipment units).
bool basing_site(const model::Site& site) {
  return site.kind == model::SiteKind::CandidateHub || site.kind == model::SiteKind::Airfield ||
         site.kind == model::SiteKind::Port || (site.kind == model::SiteKind::RailJunction && site.gauge_change);
}

std::vector<std::string_view> admitted_names(const model::PostureRules& posture) {
  std::vector<std::string_view> names;
  for (const auto status : posture.admitted_site_statuses) names.push_back(model::to_string(status));
  return names;
}
}  // namespace

StageReport run_candidates(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const auto& theatre = context.scenario.theatre;
  const auto& posture = context.scenario.mandate.posture;
  const auto* occupied = theatre.occupied_area(context.scenario.as_of);
  const double standoff_km = posture.standoff_km.value;
  const ThreatMap threats(context.scenario, context.params.threat.axes, standoff_km);
  for (const auto& site : theatre.sites) {
    if (!basing_site(site)) continue;
    auto reject = [&](std::string reason) { plan.rejected.push_back({site.id, std::move(reason)}); };
    if (site.status != model::SiteStatus::Operating) {
      reject(fmt::format("status {}: the posture admits operating sites only", model::to_string(site.status)));
      continue;
    }
    if (!context.scenario.mandate.admits_site(site.id)) {
      reject(fmt::format("negotiation status {}: the posture admits sites {} only",
                         model::to_string(context.scenario.mandate.site_status(site.id)),
                         fmt::join(admitted_names(posture), " or ")));
      continue;
    }
    const auto* country = theatre.find_country(site.country);
    if (!country || (country->role != model::CountryRole::Host && country->role != model::CountryRole::NeighbourNato)) {
      reject(fmt::format("in {} ({}): units may sit only in the host country or on NATO neighbour territory", site.country,
                         country ? model::to_string(country->role) : "not in the theatre"));
      continue;
    }
    if (const auto* refusal = context.params.consent.basing_refused(site.country)) {
      reject(fmt::format("host consent: {} refuses basing for the mission ({})", site.country, refusal->source));
      continue;
    }
    if (occupied && occupied->area.contains(site.position)) {
      reject(fmt::format("inside the occupied area (as of {})", occupied->as_of.iso()));
      continue;
    }
    // Every threat axis counts, not only the line of contact: the first band the site is in
    // rejects it (the occupied area's band is the posture's standoff). Forward operating sites
    // stand inside the contact band by design (with_forward_sites keeps them outside the buffer
    // and every other band).
    const bool forward = is_forward_site(site);
    if (const auto breach = forward ? threats.breach_except_contact(site.position) : threats.breach(site.position)) {
      reject(breach->axis == "occupied_area"
                 ? fmt::format("{:.0f} km from the occupied area; the posture's standoff is {:.0f} km", breach->km, standoff_km)
                 : fmt::format("{:.0f} km from threat axis {}; its band is {:.0f} km", breach->km, breach->axis, breach->band_km));
      continue;
    }
    const double distance_km = occupied ? occupied->area.distance_to_boundary(site.position).km() : 0.0;
    const auto nearest = threats.nearest(site.position);
    CandidateSite candidate;
    candidate.site_id = site.id;
    candidate.name = site.name;
    candidate.kind = forward ? std::string(FORWARD_SITE_KIND) : std::string(model::to_string(site.kind));
    candidate.position = site.position;
    candidate.country = site.country;
    candidate.location = country->role == model::CountryRole::Host ? model::Location::Ukraine
                                                                     : model::Location::NeighbouringNato;
    candidate.capacity = site.capacity;
    candidate.capacity_unit = site.capacity_unit;
    candidate.standoff_km = distance_km;
    if (nearest) candidate.threat_axis = nearest->axis, candidate.threat_km = nearest->km;
    // Personnel room: a candidate hub counts personnel; an airfield holds personnel besides its
    // aircraft parking (hub_siting.json), so units based there and a hub opened there fit it.
    if (site.kind == model::SiteKind::Airfield) candidate.personnel_capacity = context.params.hub_siting.airfield_personnel_capacity(site);
    else candidate.personnel_capacity = site.capacity_unit == "personnel" ? site.capacity : 0.0;
    // A hub keeps the hub siting's distance from every threat axis (a unit only the band's).
    const auto& kinds = posture.candidate_site_kinds;
    candidate.hub_eligible = candidate.location == model::Location::Ukraine &&
                             std::find(kinds.begin(), kinds.end(), candidate.kind) != kinds.end() &&
                             (!nearest || nearest->km + 1e-9 >= context.params.hub_siting.min_threat_km);
    plan.candidates.push_back(std::move(candidate));
  }
  // One hub per town (hub_siting min_separation_km): of two hub-eligible sites closer than the
  // separation, the one with less personnel room (then nearer a threat axis, then the later id)
  // stays a candidate for units but not for a hub.
  auto keeps = [](const CandidateSite& a, const CandidateSite& b) {
    return std::make_tuple(a.personnel_capacity, a.threat_km, b.site_id) > std::make_tuple(b.personnel_capacity, b.threat_km, a.site_id);
  };
  for (auto& site : plan.candidates) {
    if (!site.hub_eligible) continue;
    for (const auto& other : plan.candidates)
      if (&other != &site && other.hub_eligible && keeps(other, site) &&
          geo::geodesic_distance(site.position, other.position).km() < context.params.hub_siting.min_separation_km) {
        site.hub_eligible = false;
        break;
      }
  }
  StageReport report;
  report.stage = "candidates";
  report.sense = "max";
  report.unit = "admissible sites";
  report.method = "posture filter (status, host-nation rule, occupied area, standoff from every threat axis)";
  report.note = fmt::format("{} admitted, {} rejected; {} may host a hub (kind {}, in the host country, at least {:.0f} km "
                            "from every threat axis)", plan.candidates.size(), plan.rejected.size(),
                            std::count_if(plan.candidates.begin(), plan.candidates.end(),
                                          [](const CandidateSite& c) { return c.hub_eligible; }),
                            fmt::join(posture.candidate_site_kinds, " or "), context.params.hub_siting.min_threat_km);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.stats = closed_form(static_cast<double>(plan.candidates.size()), seconds);
  return report;
}

}  // namespace guarantor::planner::detail
