// Fuzz target: arbitrary bytes as a TopoJSON topology (country outlines).
#include <cstddef>
#include <cstdint>
#include <string>

#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace guarantor::io;
  JsonFile file;
  try {
    file = parse_json_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.topojson");
  } catch (const guarantor::Error&) {
    return 0;
  }
  guarantor::DiagnosticSink sink;
  FieldReader reader(file.name, sink);
  for (const auto& feature : read_topojson_polygons(file.root, "countries", reader)) {
    (void)feature.area.contains({30.0, 50.0});
    (void)feature.area.area_km2();
  }
  return 0;
}
