// libFuzzer target: the ucdp report adapter must never crash on any bytes; bad input is an
// Error (whole file) or a Rejection (one row).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/adapters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)guarantor::verify::read_ucdp_csv(in, "fuzz");
  } catch (const guarantor::Error&) {
  }
  return 0;
}
