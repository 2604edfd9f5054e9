#pragma once
// The force-generation part of the page: a summary, then per phase the gap table and the
// rotation pool. Rendered as static HTML, so it reads (and prints) without the map script.
#include <string>

#include "guarantor/force/force_generation.hpp"
#include "guarantor/model/scenario.hpp"

namespace guarantor::report::detail {

/// The summary table (lines covered / partial / missing and pool shortfall per phase).
std::string render_force_summary(const force::ForceGenerationResult& force);

/// One gap table per phase with every requirement line, then that phase's rotation pool.
/// Capability names and line descriptions are looked up in the scenario; all text is escaped.
std::string render_force_tables(const model::Scenario& scenario, const force::ForceGenerationResult& force);

}  // namespace guarantor::report::detail
