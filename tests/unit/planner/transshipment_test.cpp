// The 1435/1520 mm gauge break on a hand-drawn theatre (tiny_scenario.hpp plus a broad-gauge
// crossing and a terminal in PL). The gauge-changing crossing.rail is closed, so the only way in
// by rail is: London -> rail.terminal (18, 46.5), change gauge -> crossing.broad (20, 46.5), a
// broad-gauge crossing that does not change gauge itself -> hub.a (22, 47.5) (hub.b is closed).
//   London -> terminal 1421 km x 1.3 / 500 km/day = 3.7 -> 4 days; ready day 10: at the terminal day 14
//   gauge change 2 days; terminal -> crossing 153 km x 1.3 / 500 = 0.4 -> 1 day; crossing -> hub.a
//   188 km x 1.3 / 500 = 0.5 -> 1 day.  One battery (100 personnel) transshipped on day d arrives d + 4.
// The terminal moves 100 personnel a day, so three batteries transship on days 14, 15, 16 and
// arrive on days 18, 19, 20. A railhead company (PL home (19, 50) -> terminal 396 km x 1.3 / 500
// = 1.03 -> 2 days, ready day 0: in place day 2) adds 200 a day from day 2: all three
// transship on day 14 and arrive on day 18.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"
#include "violations.hpp"

namespace guarantor::planner {
namespace {

using guarantor::testing::has;

class GaugeBreak : public ::testing::Test {
protected:
  GaugeBreak() {
    auto& sites = scenario.theatre.sites;
    // hub.b closed too, so every battery sits at hub.a and the onward leg is the same for all.
    for (auto& s : sites)
      if (s.id == "crossing.rail" || s.id == "hub.b") s.status = model::SiteStatus::Closed;
    model::Site broad;
    broad.id = "crossing.broad";
    broad.name = "Broad-gauge crossing";
    broad.kind = model::SiteKind::BorderCrossing;
    broad.subkind = "rail";
    broad.position = {20, 46.5};
    broad.country = "UA";
    broad.gauge_change = false;
    sites.push_back(broad);
    model::Site terminal;
    terminal.id = "rail.terminal";
    terminal.name = "Terminal";
    terminal.kind = model::SiteKind::RailJunction;
    terminal.subkind = "transshipment";
    terminal.position = {18, 46.5};
    terminal.country = "PL";
    terminal.capacity = 1;
    terminal.capacity_unit = "railhead companies";
    terminal.gauge_change = true;
    sites.push_back(terminal);
    for (auto& p : scenario.coalition.pledges)
      if (p.id == "GB-1") p.quantity = 3;
    auto& ad = scenario.mandate.requirements[0];
    ad.quantity = 3;
    ad.coverage.reset();
    params.movement.transshipment_capacity = {{"rail.terminal", 100}};
    params.movement.transshipment_routes = {{"crossing.broad", {"rail.terminal"}}};
    params.movement.transshipment_added = {{"LOG.TEST_RAILHEAD", 200}};
    params.rail_junction_resource = {{"LOG.TEST_RAILHEAD", 1}};
  }

  void add_railhead() {
    model::Capability railhead;
    railhead.code = "LOG.TEST_RAILHEAD";
    railhead.domain = model::Domain::Logistics;
    railhead.personnel.value = 50;
    railhead.basing = model::Basing::RailTerminal;
    railhead.app6_sidc = "10031000151630000000";
    scenario.catalogue.capabilities.push_back(railhead);
    model::Pledge pledge;
    pledge.id = "PL-R";
    pledge.nation = "PL";
    pledge.capability = railhead.code;
    pledge.quantity = 1;
    pledge.caveats.push_back(model::Caveat::from_names(model::CaveatKind::Where, {"neighbouring_nato"}, "test"));
    scenario.coalition.pledges.push_back(pledge);
    model::RequirementLine line;
    line.id = "R-RAIL";
    line.capability = railhead.code;
    line.quantity = 1;
    line.location = model::Location::NeighbouringNato;
    line.role = model::RequirementRole::Logistics;
    line.required_by_day = 30;
    line.priority = 2;
    scenario.mandate.requirements.push_back(line);
  }

