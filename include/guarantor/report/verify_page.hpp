#pragma once
// The verifier's monitoring page: one offline HTML file (no network) with the theatre map
// (borders, oblasts, occupied area, line of contact) and the incidents on it, or cells with
// counts beyond a few thousand incidents; filters by provision, party, grade and outcome; a
// timeline per provision and party with the gaps between periods; findings per provision; and
// a drill-down to each incident's reports and sources. Printable. Every string from the reports
// is hostile input: text is set as text, the data block is script-safe JSON.
#include <iosfwd>

#include "guarantor/model/theatre.hpp"
#include "guarantor/verify/pipeline.hpp"

namespace guarantor::report {

struct VerifyPageOptions {
  /// Theatre whose countries, oblasts and dated areas are drawn under the incidents; null: none.
  const model::Theatre* theatre = nullptr;
  /// The run's occupied area (--line-of-contact); its boundary is drawn as the line of contact.
  const geo::MultiPolygon* occupied_area = nullptr;
  std::string occupied_area_source;  ///< named on the page
};

/// Writes the page for one verifier run to `out`.
void write_verify_page(const verify::VerifyResult& result, std::ostream& out, const VerifyPageOptions& options = {});

}  // namespace guarantor::report
