// plan.json read back for `check` and `diff`: values are decoded into the same types the planner
// made (dates as calendar days), and a damaged field is named by file, line and JSON pointer.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

// The tiny scenario's plan as plan.json, parsed for a test to damage one field.
nlohmann::json tiny_plan_json() {
  return nlohmann::json::parse(plan_to_json(make_plan(test::tiny_scenario(), test::tiny_parameters())));
}

// The error reading `doc` back, as "where: message"; "" when it reads.
std::string read_error(const nlohmann::json& doc) {
  try {
    (void)plan_from_json(doc.dump(2), "plan.json");
  } catch (const Error& error) {
    return error.where() + ": " + error.what();
  }
  return "";
}

TEST(PlanJsonRead, ScenarioDateRoundTripsAsACalendarDay) {
  const auto doc = tiny_plan_json();
  EXPECT_EQ(doc["provenance"]["as_of"], "2025-03-18");
  const Plan read = plan_from_json(doc.dump(), "plan.json");
  EXPECT_EQ(read.provenance.as_of, Date::from_iso("2025-03-18"));
}

TEST(PlanJsonRead, AnInvalidScenarioDateIsLocated) {
  // Read as text, "soon" used to pass into the checker and the plan page unchecked.
  auto doc = tiny_plan_json();
  doc["provenance"]["as_of"] = "soon";
  const std::string error = read_error(doc);
  EXPECT_NE(error.find("plan.json:"), std::string::npos) << error;
  EXPECT_NE(error.find(" /provenance/as_of"), std::string::npos) << error;
  EXPECT_NE(error.find("got \"soon\""), std::string::npos) << error;
  doc["provenance"]["as_of"] = "2025-02-29";
  EXPECT_NE(read_error(doc).find("February 2025 has 28 days"), std::string::npos) << read_error(doc);
}

TEST(PlanJsonRead, ProtectionKindAndLineRoleAreDecoded) {
  // Both were read back as any text; the checker then measured an unknown kind as escort.
  auto doc = tiny_plan_json();
  doc["protection_lines"] = nlohmann::json::array({{{"line", "FP-AD"},
                                                    {"kind", "surgery"},
                                                    {"title", "t"},
                                                    {"source", "s"},
                                                    {"status", "missing"},
                                                    {"sites", 0},
                                                    {"covered", 0},
                                                    {"gaps", nlohmann::json::array()}}});
  const Plan read = plan_from_json(doc.dump(), "plan.json");
  ASSERT_EQ(read.protection_lines.size(), 1u);
  EXPECT_EQ(read.protection_lines[0].kind, ProtectionKind::Surgery);
  ASSERT_FALSE(read.lines.empty());
  EXPECT_EQ(read.lines[0].role, model::RequirementRole::AirDefence);

  doc["protection_lines"][0]["kind"] = "medical";
  std::string error = read_error(doc);
  EXPECT_NE(error.find("/protection_lines/0/kind"), std::string::npos) << error;
  EXPECT_NE(error.find("air_defence, surgery, escort"), std::string::npos) << error;
  doc["protection_lines"][0]["kind"] = "surgery";
  doc["lines"][0]["role"] = "air defence";
  error = read_error(doc);
  EXPECT_NE(error.find("/lines/0/role"), std::string::npos) << error;
  EXPECT_NE(error.find("air_defence, air_policing"), std::string::npos) << error;
}

// The 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(PlanJsonRead, PostureSectionsAreLocatedByLine) {
  // The posture sections had readers of their own whose errors named no line.
  auto doc = tiny_plan_json();
  doc["protection"] = nlohmann::json::array({{{"site", "hub.a"}, {"name", "A"}, {"forward", "yes"}}});
  std::string text = doc.dump(2);
  std::string error;
  try {
    (void)plan_from_json(text, "plan.json");
  } catch (const Error& e) {
    error = e.where();
  }
  EXPECT_EQ(error, fmt::format("plan.json:{} /protection/0/forward", line_of(text, "\"forward\": \"yes\"")));

  doc = tiny_plan_json();
  doc["provenance"]["capability_sets"] = {{"escort", {"LAND.X", 7}}};
  text = doc.dump(2);
  error.clear();
  try {
    (void)plan_from_json(text, "plan.json");
  } catch (const Error& e) {
    error = e.where();
  }
  EXPECT_EQ(error, fmt::format("plan.json:{} /provenance/capability_sets/escort", line_of(text, "\"escort\": [")));
}

}  // namespace
}  // namespace guarantor::planner
