// Hub siting by protection and access, airfield hubs' personnel room and named-site basing, on
// the hand-drawn theatre of tiny_scenario.hpp with a garrison point and a large town added:
//
//   47.6 |                          P4 400k (25.2, 47.6)
//   47.5 | crossing.rail (20) hub.a (22)   hub.b (25)   garrison (26.5)   [occupied from lon 28]
//   46.5 |                airfield.ua (23)
//
// Worked by hand (1 degree of longitude at 47.5 N = 75.2 km, of latitude 111.2 km):
//   demand shares: P1 100k 0.182, P2 50k 0.091, P4 400k 0.727.
//   support km to hub.b: P1 233 x 0.182 + P2 7.5 x 0.091 + P4 15 x 0.727 = 54; to hub.a: P1 7.5 x
//   0.182 + P2 226 x 0.091 + P4 241 x 0.727 = 197. Population alone opens hub.b.
//   hub.b: 113 km from the garrison (exposure 500 - 113 = 387), 376 km from crossing.rail;
//   hub.a: 338 km from the garrison (exposure 162), 150 km from crossing.rail.
//   cost = 0.5 x support + exposure + access: hub.b 27 + 387 + 376 = 790, hub.a 99 + 162 + 150 =
//   411: protection and access open hub.a.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "guarantor/core/error.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/hub_siting.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

bool has_rule(const std::vector<Violation>& violations, std::string_view rule, std::string_view subject = "") {
  return std::any_of(violations.begin(), violations.end(), [&](const Violation& v) {
    return v.rule == rule && (subject.empty() || v.subject == subject);
  });
}

