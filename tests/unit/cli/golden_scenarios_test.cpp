// Golden scenarios: three small scenarios on the real theatre (tests/fixtures/scenarios/golden),
// planned by `guarantor plan` as a user would, with every figure below worked out by hand from the
// catalogue's personnel per unit (data/catalogue/capabilities.json) and the definitions of
// docs/planner.md ("Figures: one definition each"). They are asserted, never regenerated: a
// change that moves one is a change of meaning and must be argued here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "cli_run.hpp"

namespace {

using guarantor::testing::fresh_temp_dir;
using guarantor::testing::read_file;
using guarantor::testing::run_cli;
using nlohmann::json;

const std::filesystem::path GOLDEN = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "scenarios" / "golden";

struct Planned {
  json plan;
  std::map<std::string, json> lines;  ///< by line id
  std::map<std::string, std::string> unassigned;  ///< unit id -> reason
};

Planned plan_golden(const std::string& name) {
  const auto out = fresh_temp_dir("golden-" + name);
  const auto run = run_cli("plan " + (GOLDEN / name / "scenario.json").string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  Planned planned;
  planned.plan = json::parse(read_file(out / "plan.json"));
  for (const auto& line : planned.plan["lines"]) planned.lines[line["line"].get<std::string>()] = line;
  for (const auto& unit : planned.plan["unassigned"])
    planned.unassigned[unit["unit"].get<std::string>()] = unit["reason"].get<std::string>();
  // The checker recomputes every figure and status from the scenario and the assignments.
  const auto check = run_cli("check " + (out / "plan.json").string() + " " + (GOLDEN / name / "scenario.json").string());
  EXPECT_EQ(check.exit_code, 0) << check.output;
  std::filesystem::remove_all(out);
  return planned;
}

// A training mission (300 personnel) in Ukraine rotates; a headquarters (500) that serves only
// from home does not, and neither does host-nation housing (20) that no line asks for.
//   pledged   = 2 x 300 + 500 + 20           = 1,120
//   eligible  = all three pledges            = 1,120
//   deployed  = one mission + the HQ         =   800
//   rotating  = the mission in Ukraine       =   300
//   pool      = 300 x 3                      =   900
//   available = GB-T's two missions          =   600  (not the HQ: it never serves in theatre;
//                                                       not the housing: host-nation support)
//   shortfall = 900 - 600                    =   300
TEST(GoldenScenario, RotationCountsOnlyUnitsThatServeInTheTheatre) {
  const Planned p = plan_golden("rotation");
  const json& r = p.plan["rotation"];
  EXPECT_EQ(r["deployed_units"], 2);
  EXPECT_EQ(r["pledged_personnel"], 1120);
  EXPECT_EQ(r["eligible_personnel"], 1120);
  EXPECT_EQ(r["deployed_personnel"], 800);
  EXPECT_EQ(r["rotating_personnel"], 300);
  EXPECT_EQ(r["required_pool"], 900);
  EXPECT_EQ(r["pool_personnel"], 600);
  EXPECT_EQ(r["shortfall"], 300);
  EXPECT_EQ(p.lines.at("R-TRAIN")["status"], "met");
  EXPECT_EQ(p.lines.at("R-HQ")["status"], "met");
  // The second mission and the housing stay home, each with its true reason.
  ASSERT_EQ(p.unassigned.size(), 2u);
  EXPECT_TRUE(p.unassigned.count("GB-T/2"));
  ASSERT_TRUE(p.unassigned.count("PL-H/1"));
  EXPECT_NE(p.unassigned.at("PL-H/1").find("no requirement line"), std::string::npos) << p.unassigned.at("PL-H/1");
}

// Two engineer battalions (600 each) asked for in Ukraine. DE-E waits for the US backstop (not
// met), FI-E may serve only on NATO soil, SE-E brings its own rotation.
//   pledged   = 3 x 600                      = 1,800
//   eligible  = SE-E + FI-E (DE-E's condition is unmet)   = 1,200
//   deployed  = SE-E                         =   600
//   rotating  = 0 (SE-E rotates itself)      =     0
//   pool      = 0; available = FI-E's 600 (it would rotate wherever it served); shortfall 0
// The line gets one battalion of two: partial, not met.
TEST(GoldenScenario, CaveatsConditionsAndOwnRotation) {
  const Planned p = plan_golden("caveats");
  const json& r = p.plan["rotation"];
  EXPECT_EQ(r["pledged_personnel"], 1800);
  EXPECT_EQ(r["eligible_personnel"], 1200);
  EXPECT_EQ(r["deployed_personnel"], 600);
  EXPECT_EQ(r["rotating_personnel"], 0);
  EXPECT_EQ(r["required_pool"], 0);
  EXPECT_EQ(r["pool_personnel"], 600);
  EXPECT_EQ(r["shortfall"], 0);
  const json& line = p.lines.at("R-ENG");
  EXPECT_EQ(line["required"], 2);
  EXPECT_EQ(line["units"].size(), 1u);
  EXPECT_NE(line["status"], "met");
  ASSERT_EQ(p.plan["assignments"].size(), 1u);
  EXPECT_EQ(p.plan["assignments"][0]["pledge"], "SE-E");
  ASSERT_TRUE(p.unassigned.count("DE-E/1"));
  EXPECT_NE(p.unassigned.at("DE-E/1").find("us_backstop"), std::string::npos) << p.unassigned.at("DE-E/1");
  ASSERT_TRUE(p.unassigned.count("FI-E/1"));
  EXPECT_NE(p.unassigned.at("FI-E/1").find("neighbouring_nato"), std::string::npos) << p.unassigned.at("FI-E/1");
}

// Three infantry companies (150 each) for two lines of two: the priority-1 line is filled first.
//   pledged = eligible = deployed = rotating = 3 x 150 = 450; pool 1,350; available 450;
//   shortfall 900. R-FP-1 met, R-FP-2 one of two.
TEST(GoldenScenario, TheHigherPriorityLineIsFilledFirst) {
  const Planned p = plan_golden("priority");
  const json& r = p.plan["rotation"];
  EXPECT_EQ(r["pledged_personnel"], 450);
  EXPECT_EQ(r["deployed_personnel"], 450);
  EXPECT_EQ(r["rotating_personnel"], 450);
  EXPECT_EQ(r["required_pool"], 1350);
  EXPECT_EQ(r["pool_personnel"], 450);
  EXPECT_EQ(r["shortfall"], 900);
  EXPECT_EQ(p.lines.at("R-FP-1")["units"].size(), 2u);
  EXPECT_EQ(p.lines.at("R-FP-1")["status"], "met");
  EXPECT_EQ(p.lines.at("R-FP-2")["units"].size(), 1u);
  EXPECT_NE(p.lines.at("R-FP-2")["status"], "met");
  EXPECT_TRUE(p.unassigned.empty());
}

}  // namespace
