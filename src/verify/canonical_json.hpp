#pragma once
// Appending JSON text byte-identical to nlohmann::json::dump(-1, ' ', false, replace) of the same
// value, without building the value: the evidence log hashes that canonical text, and building a
// json object per entry dominated the cost of logging a large run.
#include <cstddef>
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

/// Appends a JSON array of `count` items, each written by `write_item(index)`.
template <typename WriteItem>
void append_json_array(std::string& out, std::size_t count, WriteItem write_item) {
  out += '[';
  for (std::size_t index = 0; index < count; ++index) {
    if (index > 0) out += ',';
    write_item(index);
  }
  out += ']';
}

/// One JSON object written member by member into `out`: the caller names the members in the
/// sorted order nlohmann keeps; the writer puts the braces and the commas between members, so a
/// member that is written only sometimes cannot leave a stray comma.
class JsonObjectWriter {
public:
  explicit JsonObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  JsonObjectWriter(const JsonObjectWriter&) = delete;
  JsonObjectWriter& operator=(const JsonObjectWriter&) = delete;

  /// Starts the member `key` and returns the buffer its value is to be appended to.
  std::string& member(std::string_view key) {
    if (members_++ > 0) out_ += ',';
    append_json_key(out_, key);
    return out_;
  }
  void string(std::string_view key, std::string_view value) { append_json_string(member(key), value); }
  void number(std::string_view key, double value) { append_json_number(member(key), value); }
  void number(std::string_view key, std::int64_t value) { append_json_number(member(key), value); }
  void number(std::string_view key, std::uint64_t value) { append_json_number(member(key), value); }
  void boolean(std::string_view key, bool value) { member(key) += value ? "true" : "false"; }
  void strings(std::string_view key, const std::vector<std::string>& items) { append_string_array(member(key), items); }
  void position(std::string_view key, geo::LonLat value) { append_position(member(key), value); }
  /// Closes the object; nothing may be written through this writer after it.
  void close() { out_ += '}'; }

private:
  std::string& out_;
  std::size_t members_ = 0;
};

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
