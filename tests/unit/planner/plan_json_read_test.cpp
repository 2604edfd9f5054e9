// plan.json read back for `check` and `diff`: a damaged field is named by file, line and JSON
// pointer, in the posture sections as in the core ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

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
