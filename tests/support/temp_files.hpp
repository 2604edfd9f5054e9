#pragma once
// Scratch directories for tests that write files.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace guarantor::testing {

/// A directory for `name` under the system's temporary directory, unique to this process (ctest
/// runs each case in its own process, several at once), removed if an earlier run left it there
/// and not yet created.
inline std::filesystem::path fresh_temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("guarantor-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace guarantor::testing
