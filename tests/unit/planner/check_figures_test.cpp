// The checker recomputes line statuses and rotation figures: plans edited to claim a line met
// or a shortfall of zero fail, whatever the prose says. And the figures' definitions: host
// support, units serving from home and self-rotating pledges do not rotate.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/force/figures.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"
#include "violations.hpp"

namespace guarantor::planner {
namespace {

using guarantor::testing::has;

// R-1 asks for more batteries than GB-1 pledges (PL-1 may not serve in Ukraine): partial.
model::Scenario short_scenario() {
  auto s = test::tiny_scenario();
  s.mandate.requirements[0].quantity = 25;
  s.mandate.requirements[0].coverage.reset();
  s.mandate.posture.rotation_factor.value = 10;  // a pool the pledges cannot fill
  return s;
}

TEST(CheckFigures, IntactShortPlanHolds) {
  const auto scenario = short_scenario();
  const Plan plan = make_plan(scenario, test::tiny_parameters());
  ASSERT_EQ(plan.find_line("R-1")->status, LineStatus::Partial);
  ASSERT_GT(plan.rotation.figures.shortfall, 0);
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << ": " << violations.front().message;
}

TEST(CheckFigures, LineStatusEditedToMetFails) {
  const auto scenario = short_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  for (auto& line : plan.lines) {
    line.status = LineStatus::Met;
    line.reasons.clear();
  }
  EXPECT_TRUE(has(check_plan(plan, scenario), "line_status", "R-1"));
}

TEST(CheckFigures, FilledCountEditedFails) {
  const auto scenario = short_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  for (auto& line : plan.lines)
    if (line.line_id == "R-1") line.filled = line.required;
  EXPECT_TRUE(has(check_plan(plan, scenario), "line_status", "R-1"));
}

TEST(CheckFigures, ShortfallEditedToZeroFails) {
  const auto scenario = short_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  plan.rotation.figures.shortfall = 0;
  EXPECT_TRUE(has(check_plan(plan, scenario), "rotation", "shortfall"));
}

TEST(CheckFigures, LineDroppedFromThePlanFails) {
  const auto scenario = short_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  plan.lines.erase(std::remove_if(plan.lines.begin(), plan.lines.end(), [](const LineResult& l) { return l.line_id == "R-1"; }),
                   plan.lines.end());
  EXPECT_TRUE(has(check_plan(plan, scenario), "line_status", "R-1"));
}

// Line reasons: R-1 asks for 25 batteries; GB-1 pledges 20 and PL-1 may not serve in Ukraine.
// The stated reasons are PL-1's caveat and "eligible units total 20 of 25", each typed and true.
TEST(LineReasons, EachStatedReasonIsTypedAndTrue) {
  const auto scenario = short_scenario();
  const Plan plan = make_plan(scenario, test::tiny_parameters());
  const auto* line = plan.find_line("R-1");
  ASSERT_EQ(line->causes.size(), line->reasons.size());
  bool caveat = false, short_of = false;
  for (const auto& c : line->causes) {
    caveat |= c.cause == LineCause::BlockedByCaveat && c.pledge_id == "PL-1";
    short_of |= c.cause == LineCause::EligibleShort && c.count == 20;
  }
  EXPECT_TRUE(caveat);
  EXPECT_TRUE(short_of);
}

TEST(LineReasons, CheckerFailsAFalseOrUntypedReason) {
  const auto scenario = short_scenario();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  auto& line = *std::find_if(plan.lines.begin(), plan.lines.end(), [](const LineResult& l) { return l.line_id == "R-1"; });
  const Plan intact = plan;
  // GB-1 is eligible: calling it caveat-blocked is false.
  line.causes.push_back({LineCause::BlockedByCaveat, "GB-1", 0});
  line.reasons.push_back("blocked_by_caveat: GB-1");
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "R-1"));
  // A wrong count.
  plan = intact;
  for (auto& l : plan.lines)
    for (auto& c : l.causes)
      if (c.cause == LineCause::EligibleShort) c.count = 25;
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "R-1"));
  // Prose without a typed cause cannot be verified.
  plan = intact;
  for (auto& l : plan.lines)
    if (l.line_id == "R-1") l.reasons.push_back("the line is short because of the weather");
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "R-1"));
}

TEST(Figures, OnlyDeployedRotatingUnitsNeedThePool) {
  auto scenario = test::tiny_scenario();
  model::Capability host;
  host.code = "HOST.X";
  host.domain = model::Domain::Host;
  host.personnel.value = 50;
  scenario.catalogue.capabilities.push_back(host);
  model::Pledge host_pledge = scenario.coalition.pledges[1];  // PL-1, on NATO territory
  host_pledge.id = "PL-X";
  host_pledge.capability = "HOST.X";
  host_pledge.quantity = 1;
  scenario.coalition.pledges.push_back(host_pledge);
  auto self_rotating = scenario.coalition.pledges[2];  // GB-2, one squadron of 300
  self_rotating.id = "GB-3";
  self_rotating.includes_rotation = true;
  scenario.coalition.pledges.push_back(self_rotating);
  const auto& p = scenario.coalition.pledges;
  const std::vector<force::PlacedUnit> placed = {{&p[0], model::Location::Ukraine},           // GB-1 battery, 100
                                                 {&p[0], model::Location::OutsideTheatre},    // trains at home
                                                 {&p[3], model::Location::NeighbouringNato},  // host support
                                                 {&p[4], model::Location::Ukraine}};          // self-rotating
  const auto f = force::compute_figures(scenario, model::Phase::Ceasefire, placed, 3.0);
  EXPECT_EQ(f.deployed_personnel, 100 + 100 + 50 + 300);
  EXPECT_EQ(f.rotating_personnel, 100);
  EXPECT_EQ(f.required_pool, 300);
  EXPECT_EQ(f.pledged_personnel, 20 * 100 + 100 + 300 + 50 + 300);
  // The pool: every eligible pledge whose units rotate (GB-1, PL-1, GB-2), not host support nor GB-3.
  EXPECT_EQ(f.pool_personnel, 20 * 100 + 100 + 300);
  EXPECT_EQ(f.shortfall, 0);
}

}  // namespace
}  // namespace guarantor::planner
