#pragma once
// The data block of the verifier's page. Up to a few thousand incidents the page lists each one
// with its findings and reports; beyond that it carries a grid of cells with counts by outcome
// and, per cell, the most serious incidents for drill-down, so the page stays a few MB at a
// million reports (findings.json holds everything).
#include <cstddef>

#include <nlohmann/json.hpp>

#include "guarantor/verify/pipeline.hpp"

namespace guarantor::report::detail {

/// Presentation limits of the page (not analysis parameters: findings.json is never limited).
struct VerifyPageLimits {
  std::size_t point_limit = 3000;      ///< above this many incidents the map shows cells
  double cell_deg = 0.25;              ///< cell size, degrees (about 28 km north-south)
  std::size_t per_cell = 10;           ///< incidents listed per cell, most serious first
  std::size_t max_listed = 5000;       ///< incidents listed in all (about 1 KB each on the page)
  std::size_t text_chars = 240;        ///< report text shown per report
  std::size_t reports_per_incident = 6;   ///< reports listed per incident
  std::size_t rejected_listed = 200;   ///< rejected rows listed (all are counted)
};

nlohmann::json build_verify_page_data(const verify::VerifyResult& result, const VerifyPageLimits& limits = {});

}  // namespace guarantor::report::detail
