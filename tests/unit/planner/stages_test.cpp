// Every stage on the hand-drawn theatre of tiny_scenario.hpp, answers worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

class TinyPlan : public ::testing::Test {
protected:
  model::Scenario scenario = test::tiny_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());

  const Assignment* assignment_of_line(std::string_view line) const {
    for (const auto& a : plan.assignments)
      if (a.line_id == line) return &a;
    return nullptr;
  }
  std::string rejection(std::string_view site) const {
    for (const auto& r : plan.rejected)
      if (r.site_id == site) return r.reason;
    return {};
  }
};

TEST_F(TinyPlan, CandidatesApplyStatusHostNationAndStandoff) {
  std::vector<std::string> admitted;
  for (const auto& c : plan.candidates) admitted.push_back(c.site_id);
  EXPECT_EQ(admitted, (std::vector<std::string>{"hub.a", "hub.b", "hub.pl", "airfield.ua"}));
  EXPECT_NE(rejection("hub.near").find("standoff is 100 km"), std::string::npos) << rejection("hub.near");
  EXPECT_NE(rejection("hub.damaged").find("status damaged"), std::string::npos);
  EXPECT_NE(rejection("airfield.xx").find("NATO neighbour"), std::string::npos);
  // A NATO-territory site is a candidate for NATO lines but never a hub in Ukraine.
  EXPECT_FALSE(std::find_if(plan.candidates.begin(), plan.candidates.end(),
                            [](const CandidateSite& c) { return c.site_id == "hub.pl"; })->hub_eligible);
}

TEST_F(TinyPlan, HubGoesNextToTheLargerPlace) {
  // Weights 2/3 (P1 next to hub.a) and 1/3 (P2 next to hub.b); P3 is occupied and not demand.
  ASSERT_EQ(plan.hubs.size(), 1u);
  EXPECT_EQ(plan.hubs[0].site_id, "hub.a");
  EXPECT_NEAR(plan.hubs[0].demand_share, 1.0, 1e-12);
  const auto* stage = plan.find_stage("hubs");
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(stage->stats.status, plan::SolveStatus::Optimal);
  EXPECT_LE(stage->stats.relative_gap, 1e-9);
}

TEST_F(TinyPlan, CoveragePlacesTheBatteryAtTheBiggerPlaceAndCountsUnitsToCoverAll) {
  const auto* line = plan.find_line("R-1");
  ASSERT_NE(line, nullptr);
  EXPECT_NEAR(line->covered_design, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(line->covered_fraction, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(line->units_to_cover_all, 2);  // one battery per place: the places are 230 km apart
  const auto* position = plan.find_position("R-1#1");
  ASSERT_NE(position, nullptr);
  EXPECT_EQ(position->site_id, "hub.a");
  EXPECT_DOUBLE_EQ(position->reach_km, 50.0);
}

TEST_F(TinyPlan, AllocationRespectsWhereCaveats) {
  const auto* ad = assignment_of_line("R-1");
  ASSERT_NE(ad, nullptr);
  EXPECT_EQ(ad->pledge_id, "GB-1");  // PL-1 may serve only on NATO territory
  const auto pl = std::find_if(plan.unassigned.begin(), plan.unassigned.end(),
                               [](const UnassignedUnit& u) { return u.unit_id == "PL-1/1"; });
  ASSERT_NE(pl, plan.unassigned.end());
  EXPECT_NE(pl->reason.find("only in neighbouring_nato"), std::string::npos) << pl->reason;
  const auto* air = assignment_of_line("R-2");
  ASSERT_NE(air, nullptr);
  EXPECT_EQ(air->site_id, "airfield.ua");
  EXPECT_DOUBLE_EQ(air->site_resource, 12.0);
  EXPECT_EQ(plan.assignments.size(), 2u);
  EXPECT_EQ(plan.unassigned.size(), 20u);  // 19 spare GB-1 batteries and PL-1's
}

TEST_F(TinyPlan, ArrivalAddsMovementGaugeChangeAndOnwardLeg) {
  // GB-1: ready day 10; London -> crossing 1506 km x 1.3 / 500 km/day = 3.9 -> 4 days; gauge
  // change 2 days; crossing -> hub.a 151 km x 1.3 / 500 = 0.4 -> 1 day: in place on day 17.
  const auto* ad = assignment_of_line("R-1");
  EXPECT_EQ(ad->ready_day, 10);
  EXPECT_EQ(ad->arrival_day, 17);
  EXPECT_EQ(ad->entry_node, "crossing.rail");
  // The squadron self-deploys: ready day 5 + 2 days.
  EXPECT_EQ(assignment_of_line("R-2")->arrival_day, 7);
  ASSERT_EQ(plan.closure.size(), 2u);
  EXPECT_EQ(plan.closure[0].day, 7);
  EXPECT_EQ(plan.closure[1].day, 17);
  EXPECT_EQ(plan.closure[1].personnel, 400);
}

TEST_F(TinyPlan, RotationPoolIsDeployedTimesFactor) {
  EXPECT_EQ(plan.rotation.figures.deployed_personnel, 400);
  EXPECT_EQ(plan.rotation.figures.required_pool, 1200);
  EXPECT_EQ(plan.rotation.figures.pledged_personnel, 2400);
  EXPECT_EQ(plan.rotation.figures.shortfall, 0);
  PlannerOptions options;
  options.rotation_factor_override = 4;
  EXPECT_EQ(make_plan(scenario, test::tiny_parameters(), options).rotation.figures.required_pool, 1600);
}

TEST_F(TinyPlan, GapsNameTheReason) {
  const auto* ad = plan.find_line("R-1");
  EXPECT_EQ(ad->status, LineStatus::Partial);
  const bool names_units = std::any_of(ad->reasons.begin(), ad->reasons.end(), [](const std::string& r) {
    return r.find("covering all of it takes 2 units") != std::string::npos;
  });
  EXPECT_TRUE(names_units);
  EXPECT_EQ(plan.find_line("R-2")->status, LineStatus::Met);
  EXPECT_TRUE(plan.find_line("R-2")->reasons.empty());
}

TEST_F(TinyPlan, EveryStageReportsBoundAndGap) {
  ASSERT_EQ(plan.stages.size(), 8u);  // candidates .. schedule, protection, sustainment, gaps
  EXPECT_NE(plan.find_stage("protection"), nullptr);
  for (const auto& stage : plan.stages) {
    EXPECT_TRUE(std::isfinite(stage.stats.objective)) << stage.stage;
    EXPECT_TRUE(std::isfinite(stage.stats.bound)) << stage.stage;
    EXPECT_LE(stage.stats.relative_gap, 0.01) << stage.stage;
  }
}

TEST_F(TinyPlan, SameInputSamePlan) {
  const Plan again = make_plan(scenario, test::tiny_parameters());
  ASSERT_EQ(again.assignments.size(), plan.assignments.size());
  for (std::size_t i = 0; i < plan.assignments.size(); ++i) {
    EXPECT_EQ(again.assignments[i].unit_id, plan.assignments[i].unit_id);
    EXPECT_EQ(again.assignments[i].position_id, plan.assignments[i].position_id);
  }
}

}  // namespace
}  // namespace guarantor::planner
