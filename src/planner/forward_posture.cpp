// Forward operating sites for monitors and deminers. Ceasefire monitoring needs eyes on the line:
// a monitoring team patrols some 30 km from its base, so bases 100 km back (the force's standoff)
// can never see the line. Forward sites are the towns between the buffer zone and the edge of the
// pull-back band, outside every other threat band; only the capabilities the rules name may use
// them, and each gets escort, air defence and a medical link measured by the protection stage.
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/protection_rules.hpp"
#include "guarantor/planner/threat.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
constexpr std::string_view FORWARD_SUBKIND = "forward_operating_site";
// Degrees of latitude per km (upper bound over longitude too, at the theatre's latitudes a degree
// of longitude is shorter): used only to skip places far outside the band before measuring.
constexpr double KM_PER_DEGREE_LAT = 111.0;

std::vector<std::string> capability_codes(const nlohmann::json& doc, io::FieldReader& reader, const std::string& key) {
  if (!doc.contains(key)) {
    reader.fail(ErrorCode::Schema, "/" + key, "missing; expected an array of capability codes");
    return {};
  }
  return reader.strings(doc, key, "");
}
}  // namespace

bool ForwardPostureRules::may_use(std::string_view capability) const noexcept {
  return std::find(capabilities.begin(), capabilities.end(), capability) != capabilities.end();
}

ForwardPostureRules load_forward_posture(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  ForwardPostureRules rules;
  rules.capabilities = capability_codes(doc, reader, "capabilities");
  rules.min_distance_km = detail::planning_factor(doc, reader, "", "min_distance_km");
  rules.max_distance_km = detail::planning_factor(doc, reader, "", "max_distance_km");
  rules.min_place_population = detail::planning_factor(doc, reader, "", "min_place_population", false);
  rules.capacity_personnel = detail::planning_factor(doc, reader, "", "capacity_personnel");
  detail::close_planning_object(doc, reader, "",
                                {"description", "capabilities", "min_distance_km", "max_distance_km", "min_place_population",
                                 "capacity_personnel"});
  if (rules.max_distance_km <= rules.min_distance_km)
    reader.fail(ErrorCode::Schema, "/max_distance_km", "must exceed min_distance_km (the band lies between them)");
  sink.throw_if_any();
  return rules;
}

std::string forward_site_id(std::int64_t geonameid) { return fmt::format("forward.{}", geonameid); }

bool is_forward_site(const model::Site& site) noexcept { return site.subkind == FORWARD_SUBKIND; }

model::Scenario with_forward_sites(const model::Scenario& scenario, const ForwardPostureRules& rules,
                                   const std::vector<ThreatAxis>& threat_axes, double standoff_km) {
  model::Scenario out = scenario;
  const auto* occupied = scenario.theatre.occupied_area(scenario.as_of);
  const model::Country* host = nullptr;
  for (const auto& country : scenario.theatre.countries)
    if (country.role == model::CountryRole::Host) host = &country;
  if (!rules.enabled() || occupied == nullptr || host == nullptr) return out;
  const ThreatMap threats(scenario, threat_axes, standoff_km);
  const auto& box = occupied->area.bounds();
  const double margin_deg = rules.max_distance_km / KM_PER_DEGREE_LAT * 2.0;  // x2: a degree of longitude is shorter
  for (const auto& place : scenario.theatre.places) {
    if (place.country != host->iso2 || static_cast<double>(place.population) < rules.min_place_population) continue;
    const auto& p = place.position;
    if (p.lon < box.min_lon - margin_deg || p.lon > box.max_lon + margin_deg || p.lat < box.min_lat - margin_deg ||
        p.lat > box.max_lat + margin_deg)
      continue;
    if (!in_government_held_host(scenario, p)) continue;
    const double km = occupied->area.distance_to_boundary(p).km();
    if (km < rules.min_distance_km || km > rules.max_distance_km) continue;
    if (threats.breach_except_contact(p)) continue;
    model::Site site;
    site.id = forward_site_id(place.geonameid);
    site.name = fmt::format("{} (forward site)", place.name);
    site.kind = model::SiteKind::CandidateHub;
    site.subkind = std::string(FORWARD_SUBKIND);
    site.position = p;
    site.country = host->iso2;
    site.status = model::SiteStatus::Operating;
    site.capacity = rules.capacity_personnel;
    site.capacity_unit = "personnel";
    site.source = fmt::format("Forward operating site at GeoNames place {} ({} inhabitants), {:.0f} km from the occupied area "
                              "(data/planning/forward_posture.json)", place.geonameid, place.population, km);
    out.theatre.sites.push_back(std::move(site));
  }
  return out;
}

}  // namespace guarantor::planner
