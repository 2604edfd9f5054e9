#pragma once
// Loads a scenario from its manifest (scenario.json) and every file it names, validating shape
// at the boundary. Reports every problem found at once (guarantor::Error with diagnostics),
// each naming the file and the line or JSON pointer, what was found and what was expected.
#include <filesystem>

#include "guarantor/model/scenario.hpp"

namespace guarantor::io {

struct LoadOptions {
  /// Where "npm:<package>/<path>" references resolve (the node_modules directory).
  std::filesystem::path asset_dir;
};

/// Loads and validates a scenario. Throws guarantor::Error listing every problem found.
model::Scenario load_scenario(const std::filesystem::path& manifest, const LoadOptions& options);

/// Resolves a path written in a scenario file: "npm:pkg/file" under asset_dir, a relative path
/// against the directory of the file that names it, an absolute path as is.
std::filesystem::path resolve_data_path(const std::string& reference, const std::filesystem::path& referring_file,
                                        const LoadOptions& options);

}  // namespace guarantor::io
