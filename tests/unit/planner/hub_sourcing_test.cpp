// Hubs under binding capacity on the hand-drawn theatre (tiny_scenario.hpp), with demand split
// between hubs (the default) and single-sourced (posture hub_sourcing "single").
//
// Two hubs from hub.a (lon 22) and hub.b (lon 25); P1 (2/3 of the demand) sits by hub.a, P2
// (1/3) by hub.b. hub.a holds half the hub personnel D, hub.b 0.9 D. The p-median puts P1 at
// hub.a (2/3 D > 0.5 D: capacity binds). Split: hub.a full with half of D from P1, the rest of
// P1 (1/6) at hub.b, shares 1/2 and 1/2. Single source: P1 cannot fit hub.a, so P1 goes to
// hub.b and P2 to hub.a, shares 1/3 and 2/3.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

model::Scenario two_hub_scenario(bool single_source) {
  model::Scenario scenario = test::tiny_scenario();
  scenario.mandate.posture.hub_count = 2;
  scenario.mandate.posture.candidate_site_kinds = {"candidate_hub"};
  scenario.mandate.posture.single_source_hubs = single_source;
  // Hub personnel comes from lines whose units live at the hubs (no coverage target of their own).
  model::RequirementLine at_hubs = scenario.mandate.requirements.front();
  at_hubs.id = "R-HUB";
  at_hubs.quantity = 2;
  at_hubs.coverage.reset();
  scenario.mandate.requirements.push_back(at_hubs);
  const double hub_demand = hub_personnel_demand(scenario);
  for (auto& site : scenario.theatre.sites) {
    if (site.id == "hub.a") site.capacity = 0.5 * hub_demand;
    if (site.id == "hub.b") site.capacity = 0.9 * hub_demand;
  }
  return scenario;
}

double share_of(const Plan& plan, std::string_view site) {
  const auto hub = std::find_if(plan.hubs.begin(), plan.hubs.end(), [&](const Hub& h) { return h.site_id == site; });
  return hub == plan.hubs.end() ? -1.0 : hub->demand_share;
}

TEST(HubSourcing, SplitByDefaultWholeAreasWhenSingle) {
  const model::Scenario split_scenario = two_hub_scenario(false);
  ASSERT_GT(hub_personnel_demand(split_scenario), 0);
  const Plan split = make_plan(split_scenario, test::tiny_parameters());
  ASSERT_EQ(split.hubs.size(), 2u);
  EXPECT_NEAR(share_of(split, "hub.a"), 0.5, 1e-6);
  EXPECT_NEAR(share_of(split, "hub.b"), 0.5, 1e-6);

  const model::Scenario single_scenario = two_hub_scenario(true);
  const Plan single = make_plan(single_scenario, test::tiny_parameters());
  ASSERT_EQ(single.hubs.size(), 2u);
  EXPECT_NEAR(share_of(single, "hub.a"), 1.0 / 3, 1e-9);
  EXPECT_NEAR(share_of(single, "hub.b"), 2.0 / 3, 1e-9);
  const StageReport* stage = single.find_stage("hubs");
  ASSERT_NE(stage, nullptr);
  EXPECT_NE(stage->method.find("single-source"), std::string::npos) << stage->method;
  EXPECT_EQ(stage->stats.status, plan::SolveStatus::Optimal);
  for (const auto& violation : check_plan(single, single_scenario)) EXPECT_NE(violation.rule, "hub_capacity") << violation.message;
}

// No two sites hold P1 whole (both below 2/3 D) but together they hold D: single sourcing is
// infeasible, so the stage says so and splits the demand within capacity.
TEST(HubSourcing, SplitsWhenNoSitesHoldThePointsWhole) {
  model::Scenario scenario = two_hub_scenario(true);
  const double hub_demand = hub_personnel_demand(scenario);
  for (auto& site : scenario.theatre.sites)
    if (site.id == "hub.b") site.capacity = 0.6 * hub_demand;
  const Plan plan = make_plan(scenario, test::tiny_parameters());
  ASSERT_EQ(plan.hubs.size(), 2u);
  EXPECT_NEAR(share_of(plan, "hub.a"), 0.5, 1e-6);
  EXPECT_NEAR(share_of(plan, "hub.b"), 0.5, 1e-6);
  const StageReport* stage = plan.find_stage("hubs");
  ASSERT_NE(stage, nullptr);
  EXPECT_NE(stage->choice.find("unsplit"), std::string::npos) << stage->choice;
}

}  // namespace
}  // namespace guarantor::planner
