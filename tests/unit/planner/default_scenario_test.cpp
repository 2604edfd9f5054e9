// The default scenario: the plan respects every caveat, the checker's coverage equals the
// claim, no unit serves twice, and the plan survives plan.json unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "guarantor/core/error.hpp"
#include "guarantor/force/eligibility.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/plan_diff.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"

namespace guarantor::planner {
namespace {

class DefaultScenario : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    scenario_ = new model::Scenario(io::load_scenario(std::string(GUARANTOR_TEST_DATA_DIR) + "/default/scenario.json",
                                                      io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}));
    params_ = new PlannerParameters(load_parameters(std::string(GUARANTOR_TEST_DATA_DIR) + "/planning"));
    plan_ = new Plan(make_plan(*scenario_, *params_));
  }
  static void TearDownTestSuite() {
    delete plan_;
    delete params_;
    delete scenario_;
  }
  static model::Scenario* scenario_;
  static PlannerParameters* params_;
  static Plan* plan_;
};
model::Scenario* DefaultScenario::scenario_ = nullptr;
PlannerParameters* DefaultScenario::params_ = nullptr;
Plan* DefaultScenario::plan_ = nullptr;

TEST_F(DefaultScenario, CheckerFindsNoViolation) {
  const auto violations = check_plan(*plan_, *scenario_);
  for (const auto& v : violations) ADD_FAILURE() << v.rule << " " << v.subject << ": " << v.message;
}

TEST_F(DefaultScenario, EveryCaveatRespectedByForceGenerationRules) {
  for (const auto& a : plan_->assignments) {
    const auto* pledge = scenario_->coalition.find_pledge(a.pledge_id);
    const model::RequirementLine* line = nullptr;
    for (const auto& l : scenario_->mandate.requirements)
      if (l.id == a.line_id) line = &l;
    ASSERT_TRUE(pledge && line) << a.unit_id;
    EXPECT_FALSE(force::assess_eligibility(*scenario_, *pledge, *line, line->phase).has_value()) << a.unit_id;
  }
}

TEST_F(DefaultScenario, NoUnitTwiceAndHubsAsAsked) {
  std::set<std::string> units;
  for (const auto& a : plan_->assignments) EXPECT_TRUE(units.insert(a.unit_id).second) << a.unit_id;
  EXPECT_EQ(static_cast<int>(plan_->hubs.size()), scenario_->mandate.posture.hub_count);
  for (const auto& stage : plan_->stages) EXPECT_TRUE(std::isfinite(stage.stats.bound)) << stage.stage;
}

TEST_F(DefaultScenario, PlanJsonRoundTripsAndDiffsEmpty) {
  const std::string text = plan_to_json(*plan_);
  const Plan back = plan_from_json(text, "plan.json");
  EXPECT_EQ(plan_to_json(back), text);
  EXPECT_TRUE(diff_plans(*plan_, back).empty());
  EXPECT_TRUE(check_plan(back, *scenario_).empty());
}

TEST_F(DefaultScenario, DiffShowsAWithdrawnPledge) {
  model::Scenario without = *scenario_;
  std::erase_if(without.coalition.pledges, [](const model::Pledge& p) { return p.id == "GB-1"; });
  const Plan after = make_plan(without, *params_);
  const auto changes = diff_plans(*plan_, after);
  const bool removed = std::any_of(changes.begin(), changes.end(), [](const PlanChange& c) {
    return c.kind == "unit_removed" && c.subject.starts_with("GB-1/");
  });
  EXPECT_TRUE(removed);
  const bool nation = std::any_of(changes.begin(), changes.end(), [](const PlanChange& c) { return c.kind == "nation" && c.subject == "GB"; });
  EXPECT_TRUE(nation);
}

TEST(PlanJson, MissingFieldNamesItsPointer) {
  try {
    plan_from_json(R"({"schema": "guarantor.plan/1"})", "broken.json");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "broken.json:1 /provenance");
  }
}

}  // namespace
}  // namespace guarantor::planner
