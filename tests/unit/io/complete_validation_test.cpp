// Validation lists every problem of a scenario in one run, each located by file, line and JSON
// pointer: shape errors do not hide cross-reference and duplicate-id errors, unknown keys are
// reported with the nearest known key, and dates and coverage targets are checked at load.
#include <regex>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "load_diagnostics.hpp"
#include "scenario_fixture.hpp"

namespace guarantor::io {
namespace {

std::vector<Diagnostic> load_errors(const testing::ScenarioFixture& fixture) {
  return testing::load_errors(fixture.manifest());
}

using testing::diagnostics_text;

// The diagnostic whose location is `file:<line> pointer`; returns its line, or 0 when absent.
int line_of(const std::vector<Diagnostic>& diagnostics, const std::string& file, const std::string& pointer,
            const std::string& message) {
  const std::regex located("(^|/)" + file + ":([0-9]+) " + pointer + "$");
  for (const auto& d : diagnostics) {
    std::smatch match;
    if (std::regex_search(d.where, match, located) && d.message.find(message) != std::string::npos)
      return std::stoi(match[2]);
  }
  return 0;
}

// Nine problems of four kinds in three files: every one is reported, in one run.
TEST(CompleteValidation, EveryProblemIsListedInOneRun) {
  testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/0/quantity", -2);                                            // schema
  fixture.set("coalition.json", "/pledges/1/nation", "XX");                                            // reference
  fixture.set("coalition.json", "/pledges/2/id", fixture.read("coalition.json")["pledges"][0]["id"]);  // duplicate
  fixture.set("coalition.json", "/pledges/0/valid_until", "soon");                                     // date
  fixture.set("coalition.json", "/pledges/1/valid_until", "2026-13-01");                               // date
  fixture.set("scenario.json", "/as_of", "2025-02-30");                                                // date
  fixture.set("mandate.json", "/requirements/0/capability", "AD.NOPE");                                // reference
  fixture.set("mandate.json", "/requirements/1/coverage/filter", "east_of_dnipro");  // coverage filter
  fixture.set("mandate.json", "/requirements/1/coverage/demand", "populaton");       // coverage demand
  const auto errors = load_errors(fixture);
  ASSERT_GE(errors.size(), 9U) << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "coalition.json", "/pledges/0/quantity", "got -2"), 0) << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "coalition.json", "/pledges/1/nation", "\"XX\" is not a nation"), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "coalition.json", "/pledges/0/valid_until", "got \"soon\"; expected a calendar date"), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "coalition.json", "/pledges/1/valid_until", "got \"2026-13-01\""), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "scenario.json", "/as_of",
                    "got \"2025-02-30\": February 2025 has 28 days; expected a calendar date"),
            0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "mandate.json", "/requirements/0/capability", "\"AD.NOPE\" is not in the capability"), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "mandate.json", "/requirements/1/coverage/filter", "got \"east_of_dnipro\""), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "mandate.json", "/requirements/1/coverage/demand", "got \"populaton\""), 0)
      << diagnostics_text(errors);
  bool duplicate = false;
  for (const auto& d : errors) duplicate |= d.message.find("repeats /pledges/0") != std::string::npos;
  EXPECT_TRUE(duplicate) << diagnostics_text(errors);
}

// A misspelt key is not silently ignored (it would change the force-generation answer).
TEST(CompleteValidation, UnknownKeysAreReportedWithTheNearestKnownKey) {
  testing::ScenarioFixture fixture;
  auto coalition = fixture.read("coalition.json");
  auto& pledge = coalition["pledges"][1];
  ASSERT_TRUE(pledge.contains("caveats"));
  pledge["caveatz"] = pledge["caveats"];
  pledge.erase("caveats");
  coalition["pledges"][0]["colour"] = "blue";
  fixture.write("coalition.json", coalition.dump(2));
  fixture.set("scenario.json", "/mandat", "mandate.json");
  const auto errors = load_errors(fixture);
  EXPECT_GT(
      line_of(errors, "coalition.json", "/pledges/1/caveatz", "unknown key \"caveatz\"; did you mean \"caveats\"?"), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "coalition.json", "/pledges/0/colour", "unknown key \"colour\"; expected one of "), 0)
      << diagnostics_text(errors);
  EXPECT_GT(line_of(errors, "scenario.json", "/mandat", "did you mean \"mandate\"?"), 0) << diagnostics_text(errors);
}

// The line is the line of the value in the file as written.
TEST(CompleteValidation, LinesPointAtTheValue) {
  testing::ScenarioFixture fixture;
  fixture.write("coalition.json", R"({
  "name": "x",
  "nations": [{"iso2": "FR", "name": "France", "nato": true, "eu": true, "home": [2.3, 48.8], "source": "s"}],
  "pledges": [
    {
      "id": "FR-1", "nation": "FR", "capability": "QRF", "quantity": 1, "readiness_days": 0,
      "status": "offered",
      "illustrative": true,
      "source": "s",
      "valid_until": "2026-13-01"
    }
  ]
})");
  const auto errors = load_errors(fixture);
  EXPECT_EQ(line_of(errors, "coalition.json", "/pledges/0/valid_until", "got \"2026-13-01\""), 10)
      << diagnostics_text(errors);
}

}  // namespace
}  // namespace guarantor::io
