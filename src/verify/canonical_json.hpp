#pragma once
// Appending JSON text byte-identical to nlohmann::json::dump(-1, ' ', false, replace) of the same
// value, without building the value: the evidence log hashes that canonical text, and building a
// json object per entry dominated the cost of logging a large run.
#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace guarantor::verify::detail
