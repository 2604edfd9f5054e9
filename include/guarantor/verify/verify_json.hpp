#pragma once
// JSON encodings of the verifier's records, shared by the evidence log, replay and outputs.
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

}  // namespace guarantor::verify
