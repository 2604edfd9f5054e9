// libFuzzer target: auditing arbitrary bytes as an evidence log must never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "guarantor/verify/audit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  (void)guarantor::verify::audit_log(in, "fuzz");
  return 0;
}
