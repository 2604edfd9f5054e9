// libFuzzer target: the VIINA adapter; the input is split at the first form feed into the
// event_info and event_labels files, so both readers and the join are exercised.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/adapters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t split = text.find('\f');
  std::istringstream info(text.substr(0, split));
  std::istringstream labels(split == std::string::npos ? std::string() : text.substr(split + 1));
  try {
    (void)guarantor::verify::read_viina(info, "info", labels, "labels");
  } catch (const guarantor::Error&) {
  }
  return 0;
}
