// Forward monitor posture on the hand-drawn theatre (tiny_scenario.hpp): the occupied area
// starts at lon 28, so the contact line runs north-south along lon 28 (lat 45-50, the ends
// within 5 km of the host's border dropped). Five towns are drawn near it:
//
//   P10 (27.667, 46.0)  P11 (27.667, 47.5)  P12 (27.667, 49.0): 0.333 deg of longitude, ~25 km
//   P13 (27.9, 48.0): ~7.5 km, inside the 15 km buffer      P14 (27.0, 47.0): ~76 km, beyond 50
//
// A monitoring team reaches 30 km. Every hub is at least 100 km back (standoff), so without a
// forward posture no team can see the line (0 % covered, the error this posture removes). With
// it, P10-P12 become forward sites; each covers sqrt(30^2 - 25^2) = 16.6 km of line on either
// side, i.e. one or two of the 20 km line samples, so the three teams cover part of the line.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

model::PopulatedPlace town(std::int64_t id, geo::LonLat p, std::int64_t population) {
  model::PopulatedPlace place;
  place.geonameid = id;
  place.name = "P" + std::to_string(id);
  place.position = p;
  place.country = "UA";
  place.population = population;
  return place;
}

class ForwardPosture : public ::testing::Test {
protected:
  void SetUp() override {
    auto& t = scenario.theatre;
    t.places.push_back(town(10, {27.667, 46.0}, 10000));
    t.places.push_back(town(11, {27.667, 47.5}, 10000));
    t.places.push_back(town(12, {27.667, 49.0}, 10000));
    t.places.push_back(town(13, {27.9, 48.0}, 10000));
    t.places.push_back(town(14, {27.0, 47.0}, 10000));
    model::Capability monitors = scenario.catalogue.capabilities.front();
    monitors.code = "ISR.TEST_MON";
    monitors.personnel.value = 10;
    monitors.radius_km->value = 30;
    scenario.catalogue.capabilities.push_back(monitors);
    model::Pledge pledge = scenario.coalition.pledges.front();
    pledge.id = "GB-9";
    pledge.capability = "ISR.TEST_MON";
    pledge.quantity = 3;
    scenario.coalition.pledges.push_back(pledge);
    model::RequirementLine line = scenario.mandate.requirements.front();
    line.id = "R-MON";
    line.capability = "ISR.TEST_MON";
    line.quantity = 3;
    line.role = model::RequirementRole::Monitoring;
    line.coverage = model::CoverageTarget{"contact_line", 0.8, ""};
    scenario.mandate.requirements.push_back(line);
    params.forward = {{"ISR.TEST_MON"}, 15, 50, 5000, 200};
  }
  const LineResult& monitors(const Plan& plan) { return *plan.find_line("R-MON"); }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(ForwardPosture, WithoutItMonitorsCannotReachTheLine) {
  params.forward = {};
  const Plan plan = make_plan(scenario, params);
  EXPECT_EQ(monitors(plan).covered_fraction, 0.0);
}

TEST_F(ForwardPosture, MonitorsTakeForwardSitesBetweenBufferAndPullBackBand) {
  const Plan plan = make_plan(scenario, params);
  // Forward sites: exactly the three towns 25 km from the line (P13 is in the buffer, P14 beyond).
  std::vector<std::string> forward;
  for (const auto& c : plan.candidates)
    if (c.kind == "forward_site") forward.push_back(c.site_id);
  std::sort(forward.begin(), forward.end());
  EXPECT_EQ(forward, (std::vector<std::string>{"forward.10", "forward.11", "forward.12"}));
  const auto& line = monitors(plan);
  EXPECT_EQ(line.filled, 3);
  EXPECT_GT(line.covered_fraction, 0.0);
  EXPECT_LT(line.covered_fraction, 0.5);  // 3 x ~33 km of a ~540 km line
  for (const auto& a : plan.assignments)
    if (a.line_id == "R-MON") {
      EXPECT_TRUE(a.site_id.starts_with("forward.")) << a.site_id;
    }
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << ": " << violations.front().message;
}

TEST_F(ForwardPosture, OtherUnitsStayOutOfForwardSites) {
  Plan plan = make_plan(scenario, params);
  for (const auto& a : plan.assignments) EXPECT_TRUE(a.line_id == "R-MON" || !a.site_id.starts_with("forward.")) << a.unit_id;
  // The checker refuses an air-defence battery moved to a forward site.
  for (auto& p : plan.positions)
    if (p.id == "R-1#1") p.site_id = "forward.11", p.position = {27.667, 47.5};
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "forward_site"; }));
}

}  // namespace
}  // namespace guarantor::planner
