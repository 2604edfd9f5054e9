#pragma once
// What loading a scenario reports, for the tests of its validation.
#include <filesystem>
#include <string>
#include <vector>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_loader.hpp"

namespace guarantor::testing {

/// The diagnostics of loading `manifest`, or an empty list when it loads.
inline std::vector<Diagnostic> load_errors(const std::filesystem::path& manifest, const io::LoadOptions& options = {}) {
  try {
    (void)io::load_scenario(manifest, options);
  } catch (const Error& error) {
    return error.diagnostics();
  }
  return {};
}

/// Every diagnostic on its own line, for failure messages.
inline std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) text += d.to_string() + "\n";
  return text;
}

}  // namespace guarantor::testing
