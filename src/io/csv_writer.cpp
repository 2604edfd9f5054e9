#include "guarantor/io/csv_writer.hpp"

namespace guarantor::io {

std::string csv_text_field(std::string_view text) {
  std::string field;
  field.reserve(text.size() + 3);
  const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (formula) field += '\'';
  field += text;
  // Quoting also keeps the neutralised field one cell when it holds a tab.
  if (!formula && field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace guarantor::io
