#pragma once
// Loads a scenario from its manifest (scenario.json) and every file it names, validating shape
// at the boundary. Reports every problem found at once (guarantor::Error with diagnostics),
// each naming the file and the line or JSON pointer, what was found and what was expected.
#include <cstdint>
#include <filesystem>

#include "guarantor/model/scenario.hpp"

namespace guarantor::io {

/// The data directory of the source tree this library was built from (data/): where "data:"
/// references resolve unless LoadOptions::data_root says otherwise.
std::filesystem::path builtin_data_root();

struct LoadOptions {
  /// Where "npm:<package>/<path>" references resolve (the node_modules directory).
  std::filesystem::path asset_dir;
  /// Where "data:<path>" references resolve: the shared theatre and catalogue files.
  std::filesystem::path data_root = builtin_data_root();
  /// Lets references leave their root (absolute paths, "../"); devices stay refused.
  bool allow_outside_root = false;
  /// Largest file read, in bytes; a bigger one is refused with its size and this limit.
  std::uintmax_t max_file_bytes = 256ULL * 1024 * 1024;
};

/// Loads and validates a scenario. Throws guarantor::Error listing every problem found.
model::Scenario load_scenario(const std::filesystem::path& manifest, const LoadOptions& options);

/// Resolves a path written in a scenario file: "npm:pkg/file" under asset_dir, "data:dir/file"
/// under data_root, any other relative path against the directory of the file that names it.
/// Each must stay inside its root (no "../" out of it, no symbolic link leading out) and absolute
/// paths are refused, unless options.allow_outside_root. Throws guarantor::Error (Reference)
/// naming the reference and the root it leaves.
std::filesystem::path resolve_data_path(const std::string& reference, const std::filesystem::path& referring_file,
                                        const LoadOptions& options);

/// Throws guarantor::Error (FileNotFound) naming `path` unless it is a regular file (not a
/// device, FIFO or directory) of at most options.max_file_bytes.
void check_input_file(const std::filesystem::path& path, const LoadOptions& options);

}  // namespace guarantor::io
