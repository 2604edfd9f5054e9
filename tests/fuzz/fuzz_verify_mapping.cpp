// libFuzzer target: a column mapping and a feed read through it must never crash on any bytes.
// The input is the mapping (JSON) up to the first NUL byte, then the feed; bad input is an Error
// (whole mapping or file) or a Rejection (one row).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/column_mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t split = bytes.find('\0');
  if (split == std::string::npos) return 0;
  const nlohmann::json root = nlohmann::json::parse(bytes.substr(0, split), nullptr, false);
  if (root.is_discarded()) return 0;
  try {
    const auto mapping = guarantor::verify::column_mapping_from_json(root, "fuzz mapping");
    std::istringstream feed(bytes.substr(split + 1));
    (void)guarantor::verify::read_mapped_csv(feed, "fuzz", mapping);
  } catch (const guarantor::Error&) {
  }
  return 0;
}
