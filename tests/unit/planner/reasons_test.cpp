// Why units stay home, on the hand-drawn theatre (tiny_scenario.hpp): the binding reason on each
// line, never the first caveat found elsewhere, and the checker re-derives every stated cause.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"
#include "violations.hpp"

namespace guarantor::planner {
namespace {

using guarantor::testing::has;

const UnassignedUnit& home(const Plan& plan, std::string_view unit) {
  const auto it = std::find_if(plan.unassigned.begin(), plan.unassigned.end(),
                               [unit](const UnassignedUnit& u) { return u.unit_id == unit; });
  EXPECT_NE(it, plan.unassigned.end()) << unit;
  return *it;
}

HomeCause cause_on(const UnassignedUnit& u, std::string_view line) {
  for (const auto& c : u.causes)
    if (c.line_id == line) return c.cause;
  ADD_FAILURE() << u.unit_id << " gives no cause on " << line;
  return HomeCause::NoLine;
}

// R-1 (Ukraine, 1 battery) is filled by GB-1/1; R-3 (NATO territory, 1 battery) by PL-1/1.
// GB-1/2..20 may not serve on NATO territory (caveat) and find R-1 full: on R-1 the binding
// reason is "line full", on R-3 the caveat. A heavy unit (LAND.TEST, 5,000 personnel) fits no
// hub of 1,000: its line places no position, which is site room, not "no line asks for it".
model::Scenario two_lines() {
  auto s = test::tiny_scenario();
  auto nato = s.mandate.requirements[0];
  nato.id = "R-3";
  nato.location = model::Location::NeighbouringNato;
  nato.coverage.reset();
  s.mandate.requirements.push_back(nato);
  model::Capability heavy = s.catalogue.capabilities[0];
  heavy.code = "LAND.TEST";
  heavy.personnel.value = 5000;
  s.catalogue.capabilities.push_back(heavy);
  model::Pledge brigade = s.coalition.pledges[0];
  brigade.id = "GB-9";
  brigade.capability = "LAND.TEST";
  brigade.quantity = 1;
  s.coalition.pledges.push_back(brigade);
  auto land = nato;
  land.id = "R-LAND";
  land.capability = "LAND.TEST";
  land.location = model::Location::Ukraine;
  s.mandate.requirements.push_back(land);
  return s;
}

TEST(Reasons, TheBindingReasonOnEachLine) {
  const auto scenario = two_lines();
  const Plan plan = make_plan(scenario, test::tiny_parameters());
  const auto& spare = home(plan, "GB-1/2");
  EXPECT_EQ(cause_on(spare, "R-1"), HomeCause::LineFull);
  EXPECT_EQ(cause_on(spare, "R-3"), HomeCause::BlockedByCaveat);
  EXPECT_NE(spare.reason.find("R-1: line_full"), std::string::npos) << spare.reason;
  const auto& brigade = home(plan, "GB-9/1");
  EXPECT_EQ(cause_on(brigade, "R-LAND"), HomeCause::NoPosition);
  EXPECT_EQ(brigade.reason.find("no requirement line asks"), std::string::npos) << brigade.reason;
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << " " << violations.front().subject << ": "
                                  << violations.front().message;
}

TEST(Reasons, CheckerFailsAFalseCause) {
  const auto scenario = two_lines();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  auto& spare = *std::find_if(plan.unassigned.begin(), plan.unassigned.end(),
                              [](const UnassignedUnit& u) { return u.unit_id == "GB-1/2"; });
  for (auto& c : spare.causes)
    if (c.line_id == "R-1") c.cause = HomeCause::BlockedByCaveat;  // the old "caveat-blocked" claim
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "GB-1/2"));
  for (auto& c : spare.causes)
    if (c.line_id == "R-1") c.cause = HomeCause::TooLate;  // ready day 10, needed by day 30
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "GB-1/2"));
}

TEST(Reasons, CheckerFailsNoLineWhenALineAsksAndAnUnexplainedLine) {
  const auto scenario = two_lines();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  auto& brigade = *std::find_if(plan.unassigned.begin(), plan.unassigned.end(),
                                [](const UnassignedUnit& u) { return u.unit_id == "GB-9/1"; });
  brigade.causes = {{"", HomeCause::NoLine}};
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "GB-9/1"));
  auto& spare = *std::find_if(plan.unassigned.begin(), plan.unassigned.end(),
                              [](const UnassignedUnit& u) { return u.unit_id == "GB-1/3"; });
  spare.causes.pop_back();
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "GB-1/3"));
  spare.causes.clear();
  EXPECT_TRUE(has(check_plan(plan, scenario), "reason", "GB-1/3"));
}

}  // namespace
}  // namespace guarantor::planner
