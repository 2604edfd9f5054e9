// Host-nation support on the hand-drawn theatre (tiny_scenario.hpp) with a second NATO
// neighbour, RO, whose hub is roomier than Poland's: Polish accommodation must still be placed
// in Poland, at the site the pledge names when it names one, and the checker must flag a
// Polish unit moved to Romania.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

model::Scenario with_host_support() {
  auto s = test::tiny_scenario();
  auto& t = s.theatre;
  t.countries.push_back({"RO", "642", "Romania", model::CountryRole::NeighbourNato, true, true, "1435",
                         test::box(20, 40, 28, 45), ""});
  for (const auto& [id, position, country, capacity] :
       {std::tuple{"hub.ro", geo::LonLat{24, 44}, "RO", 9000.0}, std::tuple{"hub.pl2", geo::LonLat{16, 46}, "PL", 200.0}}) {
    model::Site site;
    site.id = id;
    site.name = id;
    site.kind = model::SiteKind::CandidateHub;
    site.position = position;
    site.country = country;
    site.capacity = capacity;
    site.capacity_unit = "personnel";
    t.sites.push_back(site);
  }
  model::Capability housing;
  housing.code = "HOST.TEST_HOUSING";
  housing.domain = model::Domain::Host;
  housing.personnel.value = 20;
  housing.coverage = model::CoverageKind::None;
  housing.basing = model::Basing::Hub;
  housing.app6_sidc = "10032000001119000000";
  s.catalogue.capabilities.push_back(housing);
  s.coalition.nations.push_back({"RO", "Romania", true, true, {26, 44.5}, ""});
  model::Pledge pl;
  pl.id = "PL-H";
  pl.nation = "PL";
  pl.capability = housing.code;
  pl.quantity = 2;
  pl.caveats.push_back(model::Caveat::from_names(model::CaveatKind::Where, {"neighbouring_nato"}, "test"));
  model::Pledge named = pl;
  named.id = "PL-N";
  named.quantity = 1;
  named.readiness_days = 1;
  named.sites = {"hub.pl2"};
  s.coalition.pledges.push_back(pl);
  s.coalition.pledges.push_back(named);
  model::RequirementLine line;
  line.id = "R-H";
  line.capability = housing.code;
  line.quantity = 3;
  line.location = model::Location::NeighbouringNato;
  line.role = model::RequirementRole::HostSupport;
  line.required_by_day = 30;
  line.priority = 2;
  s.mandate.requirements.push_back(line);
  return s;
}

TEST(HostSupport, PlacedInItsOwnNationAndAtItsNamedSite) {
  const auto scenario = with_host_support();
  const Plan plan = make_plan(scenario, test::tiny_parameters());
  int host_units = 0;
  for (const auto& a : plan.assignments) {
    if (a.line_id != "R-H") continue;
    ++host_units;
    const auto* site = scenario.theatre.find_site(a.site_id);
    ASSERT_NE(site, nullptr);
    EXPECT_EQ(site->country, "PL") << a.unit_id << " at " << a.site_id;
    if (a.pledge_id == "PL-N") {
      EXPECT_EQ(a.site_id, "hub.pl2");
    }
  }
  EXPECT_EQ(host_units, 3);
  EXPECT_EQ(plan.find_line("R-H")->status, LineStatus::Met);
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(violations.empty()) << violations.front().rule << ": " << violations.front().message;
}

TEST(HostSupport, CheckerFlagsHostSupportMovedAbroad) {
  const auto scenario = with_host_support();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  auto it = std::find_if(plan.assignments.begin(), plan.assignments.end(),
                         [](const Assignment& a) { return a.pledge_id == "PL-H"; });
  ASSERT_NE(it, plan.assignments.end());
  for (auto& p : plan.positions)
    if (p.id == it->position_id) p.site_id = "hub.ro", p.position = {24, 44};
  it->site_id = "hub.ro";
  const auto violations = check_plan(plan, scenario);
  const auto found = std::find_if(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "host_abroad"; });
  ASSERT_NE(found, violations.end());
  EXPECT_EQ(found->subject, it->unit_id);
  EXPECT_NE(found->message.find("RO"), std::string::npos);
}

TEST(HostSupport, CheckerFlagsAUnitAwayFromItsNamedSite) {
  const auto scenario = with_host_support();
  Plan plan = make_plan(scenario, test::tiny_parameters());
  auto it = std::find_if(plan.assignments.begin(), plan.assignments.end(),
                         [](const Assignment& a) { return a.pledge_id == "PL-N"; });
  ASSERT_NE(it, plan.assignments.end());
  for (auto& p : plan.positions)
    if (p.id == it->position_id) p.site_id = "hub.pl", p.position = {18, 47.5};
  const auto violations = check_plan(plan, scenario);
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) { return v.rule == "named_site"; }));
}

}  // namespace
}  // namespace guarantor::planner
