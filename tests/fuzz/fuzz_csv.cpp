// Fuzz target: arbitrary bytes as RFC 4180 CSV and as the GeoNames tab-separated dump.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "guarantor/core/error.hpp"
#include "guarantor/io/csv_reader.hpp"
#include "guarantor/io/geonames.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    std::istringstream input(text);
    guarantor::io::CsvReader reader(input, "fuzz.csv");
    std::optional<guarantor::io::CsvHeader> header;
    while (auto record = reader.next()) {
      if (!header) header.emplace(*record);
      else (void)header->find("id");
    }
  } catch (const guarantor::Error&) {
  }
  try {
    std::istringstream input(text);
    (void)guarantor::io::read_geonames(input, "fuzz.txt", {});
  } catch (const guarantor::Error&) {
  }
  return 0;
}
