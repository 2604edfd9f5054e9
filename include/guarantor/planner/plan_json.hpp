#pragma once
// plan.json: the plan as a stable, documented JSON document (docs/planner.md), and back.
// Coordinates are [lon, lat]; days count from D-day; an infinite bound or objective is null.
#include <string>
#include <string_view>

#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// The plan as JSON text (two-space indent, trailing newline). Same plan, same bytes.
std::string plan_to_json(const Plan& plan);

/// Reads plan.json text. Throws guarantor::Error (Syntax) for malformed JSON and (Schema) with
/// `where` and the JSON pointer for a missing or mistyped field.
Plan plan_from_json(std::string_view text, const std::string& where);

}  // namespace guarantor::planner
