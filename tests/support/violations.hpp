#pragma once
// Questions the planner tests ask of the checker's violations.
#include <algorithm>
#include <string_view>
#include <vector>

#include "guarantor/planner/check.hpp"

namespace guarantor::testing {

/// True when one violation breaks `rule`.
inline bool has(const std::vector<planner::Violation>& violations, std::string_view rule) {
  return std::any_of(violations.begin(), violations.end(),
                     [rule](const planner::Violation& v) { return v.rule == rule; });
}

/// True when one violation breaks `rule` for `subject` (a unit, a line, a site).
inline bool has(const std::vector<planner::Violation>& violations, std::string_view rule, std::string_view subject) {
  return std::any_of(violations.begin(), violations.end(),
                     [&](const planner::Violation& v) { return v.rule == rule && v.subject == subject; });
}

}  // namespace guarantor::testing
