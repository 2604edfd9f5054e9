#pragma once
// The data block of the verifier's page. Up to a few thousand incidents the page lists each one
// with its findings and reports; beyond that it carries a grid of cells with counts by outcome
// and, per cell, the most serious incidents for drill-down, so the page stays a few MB at a
// million reports (findings.json holds everything).
#include <cstddef>
#include <memory>
#include <vector>

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
  std::size_t merges_per_incident = 20;   ///< merge reasons listed per incident (all are counted)
  std::size_t rejected_listed = 200;   ///< rejected rows listed (all are counted)
};

/// The page's data gathered a block of findings at a time (verify::FindingSink order): what it
/// keeps is the page's counts, one byte per incident and the findings of the incidents that may
/// be listed (at most `per_cell` per cell), never every finding.
class VerifyPageData {
public:
  explicit VerifyPageData(const VerifyPageLimits& limits = {});
  ~VerifyPageData();
  VerifyPageData(const VerifyPageData&) = delete;
  VerifyPageData& operator=(const VerifyPageData&) = delete;
  /// The findings of incidents [first, last), in incident order; blocks in incident order.
  void add(const verify::VerifyResult& result, std::size_t first, std::size_t last,
           const std::vector<verify::Finding>& findings);
  /// The data block once every incident has been added.
  [[nodiscard]] nlohmann::json finish(const verify::VerifyResult& result) const;

private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The data block of a finished run that kept its findings.
nlohmann::json build_verify_page_data(const verify::VerifyResult& result, const VerifyPageLimits& limits = {});

}  // namespace guarantor::report::detail
