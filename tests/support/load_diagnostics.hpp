#pragma once
// What loading a scenario or one data file reports, for the tests of their validation.
#include <filesystem>
#include <regex>
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

/// True when one schema diagnostic is located at `file:<line> pointer` and says `message`.
inline bool reported_at(const std::vector<Diagnostic>& diagnostics, const std::string& file, const std::string& pointer,
                        const std::string& message) {
  const std::regex located("(^|/)" + file + ":[0-9]+ " + pointer + "$");
  for (const auto& d : diagnostics)
    if (std::regex_search(d.where, located) && d.message.find(message) != std::string::npos &&
        d.code == ErrorCode::Schema)
      return true;
  return false;
}

/// What `load` reports when it throws, each diagnostic as "where: message" on its own line; empty
/// when it returns. For the tests of one data file's reader.
template <typename Load>
std::string problems_of(Load load) {
  try {
    load();
  } catch (const Error& error) {
    std::string text;
    for (const auto& diagnostic : error.diagnostics()) text += diagnostic.where + ": " + diagnostic.message + "\n";
    return text;
  }
  return "";
}

}  // namespace guarantor::testing
