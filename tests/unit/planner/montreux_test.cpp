// Montreux rules and sea routes on a drawn theatre: the tiny theatre (tiny_scenario.hpp) with a
// NATO littoral neighbour "RO" drawn south of the host (lon 20-30, lat 40-45) holding port.ro
// (27.0, 43.5), 180 km from the occupied area, and two frigate pledges for a Black Sea line of two frigates: RO-9 (littoral,
// home Constanța) and GB-9 (not littoral, home Portsmouth).
//
// Sea graph: A (27.2, 43.4) off port.ro - B (29.13, 41.25) Bosphorus north - C (29.01, 40.99)
// Bosphorus south (B-C is a Straits leg) - E (29.75, 40.72) Izmit bay - W (-1.0, 50.5) Channel,
// with C - W a long leg standing for the way round Europe. Gölcük (29.92, 40.76) to port.ro by
// sea is Gölcük-E-C-B-A-port.ro, longer than the great circle, which crosses Thrace.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/montreux.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

class Montreux : public ::testing::Test {
protected:
  void SetUp() override {
    auto& t = scenario.theatre;
    t.countries.push_back({"RO", "642", "Romania", model::CountryRole::NeighbourNato, true, true, "1435", test::box(20, 40, 30, 45), ""});
    model::Site port;
    port.id = port.name = "port.ro";
    port.kind = model::SiteKind::Port;
    port.position = {27.0, 43.5};
    port.country = "RO";
    port.capacity = 10;
    port.capacity_unit = "berths";
    t.sites.push_back(port);
    model::Capability frigate = scenario.catalogue.capabilities.front();
    frigate.code = "SEA.TEST_FRIGATE";
    frigate.personnel.value = 170;
    frigate.basing = model::Basing::Port;
    scenario.catalogue.capabilities.push_back(frigate);
    scenario.coalition.nations.push_back({"RO", "Romania", true, true, {26.1, 44.43}, ""});
    auto pledge = [](std::string id, std::string nation, geo::LonLat home, int quantity) {
      model::Pledge p;
      p.id = std::move(id);
      p.nation = std::move(nation);
      p.capability = "SEA.TEST_FRIGATE";
      p.quantity = quantity;
      p.readiness_days = 5;
      p.caveats.push_back(model::Caveat::from_names(model::CaveatKind::Where, {"black_sea"}, "test"));
      p.home = home;
      return p;
    };
    scenario.coalition.pledges.push_back(pledge("RO-9", "RO", {28.65, 44.17}, 1));
    scenario.coalition.pledges.push_back(pledge("GB-9", "GB", {-1.1, 50.8}, 2));
    model::RequirementLine line;
    line.id = "R-SEA";
    line.capability = "SEA.TEST_FRIGATE";
    line.quantity = 3;
    line.location = model::Location::BlackSea;
    line.role = model::RequirementRole::MaritimeSecurity;
    line.required_by_day = 60;
    scenario.mandate.requirements.push_back(line);
    scenario.mandate.conditions["montreux_article_19"] = true;
    params.port_resource = {{"SEA.TEST_FRIGATE", 1}};
    auto& m = params.montreux;
    m.article_19_condition = "montreux_article_19";
    m.straits_state = "TR";
    m.littoral_states = {"BG", "RO", "TR", "UA"};
    m.tonnage_t = {{"SEA.TEST_FRIGATE", 4000}};
    m.non_littoral_tonnage_t = 30000;
    m.max_stay_days = 21;
    m.notice_days_littoral = 8;
    m.notice_days_non_littoral = 15;
    params.sea_routes.waypoints = {{"A", {27.2, 43.4}}, {"B", {29.13, 41.25}}, {"C", {29.01, 40.99}},
                                   {"E", {29.75, 40.72}}, {"W", {-1.0, 50.5}}};
    params.sea_routes.legs = {{"A", "B", false}, {"B", "C", true}, {"C", "E", false}, {"C", "W", false}};
  }
  std::vector<std::string> frigates(const Plan& plan) {
    std::vector<std::string> units;
    for (const auto& a : plan.assignments)
      if (a.line_id == "R-SEA") units.push_back(a.unit_id);
    std::sort(units.begin(), units.end());
    return units;
  }
  const UnassignedUnit* home(const Plan& plan, std::string_view unit) {
    const auto it = std::find_if(plan.unassigned.begin(), plan.unassigned.end(), [unit](const UnassignedUnit& u) { return u.unit_id == unit; });
    return it == plan.unassigned.end() ? nullptr : &*it;
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(Montreux, SeaRouteFollowsTheStraitsNotTheLand) {
  const geo::LonLat golcuk{29.92, 40.76};
  const geo::LonLat port{27.0, 43.5};
  const auto route = sea_route(params.sea_routes, golcuk, port);
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->via, (std::vector<std::string>{"E", "C", "B", "A"}));
  EXPECT_TRUE(route->through_straits);
  const double by_hand = distance_km(golcuk, {29.75, 40.72}) + distance_km({29.75, 40.72}, {29.01, 40.99}) +
                         distance_km({29.01, 40.99}, {29.13, 41.25}) + distance_km({29.13, 41.25}, {27.2, 43.4}) +
                         distance_km({27.2, 43.4}, port);
  EXPECT_NEAR(route->km, by_hand, 1e-6);
  EXPECT_GT(route->km, distance_km(golcuk, port) + 20);  // the straight line crosses Thrace
  // Constanța to port.ro stays in the Black Sea: no Straits.
  EXPECT_FALSE(sea_route(params.sea_routes, {28.65, 44.17}, port)->through_straits);
}

TEST_F(Montreux, Article19KeepsNonLittoralWarshipsOut) {
  const Plan plan = make_plan(scenario, params);
  EXPECT_EQ(frigates(plan), (std::vector<std::string>{"RO-9/1"}));
  const auto* gb = home(plan, "GB-9/1");
  ASSERT_NE(gb, nullptr);
  EXPECT_NE(gb->reason.find("art. 19"), std::string::npos) << gb->reason;
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(Montreux, CheckerRefusesANonLittoralWarshipUnderArticle19) {
  Plan plan = make_plan(scenario, params);
  for (auto& a : plan.assignments)
    if (a.unit_id == "RO-9/1") a.unit_id = "GB-9/1", a.pledge_id = "GB-9", a.nation = "GB";
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "montreux"; }));
}

