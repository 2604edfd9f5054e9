#pragma once
// JSON encodings of the verifier's records, shared by the evidence log, replay and outputs.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/judge.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// A report as logged: every normalised field, time as ISO 8601 and seconds.
nlohmann::json to_json(const Report& report);
/// Inverse of to_json(Report); throws Error(Schema) naming `where` for a bad field.
Report report_from_json(const nlohmann::json& value, const std::string& where);

/// An incident with its member report ids.
nlohmann::json to_json(const Incident& incident, const std::vector<Report>& reports);
/// A merge explanation with report and incident ids.
nlohmann::json to_json(const MergeExplanation& merge, const std::vector<Report>& reports,
                       const std::vector<Incident>& incidents);
/// A finding with grade, reasons and each side's claims.
nlohmann::json to_json(const Finding& finding);
/// A grade: code, reliability, credibility, groups, rationale.
nlohmann::json to_json(const Grade& grade);

// Canonical text of the same encodings, appended to `out` without building json values: exactly
// the bytes of to_json(x).dump() with sorted keys, no spaces and invalid UTF-8 replaced, which is
// what the evidence log hashes. Used to log large runs.

/// Canonical text of to_json(report).
void append_canonical_json(std::string& out, const Report& report);
/// Canonical text of to_json(merge, reports, incidents).
void append_canonical_json(std::string& out, const MergeExplanation& merge, const std::vector<Report>& reports,
                           const std::vector<Incident>& incidents);
/// Canonical text of an incident as logged: to_json(incident, reports) with "grade": to_json(grade).
void append_canonical_json(std::string& out, const Incident& incident, const Grade& grade,
                           const std::vector<Report>& reports);
/// Canonical text of to_json(finding).
void append_canonical_json(std::string& out, const Finding& finding);
/// Canonical text of to_json(grade).
void append_canonical_json(std::string& out, const Grade& grade);

}  // namespace guarantor::verify
