// Fuzz target: arbitrary bytes as any scenario JSON file. Every reader runs on the parsed
// document; the only acceptable outcomes are a model or guarantor::Error diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>

#include "guarantor/core/error.hpp"
#include "loaders.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace guarantor::io;
  using namespace guarantor::io::detail;
  const std::string text(reinterpret_cast<const char*>(data), size);
  JsonFile file;
  try {
    file = parse_json_text(text, "fuzz.json");
  } catch (const guarantor::Error&) {
    return 0;
  }
  guarantor::DiagnosticSink sink;
  FieldReader reader(file.name, sink);
  guarantor::model::Scenario scenario;
  read_catalogue(file, reader, scenario.catalogue);
  read_coalition(file, reader, scenario.coalition);
  read_mandate(file, reader, scenario.mandate);
  read_sites(file, reader, scenario.theatre);
  read_regions(file, reader, scenario.theatre);
  read_areas(file, reader, scenario.theatre);
  if (sink.empty()) check_references(scenario, sink);
  return 0;
}