  std::vector<const Assignment*> batteries() const {
    std::vector<const Assignment*> out;
    for (const auto& a : plan.assignments)
      if (a.line_id == "R-1") out.push_back(&a);
    std::sort(out.begin(), out.end(), [](const auto* x, const auto* y) { return x->arrival_day < y->arrival_day; });
    return out;
  }

  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
  Plan plan;
};

TEST_F(GaugeBreak, EveryRailMoveChangesGaugeAndQueuesAtTheTerminal) {
  plan = make_plan(scenario, params);
  const auto units = batteries();
  ASSERT_EQ(units.size(), 3u);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto& a = *units[i];
    EXPECT_EQ(a.entry_node, "crossing.broad");
    EXPECT_EQ(a.transshipment, "rail.terminal");
    EXPECT_NE(a.route.find("gauge change 1435/1520 mm at Terminal"), std::string::npos) << a.route;
    ASSERT_EQ(a.transshipment_use.size(), 1u);
    EXPECT_EQ(a.transshipment_use[0].day, 14 + static_cast<int>(i));
    EXPECT_EQ(a.transshipment_day, 14 + static_cast<int>(i));
    EXPECT_EQ(a.arrival_day, 18 + static_cast<int>(i));
  }
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << ": " << violations.front().message;
}

TEST_F(GaugeBreak, RailheadCompanyAtTheTerminalAddsCapacity) {
  add_railhead();
  plan = make_plan(scenario, params);
  const auto railhead = std::find_if(plan.assignments.begin(), plan.assignments.end(),
                                     [](const Assignment& a) { return a.line_id == "R-RAIL"; });
  ASSERT_NE(railhead, plan.assignments.end());
  EXPECT_EQ(railhead->site_id, "rail.terminal");
  EXPECT_EQ(railhead->arrival_day, 2);
  for (const auto* a : batteries()) {
    EXPECT_EQ(a->transshipment_day, 14);
    EXPECT_EQ(a->arrival_day, 18);
  }
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << ": " << violations.front().message;
}

TEST_F(GaugeBreak, CheckerFlagsARailMoveWithoutTransshipment) {
  plan = make_plan(scenario, params);
  auto& a = *std::find_if(plan.assignments.begin(), plan.assignments.end(), [](const Assignment& x) { return x.line_id == "R-1"; });
  a.transshipment.clear();
  a.transshipment_use.clear();
  a.transshipment_day = -1;
  EXPECT_TRUE(has(check_plan(plan, scenario), "transshipment"));
}

TEST_F(GaugeBreak, CheckerFlagsTerminalOverloadAndAGaugeChangeOffTheRoute) {
  plan = make_plan(scenario, params);
  // All three batteries claim the terminal on day 14: 300 personnel through a 100-a-day point.
  for (auto& a : plan.assignments)
    if (a.line_id == "R-1") a.transshipment_use = {{14, 100}}, a.transshipment_day = 14;
  EXPECT_TRUE(has(check_plan(plan, scenario), "transshipment_throughput"));
  plan = make_plan(scenario, params);
  for (auto& a : plan.assignments)
    if (a.line_id == "R-1") a.transshipment = "hub.pl";
  EXPECT_TRUE(has(check_plan(plan, scenario), "transshipment"));
}

TEST_F(GaugeBreak, CheckerFlagsARailheadAwayFromAGaugeBreak) {
  add_railhead();
  plan = make_plan(scenario, params);
  for (auto& p : plan.positions)
    if (p.line_id == "R-RAIL") p.site_id = "hub.pl";
  for (auto& a : plan.assignments)
    if (a.line_id == "R-RAIL") a.site_id = "hub.pl";
  EXPECT_TRUE(has(check_plan(plan, scenario), "railhead_site"));
}

}  // namespace
}  // namespace guarantor::planner
