#include "adapter_rows.hpp"

#include <cctype>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::verify::detail {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string_view Row::get(std::string_view column) const {
  const auto index = header_.find(column);
  if (!index || *index >= record_.fields.size()) return {};
  return trim(record_.fields[*index]);
}

std::string_view Row::required(std::string_view column) const {
  const std::string_view value = get(column);
  if (value.empty()) throw RowError{fmt::format("column {} is empty; a value is required", column)};
  return value;
}

std::optional<double> Row::number(std::string_view column, const io::NumberRange& range) const {
  const std::string_view text = get(column);
  if (text.empty()) return std::nullopt;
  std::string problem;
  const auto value = io::read_strict_number(text, range, problem);
  if (!value) throw RowError{fmt::format("column {}: {}", column, problem)};
  return value;
}

std::optional<long long> Row::integer(std::string_view column, io::NumberRange range) const {
  range.whole = true;
  const auto value = number(column, range);
  if (!value) return std::nullopt;
  return static_cast<long long>(*value);
}

void for_each_row(std::istream& in, const std::string& name, const std::vector<std::string_view>& required_columns,
                  AdapterResult& result, const std::function<void(const Row&)>& parse) {
  io::CsvReader reader(in, name);
  const auto header_record = reader.next();
  if (!header_record) throw Error(ErrorCode::Schema, name, "the file is empty; expected a header line");
  const io::CsvHeader header(*header_record);
  header.require(required_columns, name);
  while (true) {
    std::optional<io::CsvRecord> record;
    try {
      record = reader.next();
    } catch (const Error& e) {
      // A quote never closed swallows every later line into one field: refuse the file rather
      // than lose those rows silently. Any other quoting error spoils one record only, and the
      // reader resumes on the next line.
      if (in.eof() && e.diagnostics().front().message.find("never closed") != std::string::npos)
        throw Error(ErrorCode::Syntax, e.where(),
                    "a quoted field opened on this line is never closed, so every later line would be lost; "
                    "expected a closing '\"' (double any quote inside a quoted field)");
      ++result.rows;
      result.rejected.push_back({e.where(), e.diagnostics().front().message});
      continue;
    }
    if (!record) break;
    ++result.rows;
    const Row row(header, *record);
    const std::string where = fmt::format("{}:{}", name, record->line);
    if (record->fields.size() != header.columns().size()) {
      result.rejected.push_back(
          {where, fmt::format("row has {} fields; the header has {}", record->fields.size(), header.columns().size())});
      continue;
    }
    try {
      parse(row);
    } catch (const RowError& e) {
      result.rejected.push_back({where, e.reason});
    } catch (const Error& e) {
      result.rejected.push_back({where, e.diagnostics().front().message});
    }
  }
}

std::optional<geo::LonLat> optional_position(const Row& row, std::string_view lon_column, std::string_view lat_column) {
  const auto lon = row.number(lon_column, LONGITUDE_RANGE);
  const auto lat = row.number(lat_column, LATITUDE_RANGE);
  if (!lon && !lat) return std::nullopt;
  if (!lon || !lat) throw RowError{fmt::format("only one of {} and {} is given; expected both or neither", lon_column, lat_column)};
  const geo::UncheckedLonLat raw{*lon, *lat};
  if (!geo::is_valid(raw))
    throw RowError{fmt::format("position ({}, {}) is out of range; expected longitude in [-180, 180] and latitude in "
                               "[-90, 90]",
                               *lon, *lat)};
  return geo::LonLat{*lon, *lat};
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    const std::string_view part = trim(text.substr(start, end - start));
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

std::string party_of_actor(std::string_view actor) {
  // ACLED and UCDP name state forces "Military Forces of Russia (2000-)", "Government of
  // Ukraine". Only state forces map to a party code: "Civilians (Ukraine)" is a victim, and an
  // "Unidentified Armed Group (Ukraine)" is not a party's claim, so both are kept as written.
  actor = trim(actor);
  if (actor == "RU" || actor == "Russia") return "RU";
  if (actor == "UA" || actor == "Ukraine") return "UA";
  for (std::string_view prefix : {"Military Forces of ", "Government of ", "Police Forces of ", "Naval Forces of "}) {
    if (actor.substr(0, prefix.size()) != prefix) continue;
    const std::string_view country = actor.substr(prefix.size());
    if (country.substr(0, 6) == "Russia") return "RU";
    if (country.substr(0, 7) == "Ukraine") return "UA";
  }
  return std::string(actor);
}

}  // namespace guarantor::verify::detail
