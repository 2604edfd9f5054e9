// Force protection measured by hand on the drawn theatre (tiny_scenario.hpp). hub.a (22, 47.5)
// and hub.b (25, 47.5) are 3 degrees of longitude apart at 47.5 N: 225.9 km geodesic.
//   road:  225.9 km x 1.3 detour / 50 km/h = 5.87 h           -> no surgery within 2 h
//   air:   MEDEVAC at hub.b (250 km/h x 0.5 h = 125 km reach covers hub.b itself):
//          0.25 h dispatch + (0 + 225.9 km) / 250 km/h = 1.15 h -> surgery within 2 h
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/planner/protection.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

model::Capability with_speed(std::string code, double personnel, double speed_kmh, double hours) {
  model::Capability c;
  c.code = std::move(code);
  c.personnel.value = personnel;
  c.coverage = model::CoverageKind::ResponseTime;
  c.speed_kmh = model::PlanningFactor{speed_kmh, speed_kmh, speed_kmh, "km/h", "test"};
  c.response_time_h = model::PlanningFactor{hours, hours, hours, "h", "test"};
  c.basing = model::Basing::Hub;
  return c;
}

class Protection : public ::testing::Test {
protected:
  void SetUp() override {
    scenario.catalogue.capabilities.push_back(with_speed("MED.TEST_R2", 75, 50, 1.5));
    scenario.catalogue.capabilities.push_back(with_speed("MED.TEST_RW", 40, 250, 0.5));
    scenario.catalogue.capabilities.push_back(with_speed("LAND.TEST_COY", 150, 40, 1));
    rules.lines = {{"FP-AD", ProtectionKind::AirDefence, "air defence", "test"},
                   {"FP-MED", ProtectionKind::Surgery, "surgery", "test"}};
    rules.air_defence_capabilities = {"AD.TEST"};
    rules.escort_capabilities = {"LAND.TEST_COY"};
    rules.role2_capability = "MED.TEST_R2";
    rules.medevac_capability = "MED.TEST_RW";
    rules.surgery_within_h = 2;
    rules.road_evacuation_kmh = 50;
    rules.medevac_dispatch_h = 0.25;
  }
  // One unit of `capability` at `site`, in place on `day`.
  void place(const std::string& unit, const std::string& capability, const std::string& site, geo::LonLat p, int day) {
    Position position;
    position.id = unit + "#pos";
    position.line_id = "R-x";
    position.site_id = site;
    position.position = p;
    plan.positions.push_back(position);
    Assignment a;
    a.unit_id = unit;
    a.capability = capability;
    a.position_id = position.id;
    a.site_id = site;
    a.personnel = 100;
    a.arrival_day = day;
    plan.assignments.push_back(a);
  }
  const SiteProtection& site(const std::vector<SiteProtection>& sites, std::string_view id) {
    return *std::find_if(sites.begin(), sites.end(), [id](const SiteProtection& s) { return s.site_id == id; });
  }
  model::Scenario scenario = test::tiny_scenario();
  ProtectionRules rules;
  Plan plan;
};

TEST_F(Protection, AirDefenceGapNamesTheUncoveredDays) {
  place("HQ/1", "LAND.TEST_COY", "hub.a", {22, 47.5}, 12);
  place("AD/1", "AD.TEST", "hub.a", {22, 47.5}, 40);  // 50 km footprint: hub.a only
  place("TM/1", "LAND.TEST_COY", "hub.b", {25, 47.5}, 20);
  const auto [sites, lines] = measure_protection(scenario, rules, plan, 1.3);
  EXPECT_EQ(site(sites, "hub.a").first_arrival_day, 12);
  EXPECT_EQ(site(sites, "hub.a").air_defence_day, 40);
  EXPECT_EQ(site(sites, "hub.b").air_defence_day, -1);
  const auto& ad = lines[0];
  EXPECT_EQ(ad.status, LineStatus::Partial);
  EXPECT_EQ(ad.sites, 2);
  EXPECT_EQ(ad.covered, 0);
  ASSERT_EQ(ad.gaps.size(), 2u);
  EXPECT_NE(ad.gaps[0].find("days 12-39"), std::string::npos) << ad.gaps[0];
  EXPECT_NE(ad.gaps[1].find("at any time; uncovered from day 20"), std::string::npos) << ad.gaps[1];
}

