#pragma once
// The order in which requirement lines claim sites and units: priority, then phase, then id,
// as a force-generation conference fills a statement of requirements.
#include <algorithm>
#include <tuple>
#include <vector>

#include "guarantor/model/mandate.hpp"

namespace guarantor::planner::detail {

/// The mandate's lines, most important first; ties by phase, then id.
inline std::vector<const model::RequirementLine*> lines_in_priority_order(const model::Mandate& mandate) {
  std::vector<const model::RequirementLine*> lines;
  for (const auto& line : mandate.requirements) lines.push_back(&line);
  std::stable_sort(lines.begin(), lines.end(), [](const auto* a, const auto* b) {
    return std::make_tuple(a->priority, a->phase, a->id) < std::make_tuple(b->priority, b->phase, b->id);
  });
  return lines;
}

}  // namespace guarantor::planner::detail
