#include "guarantor/io/csv_reader.hpp"

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::io {

CsvReader::CsvReader(std::istream& input, std::string name, char delimiter)
    : input_(input), name_(std::move(name)), delimiter_(delimiter) {}

std::optional<CsvRecord> CsvReader::next() {
  std::string line;
  // Skip blank lines between records; they carry no data in any of the formats we read.
  do {
    if (!std::getline(input_, line)) return std::nullopt;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
  } while (line.empty());

  CsvRecord record;
  record.line = line_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  std::size_t i = 0;
  while (true) {
    if (i == line.size()) {
      if (!in_quotes) break;
      // A quoted field continues on the next physical line.
      std::string continuation;
      if (!std::getline(input_, continuation)) {
        throw Error(ErrorCode::Syntax, fmt::format("{}:{}", name_, record.line),
                    "a quoted field is never closed; expected a closing '\"'");
      }
      ++line_;
      if (!continuation.empty() && continuation.back() == '\r') continuation.pop_back();
      field.push_back('\n');
      line = std::move(continuation);
      i = 0;
      continue;
    }
    const char c = line[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == delimiter_) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else if (c == '"') {
      if (!field.empty() || field_was_quoted) {
        throw Error(ErrorCode::Syntax, fmt::format("{}:{}", name_, line_),
                    fmt::format("stray '\"' in field {}; expected quotes only around a whole field",
                                record.fields.size() + 1));
      }
      in_quotes = true;
      field_was_quoted = true;
    } else {
      if (field_was_quoted) {
        throw Error(ErrorCode::Syntax, fmt::format("{}:{}", name_, line_),
                    fmt::format("text after the closing quote of field {}; expected '{}' or end of line",
                                record.fields.size() + 1, delimiter_));
      }
      field.push_back(c);
    }
    ++i;
  }
  record.fields.push_back(std::move(field));
  return record;
}

CsvHeader::CsvHeader(const CsvRecord& header) : columns_(header.fields) {
  // A UTF-8 byte-order mark before the first column name is common in exported files.
  if (!columns_.empty() && columns_.front().rfind("\xEF\xBB\xBF", 0) == 0) columns_.front().erase(0, 3);
}

std::optional<std::size_t> CsvHeader::find(std::string_view column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == column) return i;
  return std::nullopt;
}

void CsvHeader::require(const std::vector<std::string_view>& columns, const std::string& file) const {
  std::string missing;
  for (auto column : columns) {
    if (find(column)) continue;
    if (!missing.empty()) missing += ", ";
    missing += column;
  }
  if (!missing.empty()) {
    throw Error(ErrorCode::Schema, fmt::format("{}:1", file),
                fmt::format("header lacks column(s) {}; expected them in the first line", missing));
  }
}

}  // namespace guarantor::io
