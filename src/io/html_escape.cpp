// HTML and script-context escaping (OWASP XSS prevention rules 1 and 3.1).
#include "guarantor/io/html_escape.hpp"

namespace guarantor::io {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string script_safe_json(std::string_view json) {
  // Outside strings valid JSON has none of these characters, so replacing them everywhere only
  // touches string content, where \uXXXX is an exact equivalent.
  std::string out;
  out.reserve(json.size() + 64);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      // U+2028 / U+2029 in UTF-8: legal in JSON, but line terminators to older JS parsers.
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {
// True when `text` at `pos` starts with the lower-case `word`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = text[pos + k];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != word[k]) return false;
  }
  return true;
}
}  // namespace

std::string script_safe_source(std::string_view source) {
  // Only an end tag of the enclosing element ends raw text (HTML 13.2.5.17), so only those are
  // rewritten; `a</b` elsewhere in code is left alone.
  std::string out;
  out.reserve(source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    out += source[i];
    if (source[i] == '<' && (starts_with_nocase(source, i + 1, "/script") ||
                             starts_with_nocase(source, i + 1, "/style")))
      out += '\\';
  }
  return out;
}

}  // namespace guarantor::io
