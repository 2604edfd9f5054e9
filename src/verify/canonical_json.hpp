#pragma once
// Appending JSON text byte-identical to nlohmann::json::dump(-1, ' ', false, replace) of the same
// value, without building the value: the evidence log hashes that canonical text, and building a
// json object per entry dominated the cost of logging a large run.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/verify/judge.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify::detail {

/// Appends `text` as a JSON string literal, escaped as nlohmann's serializer escapes it (invalid
/// UTF-8 replaced by U+FFFD).
void append_json_string(std::string& out, std::string_view text);
/// Appends a number as nlohmann's serializer writes it (shortest round-trip; "null" when not finite).
void append_json_number(std::string& out, double value);
void append_json_number(std::string& out, std::int64_t value);
void append_json_number(std::string& out, std::uint64_t value);

/// Appends `"key":`; keys are written by the caller in the sorted order nlohmann keeps.
inline void append_json_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;  // keys are fixed ASCII identifiers: nothing to escape
  out += "\":";
}

/// Appends `["a","b"]`.
void append_string_array(std::string& out, const std::vector<std::string>& items);
/// Appends `[lon,lat]`.
void append_position(std::string& out, geo::LonLat position);

/// What findings.json adds to a finding's own members (finding_to_json in outputs.hpp).
struct FindingExtras {
  std::string_view date;  ///< the incident's first day, YYYY-MM-DD
  geo::LonLat position;   ///< the incident's position
  std::string_view area, area_name;  ///< the incident's admin area when located only to one, else ""
  std::string_view precision;        ///< the incident's precision name ("area", "place", ...)
  const std::vector<Report>* reports = nullptr;
  const std::vector<std::size_t>* sources = nullptr;  ///< the incident's member reports (indexes)
};

/// Canonical text of to_json(finding) (extras == nullptr: the log's body) or of
/// finding_to_json (the extras at their sorted places).
void append_finding_json(std::string& out, const Finding& finding, const FindingExtras* extras);

}  // namespace guarantor::verify::detail
