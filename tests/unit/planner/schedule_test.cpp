// The arrival stage's entry-node queues on hand-drawn cases (tiny_scenario.hpp plus what each
// fixture adds), worked out by hand; order independence; the checker's throughput rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/planner/schedule.hpp"
#include "tiny_scenario.hpp"
#include "violations.hpp"

namespace guarantor::planner {
namespace {

using guarantor::testing::has;

const Assignment& unit(const Plan& plan, std::string_view id) {
  const auto it = std::find_if(plan.assignments.begin(), plan.assignments.end(), [id](const Assignment& a) { return a.unit_id == id; });
  EXPECT_NE(it, plan.assignments.end()) << id;
  return *it;
}

// Airfield: three squadrons (GB-2/1..3, ready day 5) for line R-2 at airfield.ua (room raised to
// 36 aircraft, 12 per squadron). Each needs 4 C-17 loads of ground echelon; the airfield takes 5
// loads a day; air_deploy_days = 2, so all three reach it on day 7. Queue order (same gate,
// priority and ready day): unit id.
//   GB-2/1: day 7 takes 4 (1 left)              -> passes day 7, arrives day 7
//   GB-2/2: day 7 takes 1, day 8 takes 3 (2 left) -> passes day 8, arrives day 8
//   GB-2/3: day 8 takes 2, day 9 takes 2         -> passes day 9, arrives day 9
// With unlimited throughput all three arrive on day 7. The AD battery (GB-1/1, 100 personnel,
// rail crossing of 1,000 a day) does not queue and arrives on day 17 either way, so
// objective = 17 + 7 + 8 + 9 = 41 and bound = 17 + 3 x 7 = 38.
class AirfieldQueue : public ::testing::Test {
protected:
  AirfieldQueue() {
    for (auto& c : scenario.catalogue.capabilities)
      if (c.code == "AIR.TEST_SQN") c.lift_c17_loads = model::PlanningFactor{4, 4, 4, "C-17 loads", "test"};
    for (auto& s : scenario.theatre.sites)
      if (s.id == "airfield.ua") s.capacity = 36;
    for (auto& p : scenario.coalition.pledges)
      if (p.id == "GB-2") p.quantity = 3;
    for (auto& l : scenario.mandate.requirements)
      if (l.id == "R-2") l.quantity = 3;
    params.movement.airfield_c17_loads_per_day = 5;
    plan = make_plan(scenario, params);
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
  Plan plan;
};

TEST_F(AirfieldQueue, ArrivalsFollowTheDailyLoads) {
  EXPECT_EQ(unit(plan, "GB-2/1").arrival_day, 7);
  EXPECT_EQ(unit(plan, "GB-2/2").arrival_day, 8);
  EXPECT_EQ(unit(plan, "GB-2/3").arrival_day, 9);
  const auto& second = unit(plan, "GB-2/2");
  EXPECT_EQ(second.entry_node, "airfield.ua");
  EXPECT_EQ(second.entry_day, 8);
  ASSERT_EQ(second.entry_use.size(), 2u);
  EXPECT_EQ(second.entry_use[0].day, 7);
  EXPECT_DOUBLE_EQ(second.entry_use[0].amount, 1);
  EXPECT_EQ(second.entry_use[1].day, 8);
  EXPECT_DOUBLE_EQ(second.entry_use[1].amount, 3);
  const auto* stage = plan.find_stage("schedule");
  ASSERT_NE(stage, nullptr);
  EXPECT_DOUBLE_EQ(stage->stats.objective, 41);
  EXPECT_DOUBLE_EQ(stage->stats.bound, 38);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(AirfieldQueue, ShuffledAssignmentsGiveTheSameSchedule) {
  auto timing = [](const Plan& p) {
    std::map<std::string, std::tuple<int, int, std::string, std::vector<std::pair<int, double>>>> out;
    for (const auto& a : p.assignments) {
      std::vector<std::pair<int, double>> uses;
      for (const auto& use : a.entry_use) uses.emplace_back(use.day, use.amount);
      out[a.unit_id] = {a.arrival_day, a.entry_day, a.entry_node, uses};
    }
    return out;
  };
  const auto expected = timing(plan);
  const auto* stage = plan.find_stage("schedule");
  std::mt19937 rng(20250318);
  for (int trial = 0; trial < 10; ++trial) {
    Plan shuffled = plan;
    std::shuffle(shuffled.assignments.begin(), shuffled.assignments.end(), rng);
    const auto report = schedule_arrivals(scenario, params, shuffled);
    EXPECT_EQ(timing(shuffled), expected) << "trial " << trial;
    EXPECT_DOUBLE_EQ(report.stats.objective, stage->stats.objective);
    EXPECT_DOUBLE_EQ(report.stats.bound, stage->stats.bound);
    ASSERT_EQ(shuffled.closure.size(), plan.closure.size());
    EXPECT_EQ(shuffled.closure.back().units, plan.closure.back().units);
  }
}

// Port: three ships (GB-3/1..3, ready day 0, home port = port.ua so they sail 0 km) for line R-3
// at port.ua: 2 berths, half a berth per ship, 0.5 unit-loads per berth per day = 1 ship a day.
//   GB-3/1: day 0 -> arrives day 0;  GB-3/2: day 0 full -> day 1;  GB-3/3: -> day 2.
// With unlimited throughput all three arrive on day 0: the queue adds 0 + 1 + 2 = 3 days.
class PortQueue : public ::testing::Test {
protected:
  PortQueue() {
    model::Site port;
    port.id = port.name = "port.ua";
    port.kind = model::SiteKind::Port;
    port.position = {21, 45.5};
    port.country = "UA";
    port.capacity = 2;
    port.capacity_unit = "berths";
    port.status = model::SiteStatus::Operating;
    scenario.theatre.sites.push_back(port);
    model::Capability ship = scenario.catalogue.capabilities.front();
    ship.code = "NAV.TEST";
    ship.personnel.value = 50;
    ship.basing = model::Basing::Port;
    scenario.catalogue.capabilities.push_back(ship);
    model::Pledge pledge = scenario.coalition.pledges.front();
    pledge.id = "GB-3";
    pledge.capability = "NAV.TEST";
    pledge.quantity = 3;
    pledge.readiness_days = 0;
    pledge.home = port.position;
    scenario.coalition.pledges.push_back(pledge);
    model::RequirementLine line = scenario.mandate.requirements.back();
    line.id = "R-3";
    line.capability = "NAV.TEST";
    line.role = model::RequirementRole::MaritimeSecurity;
    line.quantity = 3;
    scenario.mandate.requirements.push_back(line);
    params.port_resource["NAV.TEST"] = 0.5;
    params.movement.port_unit_loads_per_berth_per_day = 0.5;
    plan = make_plan(scenario, params);
  }
  model::Scenario scenario = test::tiny_scenario();
  PlannerParameters params = test::tiny_parameters();
  Plan plan;
};

TEST_F(PortQueue, OneShipABerthingDay) {
  EXPECT_EQ(unit(plan, "GB-3/1").arrival_day, 0);
  EXPECT_EQ(unit(plan, "GB-3/2").arrival_day, 1);
  EXPECT_EQ(unit(plan, "GB-3/3").arrival_day, 2);
  EXPECT_EQ(unit(plan, "GB-3/3").entry_node, "port.ua");
  EXPECT_EQ(unit(plan, "GB-3/3").entry_day, 2);
  const auto* stage = plan.find_stage("schedule");
  ASSERT_NE(stage, nullptr);
  EXPECT_DOUBLE_EQ(stage->stats.objective - stage->stats.bound, 3);
  EXPECT_TRUE(check_plan(plan, scenario).empty());
}

TEST_F(PortQueue, CheckerCatchesTwoShipsOnADayWithRoomForOne) {
  // Hand-broken: GB-3/2 recorded as berthing on day 0 beside GB-3/1, consistently in every field.
  for (auto& a : plan.assignments)
    if (a.unit_id == "GB-3/2") a.arrival_day = 0, a.entry_day = 0, a.entry_use = {{0, 1.0}};
  const auto violations = check_plan(plan, scenario);
  ASSERT_TRUE(has(violations, "entry_throughput"));
  const auto it = std::find_if(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "entry_throughput"; });
  EXPECT_EQ(it->subject, "port.ua");
}

TEST_F(PortQueue, CheckerCatchesAUnitThatSkipsTheQueue) {
  for (auto& a : plan.assignments)
    if (a.unit_id == "GB-3/3") a.entry_use.clear(), a.entry_use.push_back({2, 0.25});
  EXPECT_TRUE(has(check_plan(plan, scenario), "entry_throughput"));
}

}  // namespace
}  // namespace guarantor::planner
