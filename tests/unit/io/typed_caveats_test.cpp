// Caveats and pledge dates are decoded once, at load, into typed values: the model refuses a
// caveat that cannot hold (no place, a place twice, no condition or role), and the loader
// reports every value that does not make a caveat where it is, including a condition precedent
// the mandate does not list.
#include <regex>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/model/coalition.hpp"
#include "load_diagnostics.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

using model::Caveat;
using model::CaveatKind;
using model::Location;
using model::Phase;

std::vector<Diagnostic> load_errors(const testing::ScenarioFixture& fixture) {
  return testing::load_errors(fixture.manifest());
}

using testing::diagnostics_text;

// True when one diagnostic is located at `file:<line> pointer` and says `message`.
bool reported(const std::vector<Diagnostic>& diagnostics, const std::string& file, const std::string& pointer,
              const std::string& message, ErrorCode code) {
  const std::regex located("(^|/)" + file + ":[0-9]+ " + pointer + "$");
  for (const auto& d : diagnostics)
    if (std::regex_search(d.where, located) && d.message.find(message) != std::string::npos && d.code == code)
      return true;
  return false;
}

TEST(TypedCaveats, FactoriesRefuseImpossibleCaveats) {
  EXPECT_THROW((void)Caveat::only_in({}, "t"), Error);
  EXPECT_THROW((void)Caveat::only_in({Location::Ukraine, Location::Ukraine}, "t"), Error);
  EXPECT_THROW((void)Caveat::needs_condition("", "t"), Error);
  EXPECT_THROW((void)Caveat::from_names(CaveatKind::ExcludedRole, {"fighting"}, "t"), Error);
  EXPECT_THROW((void)Caveat::from_names(CaveatKind::When, {"someday"}, "t"), Error);
  EXPECT_THROW((void)Caveat::from_names(CaveatKind::Where, {"mars"}, "t"), Error);
  EXPECT_THROW((void)Caveat::from_names(CaveatKind::Condition, {"us_backstop", "un_mandate"}, "t"), Error);
  try {
    (void)Caveat::only_in({Location::BlackSea, Location::Ukraine, Location::BlackSea}, "t");
    FAIL() << "a place listed twice was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_NE(std::string(error.what()).find("black_sea twice"), std::string::npos) << error.what();
  }
}

TEST(TypedCaveats, TypedRulesAnswerWithoutReparsing) {
  const auto where = Caveat::only_in({Location::NeighbouringNato, Location::OutsideTheatre}, "s");
  EXPECT_EQ(where.kind(), CaveatKind::Where);
  EXPECT_TRUE(where.allows(Location::OutsideTheatre));
  EXPECT_FALSE(where.allows(Location::Ukraine));
  EXPECT_EQ(where.value_names(), (std::vector<std::string>{"neighbouring_nato", "outside_theatre"}));
  const auto when = Caveat::from_names(CaveatKind::When, {"peace_deal"}, "s");
  EXPECT_EQ(when.phase(), Phase::PeaceDeal);
  EXPECT_TRUE(when.allows(Location::Ukraine));  // only a place caveat restricts places
  EXPECT_EQ(Caveat::needs_condition("us_backstop", "s").key(), "us_backstop");
  EXPECT_EQ(Caveat::excludes_role(model::RequirementRole::Combat, "s").value_names(),
            std::vector<std::string>{"combat"});
}

TEST(TypedCaveats, LoadedPledgeCarriesTypedCaveatsAndDate) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/1/valid_until", "2026-02-28");
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  const auto* pledge = scenario.coalition.find_pledge("DE-1");
  ASSERT_NE(pledge, nullptr);
  ASSERT_EQ(pledge->caveats.size(), 2U);
  EXPECT_EQ(pledge->caveats[0].locations(), std::vector<Location>{Location::NeighbouringNato});
  EXPECT_EQ(pledge->caveats[1].key(), "us_backstop");
  ASSERT_TRUE(pledge->valid_until.has_value());
  EXPECT_EQ(pledge->valid_until->iso(), "2026-02-28");
  EXPECT_EQ(pledge->valid_until->days(), *parse_iso_date("2026-02-28"));
  EXPECT_FALSE(scenario.coalition.find_pledge("FR-1")->valid_until.has_value());
}

// A condition the mandate does not list used to read as "never met" and blocked the pledge in
// silence; it is now a located reference error.
TEST(TypedCaveats, UnknownConditionIsALocatedReferenceError) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/1/caveats/1/values/0", "us_backstp");
  const auto errors = load_errors(fixture);
  EXPECT_TRUE(reported(errors, "coalition.json", "/pledges/1/caveats/1/values/0",
                       "condition \"us_backstp\" is not a condition of the mandate", ErrorCode::Reference))
      << diagnostics_text(errors);
}

TEST(TypedCaveats, EveryBadCaveatValueIsReportedWhereItIs) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/2/caveats/0/values", {"neighbouring_nato", "neighbouring_nato"});
  fixture.set("coalition.json", "/pledges/1/caveats/1/values/0", "");
  fixture.set("coalition.json", "/pledges/0/caveats",
              nlohmann::json::array({{{"kind", "when"}, {"values", {"after_the_war"}}, {"source", "t"}}}));
  const auto errors = load_errors(fixture);
  EXPECT_TRUE(reported(errors, "coalition.json", "/pledges/2/caveats/0/values/1",
                       "got \"neighbouring_nato\" a second time; expected each location once", ErrorCode::Schema))
      << diagnostics_text(errors);
  EXPECT_TRUE(reported(errors, "coalition.json", "/pledges/1/caveats/1/values/0", "empty; expected a condition key",
                       ErrorCode::Schema))
      << diagnostics_text(errors);
  EXPECT_TRUE(reported(errors, "coalition.json", "/pledges/0/caveats/0/values/0",
                       "got \"after_the_war\"; expected one of ceasefire, peace_deal", ErrorCode::Schema))
      << diagnostics_text(errors);
}

TEST(TypedCaveats, EmptyValidUntilStaysOpenEnded) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/0/valid_until", "");
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  EXPECT_FALSE(scenario.coalition.find_pledge("FR-1")->valid_until.has_value());
}

}  // namespace
}  // namespace guarantor::io
