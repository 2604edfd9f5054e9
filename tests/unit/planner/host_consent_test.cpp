// Host-nation consent on the drawn theatre (tiny_scenario.hpp): a second NATO neighbour "HX"
// (lon 14-20, lat 40-45) holds airfield.hx; the host has a second, road crossing at (20, 46).
// HX refuses basing, and the refusal of transit closes crossing.rail (20, 47.5).
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

class HostConsentTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto& t = scenario.theatre;
    t.countries.push_back({"HX", "999", "Refuser", model::CountryRole::NeighbourNato, true, true, "1435", test::box(14, 40, 20, 45), ""});
    model::Site airfield;
    airfield.id = airfield.name = "airfield.hx";
    airfield.kind = model::SiteKind::Airfield;
    airfield.position = {17, 43};
    airfield.country = "HX";
    airfield.capacity = 24;
    airfield.capacity_unit = "aircraft";
    t.sites.push_back(airfield);
    model::Site road = *t.find_site("crossing.rail");
    road.id = road.name = "crossing.road";
    road.subkind = "road";
    road.gauge_change = false;
    road.position = {20, 46};
    t.sites.push_back(road);
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(HostConsentTest, RefusingCountryHostsNothingAndItsCrossingIsClosed) {
  const Plan open = make_plan(scenario, params);
  EXPECT_TRUE(std::any_of(open.candidates.begin(), open.candidates.end(), [](const CandidateSite& c) { return c.site_id == "airfield.hx"; }));
  params.consent.refusals = {{"HX", false, false, {"crossing.rail"}, "test"}};
  const Plan plan = make_plan(scenario, params);
  EXPECT_TRUE(std::none_of(plan.candidates.begin(), plan.candidates.end(), [](const CandidateSite& c) { return c.site_id == "airfield.hx"; }));
  const auto rejected = std::find_if(plan.rejected.begin(), plan.rejected.end(), [](const RejectedSite& r) { return r.site_id == "airfield.hx"; });
  ASSERT_NE(rejected, plan.rejected.end());
  EXPECT_NE(rejected->reason.find("host consent"), std::string::npos);
  for (const auto& a : plan.assignments) EXPECT_NE(a.entry_node, "crossing.rail") << a.unit_id;
  EXPECT_TRUE(check_plan(plan, scenario).empty());
  Plan edited = plan;
  for (auto& a : edited.assignments)
    if (a.entry_node == "crossing.road") a.entry_node = "crossing.rail", a.entry_use.clear();
  const auto violations = check_plan(edited, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "host_consent"; }));
}

}  // namespace
}  // namespace guarantor::planner
