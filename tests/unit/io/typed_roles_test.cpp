// A requirement line's role and an excluded_role caveat's value are decoded at load into
// model::RequirementRole: a misspelt role used to pass as text, so the caveat meant to exclude it
// matched nothing and the pledge filled the line in silence.

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "load_diagnostics.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

using model::RequirementRole;
using testing::diagnostics_text;
using testing::reported_at;

TEST(TypedRoles, LinesAndCaveatsHoldTheRole) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/0/caveats",
              nlohmann::json::array({{{"kind", "excluded_role"}, {"values", {"air_defence"}}, {"source", "s"}}}));
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  EXPECT_EQ(scenario.mandate.requirements.at(0).role, RequirementRole::Deterrence);
  EXPECT_EQ(scenario.mandate.requirements.at(1).role, RequirementRole::AirDefence);
  ASSERT_EQ(scenario.coalition.pledges.at(0).caveats.size(), 1U);
  EXPECT_EQ(scenario.coalition.pledges.at(0).caveats[0].excluded_role(), RequirementRole::AirDefence);
}

TEST(TypedRoles, AnUnknownRoleNamesTheAllowedOnes) {
  testing::ScenarioFixture fixture;
  fixture.set("mandate.json", "/requirements/0/role", "deterence");
  fixture.set("coalition.json", "/pledges/0/caveats",
              nlohmann::json::array({{{"kind", "excluded_role"}, {"values", {"combatt"}}, {"source", "s"}}}));
  const auto errors = testing::load_errors(fixture.manifest());
  EXPECT_TRUE(reported_at(errors, "mandate.json", "/requirements/0/role",
                          "got \"deterence\"; expected one of air_defence, air_policing, combat,"))
      << diagnostics_text(errors);
  EXPECT_TRUE(reported_at(errors, "coalition.json", "/pledges/0/caveats/0/values/0",
                          "got \"combatt\"; expected one of air_defence, air_policing, combat,"))
      << diagnostics_text(errors);
}

TEST(TypedRoles, EveryRoleNameRoundTrips) {
  for (const auto role :
       {RequirementRole::AirDefence, RequirementRole::AirPolicing, RequirementRole::Combat, RequirementRole::Command,
        RequirementRole::Deterrence, RequirementRole::Engineering, RequirementRole::ForceProtection,
        RequirementRole::HostSupport, RequirementRole::Logistics, RequirementRole::MaritimeSecurity,
        RequirementRole::Medical, RequirementRole::MineCountermeasures, RequirementRole::Monitoring,
        RequirementRole::Training}) {
    const std::string_view name = model::to_string(role);
    EXPECT_EQ(model::requirement_role_from_string(name), role) << name;
    EXPECT_NE(model::REQUIREMENT_ROLE_NAMES.find(name), std::string_view::npos) << name;
  }
  EXPECT_EQ(model::requirement_role_from_string("Combat"), std::nullopt);
}

}  // namespace
}  // namespace guarantor::io