TEST_F(Protection, RoadEvacuationTooSlowHelicopterInTime) {
  place("R2/1", "MED.TEST_R2", "hub.a", {22, 47.5}, 10);
  place("TM/1", "LAND.TEST_COY", "hub.b", {25, 47.5}, 20);
  {
    const auto [sites, lines] = measure_protection(scenario, rules, plan, 1.3);
    const auto& b = site(sites, "hub.b");
    EXPECT_EQ(b.evacuation_mode, "road");
    EXPECT_NEAR(b.evacuation_hours, 225.9 * 1.3 / 50, 0.02);
    EXPECT_EQ(b.surgery_day, -1);
    EXPECT_EQ(site(sites, "hub.a").surgery_day, 10);  // the Role 2 is on site: 0 h
    EXPECT_EQ(lines[1].status, LineStatus::Partial);
    EXPECT_NE(lines[1].gaps.front().find("5.9 h by road"), std::string::npos) << lines[1].gaps.front();
  }
  place("RW/1", "MED.TEST_RW", "hub.b", {25, 47.5}, 25);
  const auto [sites, lines] = measure_protection(scenario, rules, plan, 1.3);
  const auto& b = site(sites, "hub.b");
  EXPECT_EQ(b.evacuation_mode, "air");
  EXPECT_NEAR(b.evacuation_hours, 0.25 + 225.9 / 250, 0.01);
  EXPECT_EQ(b.surgery_day, 25);  // the helicopter is in place on day 25, after the first arrival (20)
  EXPECT_NE(lines[1].gaps.back().find("days 20-24"), std::string::npos) << lines[1].gaps.back();
}

TEST_F(Protection, DefaultScenarioRulesReachThePlanAndTheChecker) {
  // A full plan of the tiny scenario with the rules: the stage records its lines, the checker
  // agrees, and an edited status is caught.
  auto params = test::tiny_parameters();
  params.protection = rules;
  Plan made = make_plan(scenario, params);
  ASSERT_EQ(made.protection_lines.size(), 2u);
  ASSERT_NE(made.find_stage("protection"), nullptr);
  EXPECT_TRUE(check_plan(made, scenario).empty());
  ASSERT_EQ(made.protection_lines[1].status, LineStatus::Missing);  // no surgical unit in the tiny scenario
  made.protection_lines[1].status = LineStatus::Met;
  made.protection_lines[1].covered = made.protection_lines[1].sites;
  made.protection_lines[1].gaps.clear();
  const auto violations = check_plan(made, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "protection_claim"; }));
}

// A line's status is decoded when plan.json is read: a status outside met, partial and missing is
// refused where it is, not carried as a string the checker would compare later.
TEST_F(Protection, PlanJsonStatusIsReadAsAStatus) {
  auto params = test::tiny_parameters();
  params.protection = rules;
  const Plan made = make_plan(scenario, params);
  const Plan read = plan_from_json(plan_to_json(made), "plan.json");
  ASSERT_EQ(read.protection_lines.size(), 2u);
  EXPECT_EQ(read.protection_lines[1].status, LineStatus::Missing);
  auto doc = nlohmann::json::parse(plan_to_json(made));
  doc["protection_lines"][1]["status"] = "done";
  try {
    (void)plan_from_json(doc.dump(), "plan.json");
    FAIL() << "a protection line status \"done\" was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    // Located by line too, through the one plan.json reader.
    EXPECT_TRUE(std::regex_match(error.where(), std::regex("plan\\.json:[0-9]+ /protection_lines/1/status"))) << error.where();
    EXPECT_NE(std::string(error.what()).find("met, partial or missing"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace guarantor::planner
