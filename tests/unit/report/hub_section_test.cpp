// The plan page's hub section states, for every hub, the terms the hubs stage weighed: the
// nearest threat axis and the km to it, the exposure it leaves inside the protection depth, the
// entry node and the km to it, and the weighted site term, computed from the rules the plan
// recorded (so a reader can check the choice by hand).
#include <gtest/gtest.h>

#include <string>

#include "guarantor/planner/hub_siting.hpp"
#include "hub_section.hpp"

namespace guarantor::report::detail {
namespace {

struct HubFixture {
  model::Scenario scenario;
  planner::Plan plan;
  HubFixture() {
    model::Site hub;
    hub.id = "hub.vinnytsia";
    hub.name = "Vinnytsia <garrison>";
    hub.kind = model::SiteKind::CandidateHub;
    model::Site crossing;
    crossing.id = "crossing.medyka";
    crossing.name = "Medyka-Shehyni";
    crossing.kind = model::SiteKind::BorderCrossing;
    scenario.theatre.sites = {hub, crossing};
    planner::HubSitingRules rules;
    rules.min_threat_km = 150;
    rules.min_separation_km = 25;
    rules.protection_depth_km = 500;
    rules.support_weight = 0.5;
    rules.protection_weight = 1.0;
    rules.access_weight = 2.0;
    rules.flatten_into(plan.provenance.parameters);
    planner::ThreatAxis axis;
    axis.id = "belarus_border";
    axis.name = "Belarusian border";
    plan.provenance.threat_axes = {axis};
    planner::CandidateSite candidate;
    candidate.site_id = "hub.vinnytsia";
    candidate.name = "Vinnytsia";
    candidate.country = "UA";
    candidate.threat_axis = "belarus_border";
    candidate.threat_km = 200;
    plan.candidates = {candidate};
    planner::Hub opened;
    opened.site_id = "hub.vinnytsia";
    opened.demand_personnel = 1234.4;
    opened.load_personnel = 900;
    opened.capacity_personnel = 3000;
    opened.access_node = "crossing.medyka";
    opened.access_km = 80;
    plan.hubs = {opened};
  }
};

TEST(HubSection, ShowsEveryTermTheStageWeighed) {
  HubFixture f;
  const std::string html = render_hub_section(f.plan, f.scenario);
  // Names come from the theatre, escaped.
  EXPECT_NE(html.find("Vinnytsia &lt;garrison&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("Belarusian border"), std::string::npos);
  EXPECT_NE(html.find("Medyka-Shehyni"), std::string::npos);
  // 200 km from the axis leaves 500 - 200 = 300 exposure km; the site term is
  // 1.0 x 300 + 2.0 x 80 = 460 weighted km.
  const auto row = html.substr(html.find("g-hub-row"));
  EXPECT_NE(row.find(">200<"), std::string::npos) << row;
  EXPECT_NE(row.find(">300<"), std::string::npos) << row;
  EXPECT_NE(row.find(">80<"), std::string::npos) << row;
  EXPECT_NE(row.find(">460<"), std::string::npos) << row;
  EXPECT_NE(row.find(">1234<"), std::string::npos) << row;
  EXPECT_NE(row.find(">900 / 3000<"), std::string::npos) << row;
  // The rules paragraph quotes the recorded weights, not the shipped file's.
  EXPECT_NE(html.find("2 &times; km from the hub to its entry node"), std::string::npos) << html;
}

TEST(HubSection, AHubBeyondTheProtectionDepthHasNoExposure) {
  HubFixture f;
  f.plan.candidates[0].threat_km = 640;
  const std::string row = render_hub_section(f.plan, f.scenario);
  EXPECT_NE(row.find(">0<"), std::string::npos);
  EXPECT_NE(row.find(">160<"), std::string::npos) << row;  // 2.0 x 80 km of access only
}

TEST(HubSection, APlanWithoutSitingRulesSaysSo) {
  HubFixture f;
  f.plan.provenance.parameters.clear();
  const std::string html = render_hub_section(f.plan, f.scenario);
  EXPECT_NE(html.find("records no siting rules"), std::string::npos);
  EXPECT_NE(html.find("g-hub-row"), std::string::npos);
  f.plan.hubs.clear();
  EXPECT_EQ(render_hub_section(f.plan, f.scenario), "<p>The plan opened no hub.</p>");
}

}  // namespace
}  // namespace guarantor::report::detail
