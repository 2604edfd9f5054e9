#include "canonical_json.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace guarantor::verify::detail {

namespace {

// Bytes the fast path cannot copy as they are: control characters, '"' and '\\' (escaped) and
// every byte >= 0x80 (UTF-8, validated by nlohmann's serializer).
constexpr std::array<bool, 256> make_special_bytes() {
  std::array<bool, 256> special{};
  for (std::size_t byte = 0; byte < special.size(); ++byte)
    special[byte] = byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80;
  return special;
}
constexpr std::array<bool, 256> SPECIAL_BYTES = make_special_bytes();

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // One pass for ASCII, the common case; at the first byte >= 0x80 the text goes through
  // nlohmann's own serializer instead, so that UTF-8 validation and replacement stay exactly its own.
  const std::size_t rollback = out.size();
  out += '"';
  std::size_t plain_from = 0;
  const auto flush_plain = [&](std::size_t until) { out.append(text.data() + plain_from, until - plain_from); };
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if (!SPECIAL_BYTES[byte]) continue;
    if (byte >= 0x80) {
      out.resize(rollback);
      out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
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
  // json::dump's own shortest round-trip form, through its public API: the bytes must equal
  // json::dump's, which the log's hashes depend on.
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
