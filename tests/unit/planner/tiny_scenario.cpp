#include "tiny_scenario.hpp"

namespace guarantor::planner::test {

geo::MultiPolygon box(double min_lon, double min_lat, double max_lon, double max_lat) {
  geo::Polygon polygon;
  polygon.outer = {{min_lon, min_lat}, {max_lon, min_lat}, {max_lon, max_lat}, {min_lon, max_lat}};
  return geo::MultiPolygon({polygon});
}

namespace {
model::Site site(std::string id, model::SiteKind kind, geo::LonLat p, std::string country, double capacity,
                 std::string unit, model::SiteStatus status = model::SiteStatus::Operating) {
  model::Site s;
  s.id = id;
  s.name = id;
  s.kind = kind;
  s.position = p;
  s.country = std::move(country);
  s.capacity = capacity;
  s.capacity_unit = std::move(unit);
  s.status = status;
  return s;
}

model::PopulatedPlace place(std::int64_t id, geo::LonLat p, std::int64_t population) {
  model::PopulatedPlace pl;
  pl.geonameid = id;
  pl.name = "P" + std::to_string(id);
  pl.position = p;
  pl.country = "UA";
  pl.population = population;
  return pl;
}

model::Capability capability(std::string code, double personnel, double radius_km, model::Basing basing) {
  model::Capability c;
  c.code = std::move(code);
  c.personnel.value = personnel;
  c.coverage = model::CoverageKind::Radius;
  c.radius_km = model::PlanningFactor{radius_km, radius_km, radius_km, "km", "test"};
  c.basing = basing;
  c.app6_sidc = "10031000001301000000";
  return c;
}
}  // namespace

model::Scenario tiny_scenario() {
  model::Scenario s;
  s.name = "tiny";
  s.as_of = Date::from_iso("2025-03-18");
  auto& t = s.theatre;
  t.countries.push_back({"UA", "804", "Ukraine", model::CountryRole::Host, false, false, "1520", box(20, 45, 30, 50), ""});
  t.countries.push_back({"PL", "616", "Poland", model::CountryRole::NeighbourNato, true, true, "1435", box(14, 45, 20, 50), ""});
  t.countries.push_back({"XX", "999", "Other", model::CountryRole::NeighbourOther, false, false, "1520", box(30, 45, 32, 47), ""});
  t.areas.push_back({"occupied", "occupied_area", Date::from_iso("2025-03-18").value(), box(28, 45, 30, 50), ""});
  t.places = {place(1, {22.1, 47.5}, 100000), place(2, {25.1, 47.5}, 50000), place(3, {29.0, 47.0}, 200000)};
  using K = model::SiteKind;
  t.sites = {site("hub.a", K::CandidateHub, {22, 47.5}, "UA", 1000, "personnel"),
             site("hub.b", K::CandidateHub, {25, 47.5}, "UA", 1000, "personnel"),
             site("hub.near", K::CandidateHub, {27.5, 47.5}, "UA", 1000, "personnel"),
             site("hub.damaged", K::CandidateHub, {23, 48}, "UA", 1000, "personnel", model::SiteStatus::Damaged),
             site("hub.pl", K::CandidateHub, {18, 47.5}, "PL", 5000, "personnel"),
             site("airfield.ua", K::Airfield, {23, 46.5}, "UA", 24, "aircraft"),
             site("airfield.xx", K::Airfield, {31, 46}, "XX", 24, "aircraft")};
  auto crossing = site("crossing.rail", K::BorderCrossing, {20, 47.5}, "UA", 0, "");
  crossing.subkind = "rail";
  crossing.gauge_change = true;
  t.sites.push_back(crossing);

  s.catalogue.capabilities = {capability("AD.TEST", 100, 50, model::Basing::Hub),
                              capability("AIR.TEST_SQN", 300, 250, model::Basing::Airfield)};
  s.coalition.nations = {{"GB", "United Kingdom", true, false, {0, 51.5}, ""}, {"PL", "Poland", true, true, {19, 50}, ""}};
  auto pledge = [](std::string id, std::string nation, std::string code, int quantity, int readiness,
                   std::vector<std::string> where) {
    model::Pledge p;
    p.id = std::move(id);
    p.nation = std::move(nation);
    p.capability = std::move(code);
    p.quantity = quantity;
    p.readiness_days = readiness;
    p.caveats.push_back(model::Caveat::from_names(model::CaveatKind::Where, std::move(where), "test"));
    return p;
  };
  s.coalition.pledges = {pledge("GB-1", "GB", "AD.TEST", 20, 10, {"ukraine"}),
                         pledge("PL-1", "PL", "AD.TEST", 1, 0, {"neighbouring_nato"}),
                         pledge("GB-2", "GB", "AIR.TEST_SQN", 1, 5, {"ukraine", "neighbouring_nato"})};
  auto& m = s.mandate;
  m.phases = {{model::Phase::Ceasefire, 0, "D-day"}};
  m.posture.standoff_km.value = 100;
  m.posture.hub_count = 1;
  m.posture.candidate_site_kinds = {"candidate_hub"};
  m.posture.rotation_factor.value = 3;
  model::RequirementLine ad;
  ad.id = "R-1";
  ad.capability = "AD.TEST";
  ad.quantity = 1;
  ad.role = model::RequirementRole::AirDefence;
  ad.required_by_day = 30;
  ad.coverage = model::CoverageTarget{"population", 1.0, ""};
  model::RequirementLine air = ad;
  air.id = "R-2";
  air.capability = "AIR.TEST_SQN";
  air.role = model::RequirementRole::AirPolicing;
  air.coverage.reset();
  m.requirements = {ad, air};
  return s;
}

PlannerParameters tiny_parameters() {
  PlannerParameters p;
  p.min_place_population = 1000;
  p.hub_population_weight = 1.0;
  p.hub_energy_weight = 0.0;
  p.non_mw_energy_site_mw = 500;
  p.contact_line_sample_km = 20;
  p.contact_line_border_clearance_km = 5;
  p.sea_lane_sample_km = 20;
  p.dnipro_line = {{24, 50}, {24, 45}};  // "west of" = lon < 24 in this theatre
  p.sea_lane = {{30, 45}, {29, 44}};
  p.airfield_resource = {{"AIR.TEST_SQN", 12}};
  p.priority_weight = {{1, 100}, {2, 10}};
  p.time_limit_s = 10;
  p.seed = 1;
  p.movement = {500, 250, 550, 2, 1.3, 2, {{"rail", 1000}, {"road", 1000}, {"road_rail", 2000}}, 100, 1, {}, {}, {}};
  // The rail crossing changes gauge itself, 1,000 personnel a day (as much as it passes).
  p.movement.transshipment_capacity = {{"crossing.rail", 1000}};
  p.movement.transshipment_routes = {{"crossing.rail", {"crossing.rail"}}};
  // Hubs by support distance alone (the population p-median); protection and access are worked
  // in hub_siting_test.cpp. Airfields hold far more personnel than any unit here.
  p.hub_siting.min_threat_km = 0;
  p.hub_siting.min_separation_km = 0;
  p.hub_siting.protection_depth_km = 0;
  p.hub_siting.support_weight = 1;
  p.hub_siting.protection_weight = 0;
  p.hub_siting.access_weight = 0;
  p.hub_siting.airfield_personnel = {{"default", 10000}};
  return p;
}

}  // namespace guarantor::planner::test
