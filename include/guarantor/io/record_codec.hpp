#pragma once
// One coalition or mandate record as JSON, both ways. The shape is exactly that of an entry of
// coalition.json ("nations", "pledges") or mandate.json ("requirements"), so the scenario files,
// the workspace store and its HTTP API share one format and one set of checks.
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/model/coalition.hpp"
#include "guarantor/model/mandate.hpp"
#include "guarantor/model/scenario.hpp"

namespace guarantor::io {

/// Parses JSON text named `name` in messages (e.g. "request body"). Throws Error (Syntax) with
/// line and column; nesting is bounded as for scenario files.
nlohmann::json parse_json_document(const std::string& text, const std::string& name);

/// Decodes one pledge object. Throws Error listing every problem, each located as
/// "<name> /<json pointer>"; members the format does not know are refused (a misspelt field
/// would otherwise be dropped without a word). References (nation, capability, sites) are the
/// caller's to check against the scenario.
model::Pledge decode_pledge(const nlohmann::json& value, const std::string& name);
/// Decodes one nation object; errors as for decode_pledge.
model::Nation decode_nation(const nlohmann::json& value, const std::string& name);
/// Decodes one requirement line object; errors as for decode_pledge.
model::RequirementLine decode_requirement_line(const nlohmann::json& value, const std::string& name);

/// Checks what a pledge names (nation, capability, sites) against a scenario by the loader's
/// own rules; throws Error listing every problem, located as "<name> /nation" and so on.
void check_pledge(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& name);
/// Checks a requirement line's capability and phase against a scenario; errors as check_pledge.
void check_requirement_line(const model::Scenario& scenario, const model::RequirementLine& line, const std::string& name);

/// Decodes a whole mandate.json document (phases, conditions, posture, requirement lines);
/// errors as for decode_pledge.
model::Mandate decode_mandate(const nlohmann::json& value, const std::string& name);

/// The JSON of a record, as written in the scenario files; decode_* reads it back unchanged.
nlohmann::json encode_pledge(const model::Pledge& pledge);
nlohmann::json encode_nation(const model::Nation& nation);
nlohmann::json encode_requirement_line(const model::RequirementLine& line);

/// A whole coalition.json / mandate.json document that load_scenario reads back unchanged.
nlohmann::json encode_coalition(const model::Coalition& coalition);
nlohmann::json encode_mandate(const model::Mandate& mandate);

}  // namespace guarantor::io
