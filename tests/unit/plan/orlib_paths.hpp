#pragma once
// Where the OR-Library instances live. The sets the repository may carry are shipped in
// tests/data/orlib and must be there: a missing file is a failure, never a skip. Only data whose
// licence forbids redistribution (the SJC covering networks, CC BY-NC-SA) is read from the shared
// data directory, and its tests are skipped, by name, when that directory is absent.
#include <filesystem>
#include <string>

namespace guarantor::plan::testing {

/// Path of `relative` under the repository's tests/data/orlib (pmed/, cap/, gap/).
inline std::filesystem::path orlib_path(const std::string& relative) {
  return std::filesystem::path(GUARANTOR_TEST_ORLIB_DIR) / relative;
}

/// Path of `relative` under the shared data directory's orlib folder, for data not shipped.
inline std::filesystem::path unshipped_orlib_path(const std::string& relative) {
  return std::filesystem::path(GUARANTOR_TEST_SHARED_DATA_DIR) / "orlib" / relative;
}

}  // namespace guarantor::plan::testing

/// Fails the current test when a shipped file is missing, naming the file.
#define GUARANTOR_REQUIRE_ORLIB_FILE(path) \
  ASSERT_TRUE(std::filesystem::exists(path)) << "OR-Library file missing from tests/data/orlib: " << (path).string()

/// Skips the current test when an unshipped (licence-restricted) file is absent; scripts/test.sh
/// lists every skipped test in its summary.
#define GUARANTOR_SKIP_UNLESS_UNSHIPPED_FILE(path) \
  if (!std::filesystem::exists(path))              \
  GTEST_SKIP() << "licence-restricted data not shipped (CC BY-NC-SA); absent: " << (path).string()
