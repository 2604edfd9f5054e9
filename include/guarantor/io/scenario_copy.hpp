#pragma once
// `guarantor scenario new`: a self-contained, editable copy of a scenario. Every file the
// manifest names (and the files those name: country outlines, GeoNames places) is copied into
// the new directory and the references are rewritten to paths inside it, so the copy can be moved
// anywhere, edited, and validated on its own. Package references (npm:...) stay as they are:
// those files are installed, not scenario data.
#include <filesystem>
#include <vector>

#include "guarantor/io/scenario_loader.hpp"

namespace guarantor::io {

/// What copy_scenario wrote: the new manifest and every file copied, relative to the directory.
struct ScenarioCopy {
  std::filesystem::path manifest;
  std::vector<std::filesystem::path> files;
};

/// Copies the scenario whose manifest is `source_manifest` into `destination` (which must not
/// exist yet, or be an empty directory), then loads the copy to prove it works. The directory
/// appears complete or not at all (written beside it, then renamed into place). Throws
/// guarantor::Error: the source's own load errors, or OutputFailed naming `destination`.
ScenarioCopy copy_scenario(const std::filesystem::path& source_manifest, const std::filesystem::path& destination,
                           const LoadOptions& options);

}  // namespace guarantor::io
