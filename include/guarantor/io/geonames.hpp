#pragma once
// Reader for the GeoNames gazetteer dump format (cities1000.txt: tab-separated, 19 columns,
// no header; https://download.geonames.org/export/dump/readme.txt).
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "guarantor/model/theatre.hpp"

namespace guarantor::io {

struct GeonamesFilter {
  std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2 codes to keep; empty keeps all
  std::int64_t min_population = 0;     ///< keep places with at least this population
};

/// Reads populated places. Malformed rows throw guarantor::Error naming file and line.
std::vector<model::PopulatedPlace> read_geonames(const std::filesystem::path& path, const GeonamesFilter& filter);

/// Reads populated places from a stream; `name` names it in messages.
std::vector<model::PopulatedPlace> read_geonames(std::istream& input, const std::string& name,
                                                 const GeonamesFilter& filter);

}  // namespace guarantor::io
