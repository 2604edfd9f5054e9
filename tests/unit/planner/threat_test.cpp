// Threat axes and line basing filters on the hand-drawn theatre (tiny_scenario.hpp), with a
// Belarus-like neighbour drawn north of the host and a garrison point south of it:
//
//   lat 52 +------------- BY (adversary's ally) lon 20..30 -------------+
//   lat 50 +------------------------ UA border -------------------------+
//   49.8   |            hub.north (25, 49.8): 0.2 deg = 22.2 km from BY |
//   47.5   | hub.a (22)   hub.b (25)                                    |
//   46.5   | airfield.ua (23)            airfield.east (26, room 48)    |
//   46.1   |          hub.south (24, 46.1): 0.1 deg = 11.1 km from the garrison point (24, 46)
// The Dnipro polyline of the tiny parameters is lon 24: airfield.east is "east of the Dnipro".
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/planner/threat.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

model::Site hub_site(std::string id, geo::LonLat p, model::SiteKind kind = model::SiteKind::CandidateHub, double capacity = 1000,
                     std::string unit = "personnel") {
  model::Site s;
  s.id = s.name = std::move(id);
  s.kind = kind;
  s.position = p;
  s.country = "UA";
  s.capacity = capacity;
  s.capacity_unit = std::move(unit);
  return s;
}

class ThreatAxes : public ::testing::Test {
protected:
  void SetUp() override {
    // Edges are geodesics, so the southern edge gets a vertex at lon 25: the point of BY nearest
    // to hub.north is then that vertex, 0.2 degrees of latitude away.
    geo::Polygon belarus;
    belarus.outer = {{20, 50}, {25, 50}, {30, 50}, {30, 52}, {20, 52}};
    scenario.theatre.countries.push_back(
        {"BY", "112", "Belarus", model::CountryRole::NeighbourOther, false, false, "1520", geo::MultiPolygon({belarus}), ""});
    scenario.theatre.sites.push_back(hub_site("hub.north", {25, 49.8}));
    scenario.theatre.sites.push_back(hub_site("hub.south", {24, 46.1}));
    params.threat.axes = {{"belarus_border", "Belarusian border", "BY", {}, 50, "test"},
                          {"garrison", "Garrison", "", {{24, 46}}, 25, "test"}};
  }
  const CandidateSite* candidate(const Plan& plan, std::string_view id) {
    const auto it = std::find_if(plan.candidates.begin(), plan.candidates.end(), [id](const CandidateSite& c) { return c.site_id == id; });
    return it == plan.candidates.end() ? nullptr : &*it;
  }
  const RejectedSite* rejected(const Plan& plan, std::string_view id) {
    const auto it = std::find_if(plan.rejected.begin(), plan.rejected.end(), [id](const RejectedSite& r) { return r.site_id == id; });
    return it == plan.rejected.end() ? nullptr : &*it;
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(ThreatAxes, DistanceIsTheLeastOverEveryAxis) {
  const ThreatMap threats(scenario, params.threat.axes, 100);
  const auto north = threats.nearest({25, 49.8});
  ASSERT_TRUE(north.has_value());
  EXPECT_EQ(north->axis, "belarus_border");
  EXPECT_NEAR(north->km, 22.2, 0.3);  // 0.2 degrees of latitude
  const auto south = threats.nearest({24, 46.1});
  ASSERT_TRUE(south.has_value());
  EXPECT_EQ(south->axis, "garrison");
  EXPECT_NEAR(south->km, 11.1, 0.2);
  // hub.a: 2.5 deg from BY (278 km), 6 deg of longitude from the occupied area (lon 28, ~450 km),
  // about 226 km from the garrison point: the garrison is nearest and no band holds it.
  const auto a = threats.nearest({22, 47.5});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->axis, "garrison");
  EXPECT_FALSE(threats.breach({22, 47.5}).has_value());
}

TEST_F(ThreatAxes, SitesInsideABandAreRejectedWithTheAxisNamed) {
  const Plan plan = make_plan(scenario, params);
  EXPECT_EQ(candidate(plan, "hub.north"), nullptr);
  ASSERT_NE(rejected(plan, "hub.north"), nullptr);
  EXPECT_NE(rejected(plan, "hub.north")->reason.find("belarus_border"), std::string::npos);
  ASSERT_NE(rejected(plan, "hub.south"), nullptr);
  EXPECT_NE(rejected(plan, "hub.south")->reason.find("garrison"), std::string::npos);
  const auto* a = candidate(plan, "hub.a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->threat_axis, "garrison");
  EXPECT_GT(a->threat_km, 100);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(ThreatAxes, WithoutTheAxesTheNorthernSiteIsAdmitted) {
  // The same theatre planned with the occupied area as the only axis (the rule before threat
  // axes): hub.north passes, which is the error this rule removes.
  params.threat.axes.clear();
  const Plan plan = make_plan(scenario, params);
  EXPECT_NE(candidate(plan, "hub.north"), nullptr);
}

TEST_F(ThreatAxes, CheckerFlagsAUnitMovedIntoABand) {
  Plan plan = make_plan(scenario, params);
  for (auto& p : plan.positions)
    if (p.id == "R-1#1") p.site_id = "hub.north", p.position = {25, 49.8};
  const auto violations = check_plan(plan, scenario);
  const auto it = std::find_if(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "threat_band"; });
  ASSERT_NE(it, violations.end());
  EXPECT_EQ(it->subject, "hub.north");
  EXPECT_NE(it->message.find("belarus_border"), std::string::npos);
}

TEST_F(ThreatAxes, LineTextRestrictsBasing) {
  // airfield.east has twice the room, so R-2 (no coverage target) takes it without a filter.
  scenario.theatre.sites.push_back(hub_site("airfield.east", {26, 46.5}, model::SiteKind::Airfield, 48, "aircraft"));
  auto squadron_site = [](const Plan& plan) {
    for (const auto& a : plan.assignments)
      if (a.line_id == "R-2") return a.site_id;
    return std::string();
  };
  EXPECT_EQ(squadron_site(make_plan(scenario, params)), "airfield.east");
  params.threat.line_basing = {{"R-2", "west_of_dnipro", "R-2 text: 'from bases in western Ukraine'", {}}};
  Plan plan = make_plan(scenario, params);
  EXPECT_EQ(squadron_site(plan), "airfield.ua");
  EXPECT_TRUE(check_plan(plan, scenario).empty());
  for (auto& p : plan.positions)
    if (p.line_id == "R-2") p.site_id = "airfield.east", p.position = {26, 46.5};
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "line_basing"; }));
}

}  // namespace
}  // namespace guarantor::planner
