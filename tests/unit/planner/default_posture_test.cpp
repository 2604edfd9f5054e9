// The default scenario against the posture rules: threat axes, the line-text filter of R-AIR-1,
// forward monitors on the contact line, force-protection lines, and the US backstop what-if.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/planner/threat.hpp"

namespace guarantor::planner {
namespace {

class DefaultPosture : public ::testing::Test {
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
  static std::vector<const Assignment*> on_line(const Plan& plan, std::string_view line) {
    std::vector<const Assignment*> out;
    for (const auto& a : plan.assignments)
      if (a.line_id == line) out.push_back(&a);
    return out;
  }
  static model::Scenario* scenario_;
  static PlannerParameters* params_;
  static Plan* plan_;
};
model::Scenario* DefaultPosture::scenario_ = nullptr;
PlannerParameters* DefaultPosture::params_ = nullptr;
Plan* DefaultPosture::plan_ = nullptr;

TEST_F(DefaultPosture, KyivIsNearestToBelarusAndNoSiteIsInsideABand) {
  const ThreatMap threats(*scenario_, params_->threat.axes, scenario_->mandate.posture.standoff_km.value);
  const auto kyiv = threats.nearest({30.52, 50.45});
  ASSERT_TRUE(kyiv.has_value());
  EXPECT_EQ(kyiv->axis, "belarus_border");
  EXPECT_NEAR(kyiv->km, 87, 8);  // reported as 87 km; the outline is Natural Earth 1:10m
  for (const auto& c : plan_->candidates)
    if (c.kind != "forward_site") {
      EXPECT_FALSE(threats.breach(c.position).has_value()) << c.site_id;
    }
}

TEST_F(DefaultPosture, HubsKeepTheirDepthHaveAnEntryNodeAndHoldTheirUnits) {
  // Under the population p-median the hubs were Kyiv (87 km from Belarus) and Dnipro (105 km
  // from the occupied area) with two airfields that held no hub unit.
  const ThreatMap threats(*scenario_, params_->threat.axes, scenario_->mandate.posture.standoff_km.value);
  ASSERT_EQ(plan_->hubs.size(), 4u);
  for (const auto& hub : plan_->hubs) {
    const auto nearest = threats.nearest(hub.position);
    ASSERT_TRUE(nearest.has_value());
    EXPECT_GE(nearest->km, params_->hub_siting.min_threat_km) << hub.site_id;
    EXPECT_FALSE(hub.access_node.empty()) << hub.site_id;
    EXPECT_GT(hub.capacity_personnel, 0) << hub.site_id;
    EXPECT_LE(hub.load_personnel, hub.capacity_personnel) << hub.site_id;
    EXPECT_GT(hub.load_personnel, 0) << hub.site_id << " holds no unit";
  }
  // The coordination cell sits where its line's text says: Kyiv.
  const auto cell = on_line(*plan_, "R-CMD-1");
  ASSERT_EQ(cell.size(), 1u);
  EXPECT_EQ(cell.front()->site_id, "hub.kyiv");
}

TEST_F(DefaultPosture, AirPolicingFromWesternUkraineOnly) {
  const auto squadrons = on_line(*plan_, "R-AIR-1");
  for (const auto* a : squadrons) {
    const auto* site = scenario_->theatre.find_site(a->site_id);
    ASSERT_NE(site, nullptr);
    EXPECT_TRUE(west_of_dnipro(site->position, params_->dnipro_line)) << a->unit_id << " at " << a->site_id;
  }
}

TEST_F(DefaultPosture, MonitorsAndDeminersReachTheContactLine) {
  for (const char* id : {"R-ISR-3", "R-ENG-3"}) {
    const auto* line = plan_->find_line(id);
    ASSERT_NE(line, nullptr) << id;
    EXPECT_GT(line->covered_fraction, 0.0) << id;
  }
  const auto monitors = on_line(*plan_, "R-ISR-3");
  ASSERT_FALSE(monitors.empty());
  EXPECT_TRUE(std::any_of(monitors.begin(), monitors.end(), [](const Assignment* a) { return a->site_id.starts_with("forward."); }));
}

TEST_F(DefaultPosture, ProtectionLinesShowTheirGapsWithDays) {
  ASSERT_GE(plan_->protection_lines.size(), 3u);
  ASSERT_FALSE(plan_->protection.empty());
  // The HQ in Kyiv is a site where units are, so it is measured.
  EXPECT_TRUE(std::any_of(plan_->protection.begin(), plan_->protection.end(),
                          [](const SiteProtection& s) { return s.name.find("Kyiv") != std::string::npos; }));
  for (const auto& line : plan_->protection_lines) {
    EXPECT_EQ(line.covered + static_cast<int>(line.gaps.size()), line.sites) << line.id;
    for (const auto& gap : line.gaps) EXPECT_NE(gap.find("day"), std::string::npos) << gap;
  }
}

TEST_F(DefaultPosture, UsBackstopBringsItsEnablers) {
  // What-if: the same scenario with the US backstop. Without it no US unit deploys and the
  // US-led technical monitoring line is empty; with it the US units take their lines and the
  // contact line is watched from NATO territory.
  EXPECT_TRUE(on_line(*plan_, "R-ISR-4").empty());
  EXPECT_TRUE(std::none_of(plan_->assignments.begin(), plan_->assignments.end(), [](const Assignment& a) { return a.nation == "US"; }));
  model::Scenario with = *scenario_;
  with.mandate.conditions["us_backstop"] = true;
  const Plan backed = make_plan(with, *params_);
  const auto hale = on_line(backed, "R-ISR-4");
  ASSERT_EQ(hale.size(), 1u);
  EXPECT_EQ(hale.front()->nation, "US");
  EXPECT_GT(backed.find_line("R-ISR-4")->covered_fraction, 0.5);
  EXPECT_EQ(plan_->find_line("R-ISR-4")->covered_fraction, 0.0);
  int us_units = 0;
  for (const auto& a : backed.assignments) us_units += a.nation == "US";
  EXPECT_GE(us_units, 1);
  EXPECT_TRUE(check_plan(backed, with).empty());
}

TEST_F(DefaultPosture, PlanChecksClean) {
  const auto violations = check_plan(*plan_, *scenario_);
  for (const auto& v : violations) ADD_FAILURE() << v.rule << " " << v.subject << ": " << v.message;
}

}  // namespace
}  // namespace guarantor::planner