class HubSiting : public ::testing::Test {
protected:
  void SetUp() override {
    model::PopulatedPlace town;
    town.geonameid = 4;
    town.name = "P4";
    town.position = {25.2, 47.6};
    town.country = "UA";
    town.population = 400000;
    scenario.theatre.places.push_back(town);
    params.threat.axes = {{"garrison", "Garrison", "", {{26.5, 47.5}}, 25, "test"}};
  }
  void protection_and_access() {
    params.hub_siting.min_threat_km = 100;
    params.hub_siting.protection_depth_km = 500;
    params.hub_siting.support_weight = 0.5;
    params.hub_siting.protection_weight = 1;
    params.hub_siting.access_weight = 1;
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(HubSiting, PopulationAlonePullsTheHubTowardTheTown) {
  const auto plan = make_plan(scenario, params);
  ASSERT_EQ(plan.hubs.size(), 1u);
  EXPECT_EQ(plan.hubs[0].site_id, "hub.b");
}

TEST_F(HubSiting, ProtectionAndAccessOpenTheRearHubNearTheEntryNode) {
  protection_and_access();
  const auto plan = make_plan(scenario, params);
  ASSERT_EQ(plan.hubs.size(), 1u);
  EXPECT_EQ(plan.hubs[0].site_id, "hub.a");
  EXPECT_EQ(plan.hubs[0].access_node, "crossing.rail");
  EXPECT_NEAR(plan.hubs[0].access_km, 150.4, 1.0);
  const auto* hubs = plan.find_stage("hubs");
  ASSERT_NE(hubs, nullptr);
  // 0.5 x 197 + 162 + 150 (rounded figures above).
  EXPECT_NEAR(hubs->stats.objective, 411, 4);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(HubSiting, AHubKeepsTheSitingDistanceFromEveryAxisAndTheCheckerSaysSo) {
  protection_and_access();
  params.hub_siting.min_threat_km = 150;  // hub.b (113 km from the garrison) may hold units, not a hub
  const auto plan = make_plan(scenario, params);
  const auto b = std::find_if(plan.candidates.begin(), plan.candidates.end(), [](const CandidateSite& c) { return c.site_id == "hub.b"; });
  ASSERT_NE(b, plan.candidates.end());
  EXPECT_FALSE(b->hub_eligible);
  EXPECT_NEAR(b->threat_km, 113, 1.5);
  auto moved = plan;
  moved.hubs[0].site_id = "hub.b";
  moved.hubs[0].position = b->position;
  moved.hubs[0].access_km = -1;  // keep the entry-node record out of this test
  EXPECT_TRUE(has_rule(check_plan(moved, scenario), "hub_siting", "hub.b"));
  auto wrong_access = plan;
  wrong_access.hubs[0].access_km += 50;
  EXPECT_TRUE(has_rule(check_plan(wrong_access, scenario), "hub_siting"));
}

TEST_F(HubSiting, OneHubPerTownAndTheCheckerSaysSo) {
  protection_and_access();
  params.hub_siting.min_separation_km = 25;
  // A second, smaller site in hub.a's town, 8.6 km away.
  model::Site garrison = *scenario.theatre.find_site("hub.a");
  garrison.id = garrison.name = "hub.a2";
  garrison.position = {22.1, 47.55};
  garrison.capacity = 500;
  scenario.theatre.sites.push_back(garrison);
  scenario.mandate.posture.hub_count = 2;
  const auto plan = make_plan(scenario, params);
  const auto a2 = std::find_if(plan.candidates.begin(), plan.candidates.end(), [](const CandidateSite& c) { return c.site_id == "hub.a2"; });
  ASSERT_NE(a2, plan.candidates.end());
  EXPECT_FALSE(a2->hub_eligible);
  ASSERT_EQ(plan.hubs.size(), 2u);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
  auto same_town = plan;
  same_town.hubs[0].site_id = "hub.a";
  same_town.hubs[1].site_id = "hub.a2";
  same_town.hubs[0].access_km = same_town.hubs[1].access_km = -1;
  EXPECT_TRUE(has_rule(check_plan(same_town, scenario), "hub_siting", "hub.a2"));
}

// Only the airfield may be a hub; it holds 450 personnel. The squadron (300) takes its parking
// and personnel; the first AD unit (100) sits at the airfield hub (400), the second would make
// 500 and goes to the roomiest candidate hub instead.
class AirfieldHub : public ::testing::Test {
protected:
  void SetUp() override {
    auto& m = scenario.mandate;
    m.posture.candidate_site_kinds = {"airfield"};
    model::RequirementLine hub_line = m.requirements[0];
    hub_line.id = "R-3";
    hub_line.quantity = 2;
    hub_line.coverage.reset();
    m.requirements = {m.requirements[1], hub_line};
    params.hub_siting.airfield_personnel = {{"default", 450}};
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
};

TEST_F(AirfieldHub, HubBasedUnitsSitAtTheAirfieldHubUpToItsPersonnel) {
  const auto plan = make_plan(scenario, params);
  ASSERT_EQ(plan.hubs.size(), 1u);
  EXPECT_EQ(plan.hubs[0].site_id, "airfield.ua");
  EXPECT_EQ(plan.hubs[0].capacity_personnel, 450);
  std::vector<std::string> ad_sites;
  for (const auto& p : plan.positions)
    if (p.line_id == "R-3") ad_sites.push_back(p.site_id);
  ASSERT_EQ(ad_sites.size(), 2u);
  EXPECT_EQ(ad_sites[0], "airfield.ua");
  EXPECT_NE(ad_sites[1], "airfield.ua");
  EXPECT_EQ(plan.hubs[0].load_personnel, 400);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(AirfieldHub, CheckerFlagsAnAirfieldAboveItsPersonnel) {
  auto plan = make_plan(scenario, params);
  // The same plan judged under rules that give the airfield 350 personnel.
  plan.provenance.parameters["hub_siting.airfield_personnel.default"] = 350;
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(has_rule(violations, "airfield_personnel", "airfield.ua"));
  EXPECT_TRUE(has_rule(violations, "hub_capacity", "airfield.ua"));
}

TEST_F(AirfieldHub, HubPersonnelCountsOnlyLinesThatLiveAtHubs) {
  // R-1 covers population (placed where its footprint covers most); R-3 has no target.
  auto with_cover = scenario;
  with_cover.mandate.requirements.push_back(test::tiny_scenario().mandate.requirements[0]);
  EXPECT_EQ(hub_personnel_demand(with_cover), 200);
}

TEST_F(AirfieldHub, ALineNamingItsSiteIsBasedThereOnly) {
  params.threat.line_basing = {{"R-3", "sites", "R-3 text: 'at hub B'", {"hub.b"}}};
  auto plan = make_plan(scenario, params);
  for (const auto& p : plan.positions) {
    if (p.line_id == "R-3") {
      EXPECT_EQ(p.site_id, "hub.b");
    }
  }
  EXPECT_TRUE(check_plan(plan, scenario).empty());
  // Moved to the airfield hub: the line's own text forbids it.
  for (auto& position : plan.positions)
    if (position.line_id == "R-3") position.site_id = "hub.a";
  for (auto& a : plan.assignments)
    if (a.line_id == "R-3") a.site_id = "hub.a";
  EXPECT_TRUE(has_rule(check_plan(plan, scenario), "line_basing"));
}

TEST(HubSitingFile, EveryProblemIsNamedWithItsPointer) {
  const auto path = std::filesystem::temp_directory_path() / "guarantor_hub_siting_test.json";
  {
    std::ofstream out(path);
    out << R"({"min_threat_km": {"value": 150}, "weights": {"support": {"value": 0}, "protection": {"value": 0},
              "access": {"value": 0}}, "airfield_personnel": {}})";
  }
  try {
    load_hub_siting(path);
    FAIL() << "an incomplete hub_siting.json was accepted";
  } catch (const Error& error) {
    std::string text;
    for (const auto& d : error.diagnostics()) text += d.to_string() + "\n";
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_NE(text.find("/protection_depth_km"), std::string::npos) << text;
    EXPECT_NE(text.find("/weights"), std::string::npos) << text;
    EXPECT_NE(text.find("/airfield_personnel"), std::string::npos) << text;
  }
  std::filesystem::remove(path);
}

TEST(HubSitingFile, TheDefaultFileLoadsWithItsSources) {
  const auto rules = load_hub_siting(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "planning" / "hub_siting.json");
  EXPECT_EQ(rules.min_threat_km, 150);
  EXPECT_GT(rules.protection_weight, 0);
  model::Site airfield;
  airfield.subkind = "military";
  EXPECT_GT(rules.airfield_personnel_capacity(airfield), 0);
}

}  // namespace
}  // namespace guarantor::planner
