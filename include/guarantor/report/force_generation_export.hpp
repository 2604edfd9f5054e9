#pragma once
// The force-generation table as JSON and CSV, for staff tools and spreadsheets.
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/force/force_generation.hpp"

namespace guarantor::report {

/// Stable JSON document (schema in docs/user-guide.md): scenario provenance, the illustrative
/// flag, and per phase every line with its pledges, verdicts, gap reasons and the rotation pool.
nlohmann::json force_generation_to_json(const model::Scenario& scenario, const force::ForceGenerationResult& result);

/// One CSV row per (phase, requirement line): phase, line, capability, priority, required,
/// filled, status, nations filling it, gap reasons; preceded by a comment-free header. The
/// illustrative label is a column so that it survives any filtering of rows.
std::string force_generation_to_csv(const model::Scenario& scenario, const force::ForceGenerationResult& result);

}  // namespace guarantor::report
