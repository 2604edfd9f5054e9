#pragma once
// The verifier's outputs: incidents as GeoJSON (RFC 7946) and as CSV with ACLED-compatible
// columns, findings as JSON with aggregates by day, provision and side. The HTML page is drawn
// by the report module (guarantor/report/verify_page.hpp).
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/verify/pipeline.hpp"

namespace guarantor::verify {

// The writers prepare records on up to `threads` threads of the shared pool (0: all of them) and
// write them in order: the bytes are the same for any thread count.

/// FeatureCollection of incident Points with category, target, grade and each finding.
void write_incidents_geojson(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

/// One row per incident under ACLED's column names (event_id_cnty, event_date, event_type, ...).
void write_incidents_acled_csv(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

/// Findings per provision, counts and aggregates: {"counts", "provisions", "findings", "by_day", "by_side"}.
nlohmann::json findings_json(const VerifyResult& result);

/// One finding as findings.json lists it: the finding, its incident's date and position and
/// the reports behind it.
nlohmann::json finding_to_json(const VerifyResult& result, const Finding& finding);

/// findings.json written a few thousand findings at a time, so memory stays that of a few MiB of
/// text: the same content as findings_json(result), each finding on its own line as
/// finding_to_json(...).dump() writes it.
void write_findings_json(const VerifyResult& result, std::ostream& out, unsigned threads = 0);

}  // namespace guarantor::verify
