#include "guarantor/core/printable.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace guarantor {

namespace {

// Length of the valid UTF-8 sequence starting at `pos` and its code point, or 0 when the bytes
// there are not valid UTF-8 (overlong forms and surrogates included, RFC 3629).
std::size_t utf8_sequence(std::string_view text, std::size_t pos, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[pos + k]); };
  const std::uint8_t lead = byte(0);
  std::size_t length = 0;
  char32_t minimum = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(k) & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
  return length;
}

bool acts_on_terminal(char32_t code_point) {
  return (code_point >= 0x80 && code_point <= 0x9F) || (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

// Appends the printable form of the character at `pos`; returns the bytes consumed.
std::size_t append_printable(std::string_view text, std::size_t pos, std::string& out) {
  char32_t code_point = 0;
  const std::size_t length = utf8_sequence(text, pos, code_point);
  if (length == 0) {
    out += fmt::format("\\x{:02x}", static_cast<std::uint8_t>(text[pos]));
    return 1;
  }
  if (length == 1) {
    const char c = text[pos];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<std::uint8_t>(c) < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<std::uint8_t>(c));
    } else {
      out += c;
    }
    return 1;
  }
  if (acts_on_terminal(code_point)) {
    out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point));
  } else {
    out.append(text.substr(pos, length));
  }
  return length;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) pos += append_printable(text, pos, out);
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t characters = 0;
  std::size_t pos = 0;
  while (pos < text.size() && characters < max_chars) {
    pos += append_printable(text, pos, out);
    ++characters;
  }
  if (pos < text.size()) out += "…";
  return out;
}

}  // namespace guarantor
