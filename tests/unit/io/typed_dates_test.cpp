// The scenario's as_of and each dated area's as_of are decoded once, at load, into calendar days
// (guarantor::Date): consumers compare days instead of re-parsing text, and a value that is not
// a real day, or an empty one, is refused where it is.

#include <gtest/gtest.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "load_diagnostics.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

using testing::diagnostics_text;
using testing::reported_at;

Date day(const char* iso) { return Date::from_iso(iso).value(); }

TEST(TypedDates, ScenarioAndAreasHoldCalendarDays) {
  testing::ScenarioFixture fixture;
  const auto scenario = load_scenario(fixture.manifest(), LoadOptions{});
  ASSERT_TRUE(scenario.as_of.has_value());
  EXPECT_EQ(*scenario.as_of, day("2025-03-18"));
  ASSERT_EQ(scenario.theatre.areas.size(), 1U);
  EXPECT_EQ(scenario.theatre.areas[0].as_of, day("2025-03-18"));
  // The phases open on days counted from as_of (mini: peace_deal opens on day 180).
  EXPECT_EQ(scenario.phase_start(model::Phase::Ceasefire), day("2025-03-18"));
  EXPECT_EQ(scenario.phase_start(model::Phase::PeaceDeal), day("2025-03-18").plus_days(180));
}

TEST(TypedDates, AnEmptyScenarioDateIsRefused) {
  // "" used to pass as "date not stated": the occupied area then silently became the latest one
  // and no pledge could expire.
  testing::ScenarioFixture fixture;
  fixture.set("scenario.json", "/as_of", "");
  const auto errors = testing::load_errors(fixture.manifest());
  EXPECT_TRUE(reported_at(errors, "scenario.json", "/as_of", "empty; expected a calendar date YYYY-MM-DD"))
      << diagnostics_text(errors);
}

TEST(TypedDates, InvalidDatesAreLocated) {
  testing::ScenarioFixture fixture;
  fixture.set("scenario.json", "/as_of", "2025-3-18");
  fixture.set("occupied.geojson", "/features/0/properties/as_of", "2024-02-30");
  const auto errors = testing::load_errors(fixture.manifest());
  EXPECT_TRUE(reported_at(errors, "scenario.json", "/as_of", "got \"2025-3-18\"")) << diagnostics_text(errors);
  EXPECT_TRUE(reported_at(errors, "occupied.geojson", "/features/0/properties/as_of", "February 2024 has 29 days"))
      << diagnostics_text(errors);
}

TEST(TypedDates, AnAreaWithoutADateIsRefused) {
  testing::ScenarioFixture fixture;
  fixture.erase("occupied.geojson", "/features/0/properties/as_of");
  const auto errors = testing::load_errors(fixture.manifest());
  EXPECT_TRUE(reported_at(errors, "occupied.geojson", "/features/0/properties/as_of", "missing"))
      << diagnostics_text(errors);
}

}  // namespace
}  // namespace guarantor::io
