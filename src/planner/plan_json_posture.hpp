#pragma once
// plan.json sections of the force-posture rules: the threat axes and basing filters a plan was
// made under (provenance), each candidate's threat distance, and the protection, medical and
// forward-posture results. Kept apart from the core reader and writer; every field here is
// optional when reading, so plans written before these rules still read.
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// Adds threat_axes, line_basing and capability_sets to the provenance object.
void write_posture_provenance(nlohmann::ordered_json& provenance, const Provenance& pv);
/// Adds the protection and protection_lines sections (top level) after the core ones.
void write_posture_sections(nlohmann::ordered_json& doc, const Plan& plan);
/// Adds threat_axis and threat_km to one candidate object.
void write_candidate_threat(nlohmann::ordered_json& candidate, const CandidateSite& site);

struct PlanJsonReader;

/// Reads what the writers above wrote; absent keys leave the defaults. Throws Error(Schema)
/// naming the file, line and JSON pointer of a mistyped field (through `r`).
void read_posture_provenance(const nlohmann::json& provenance, Provenance& pv, const PlanJsonReader& r);
void read_candidate_threat(const nlohmann::json& candidate, CandidateSite& site, const PlanJsonReader& r);
void read_posture_sections(const nlohmann::json& doc, Plan& plan, const PlanJsonReader& r);

}  // namespace guarantor::planner::detail
