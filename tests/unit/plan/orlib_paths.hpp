#pragma once
// Where the shared OR-Library copies live; tests skip with a message when they are absent.
#include <filesystem>
#include <string>

namespace guarantor::plan::testing {

/// Path of `relative` under the shared data directory's orlib folder.
inline std::filesystem::path orlib_path(const std::string& relative) {
  return std::filesystem::path(GUARANTOR_TEST_SHARED_DATA_DIR) / "orlib" / relative;
}

}  // namespace guarantor::plan::testing

/// Skips the current test when the file is missing, naming the file.
#define GUARANTOR_REQUIRE_ORLIB_FILE(path)                                                          \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "OR-Library file absent: " << (path).string()
