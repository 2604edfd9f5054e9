#pragma once
// The verifier's outputs: incidents as GeoJSON (RFC 7946) and as CSV with ACLED-compatible
// columns, findings as JSON with aggregates by day, provision and side, and an offline HTML report.
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/verify/pipeline.hpp"

namespace guarantor::verify {

/// FeatureCollection of incident Points with category, target, grade and each finding.
void write_incidents_geojson(const VerifyResult& result, std::ostream& out);

/// One row per incident under ACLED's column names (event_id_cnty, event_date, event_type, ...).
void write_incidents_acled_csv(const VerifyResult& result, std::ostream& out);

/// Findings per provision, counts and aggregates: {"counts", "provisions", "findings", "by_day", "by_side"}.
nlohmann::json findings_json(const VerifyResult& result);

/// A self-contained HTML page (inline SVG and script, no network): map of incidents coloured by
/// finding, timeline by day and side, a table per provision, each side's claims apart.
void write_report_html(const VerifyResult& result, std::ostream& out);

}  // namespace guarantor::verify