TEST_F(Montreux, WithoutArticle19TonnageStayAndNoticeBind) {
  scenario.mandate.conditions["montreux_article_19"] = false;
  params.montreux.non_littoral_tonnage_t = 4000;  // room for one non-littoral frigate
  const Plan plan = make_plan(scenario, params);
  EXPECT_EQ(frigates(plan), (std::vector<std::string>{"GB-9/1", "RO-9/1"}));
  const auto* second = home(plan, "GB-9/2");
  ASSERT_NE(second, nullptr);
  EXPECT_NE(second->reason.find("art. 18(1)"), std::string::npos) << second->reason;
  const auto gb = std::find_if(plan.assignments.begin(), plan.assignments.end(), [](const Assignment& a) { return a.unit_id == "GB-9/1"; });
  EXPECT_NE(gb->route.find("15 days' notice"), std::string::npos) << gb->route;
  EXPECT_NE(gb->route.find("21 days"), std::string::npos) << gb->route;
  // Portsmouth-W-C-B-A-port.ro at 550 km a day, plus 15 days' notice, after ready day 5.
  const auto route = sea_route(params.sea_routes, {-1.1, 50.8}, {27.0, 43.5});
  const int sail = static_cast<int>(std::ceil(route->km / params.movement.sea_km_per_day - 1e-9));
  EXPECT_EQ(gb->arrival_day, 5 + sail + 15);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

}  // namespace
}  // namespace guarantor::planner
