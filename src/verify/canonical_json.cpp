#include "canonical_json.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace guarantor::verify::detail {

void append_json_string(std::string& out, std::string_view text) {
  // Fast path for ASCII, the common case; any byte >= 0x80 goes through nlohmann's own
  // serializer so that UTF-8 validation and replacement stay exactly its own.
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  std::size_t plain_from = 0;
  const auto flush_plain = [&](std::size_t until) { out.append(text.data() + plain_from, until - plain_from); };
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    flush_plain(index);
    plain_from = index + 1;
    switch (byte) {
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte); break;
    }
  }
  flush_plain(text.size());
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // nlohmann's serialiser through its public API: the bytes equal what json::dump writes for the
  // same number (shortest form that reads back exactly), which the log's hashes depend on.
  out += nlohmann::json(value).dump();
}

void append_json_number(std::string& out, std::int64_t value) {
  const fmt::format_int text(value);
  out.append(text.data(), text.size());
}

void append_json_number(std::string& out, std::uint64_t value) {
  const fmt::format_int text(value);
  out.append(text.data(), text.size());
}

}  // namespace guarantor::verify::detail
