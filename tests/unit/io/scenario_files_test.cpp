// Scenario directories that can be copied and moved: references resolve against documented
// roots, cannot escape them or read devices, files are size-capped, and `copy_scenario` writes a
// self-contained copy.
#include <fstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/scenario_copy.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "scenario_fixture.hpp"
#include "temp_files.hpp"

namespace guarantor::io {
namespace {

namespace fs = std::filesystem;

LoadOptions options() {
  LoadOptions o;
  o.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  o.data_root = GUARANTOR_TEST_DATA_DIR;
  return o;
}

// Returns the diagnostics of loading `manifest`, or an empty list when it loads.
std::vector<Diagnostic> load_errors(const fs::path& manifest, const LoadOptions& o = options()) {
  try {
    (void)load_scenario(manifest, o);
  } catch (const Error& error) {
    return error.diagnostics();
  }
  return {};
}

bool mentions(const std::vector<Diagnostic>& diagnostics, const std::string& text) {
  for (const auto& d : diagnostics)
    if (d.to_string().find(text) != std::string::npos) return true;
  return false;
}

std::string all(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) text += d.to_string() + "\n";
  return text;
}

// The default scenario names its shared theatre files through the data root ("data:..."), so a
// plain copy of its directory still loads anywhere.
TEST(ScenarioFiles, TheDefaultScenarioDirectoryCanBeCopiedAsIs) {
  const auto dir = guarantor::testing::fresh_temp_dir("scenario-files-plain-copy");
  fs::copy(fs::path(GUARANTOR_TEST_DATA_DIR) / "default", dir, fs::copy_options::recursive);
  const auto errors = load_errors(dir / "scenario.json");
  EXPECT_TRUE(errors.empty()) << all(errors);
  fs::remove_all(dir);
}

TEST(ScenarioFiles, ScenarioNewWritesASelfContainedCopyThatLoadsAnywhere) {
  const auto dir = guarantor::testing::fresh_temp_dir("scenario-files-new");
  const auto copy =
      copy_scenario(fs::path(GUARANTOR_TEST_DATA_DIR) / "default" / "scenario.json", dir / "mine", options());
  EXPECT_EQ(copy.manifest.string(), (dir / "mine" / "scenario.json").string());
  EXPECT_GE(copy.files.size(), 10U);
  // Moved elsewhere and loaded without the data root: everything it needs is inside it.
  fs::rename(dir / "mine", dir / "moved");
  LoadOptions no_data_root = options();
  no_data_root.data_root = "/nonexistent-data-root";
  const auto errors = load_errors(dir / "moved" / "scenario.json", no_data_root);
  EXPECT_TRUE(errors.empty()) << all(errors);
  // A second copy to the same place is refused; nothing half-written is left beside it.
  EXPECT_THROW(copy_scenario(fs::path(GUARANTOR_TEST_DATA_DIR) / "default" / "scenario.json", dir / "moved", options()),
               Error);
  for (const auto& entry : fs::directory_iterator(dir)) EXPECT_EQ(entry.path().filename().string(), "moved");
  fs::remove_all(dir);
}

TEST(ScenarioFiles, ScenarioNewCopiesLocalOutlinesAndPlaces) {
  testing::ScenarioFixture fixture;
  const auto dir = guarantor::testing::fresh_temp_dir("scenario-files-new-mini");
  const auto copy = copy_scenario(fixture.manifest(), dir / "mini", options());
  EXPECT_TRUE(fs::exists(dir / "mini" / "theatre" / "outlines.topojson"));
  EXPECT_TRUE(fs::exists(dir / "mini" / "theatre" / "places.tsv"));
  const auto errors = load_errors(copy.manifest);
  EXPECT_TRUE(errors.empty()) << all(errors);
  fs::remove_all(dir);
}

TEST(ScenarioFiles, ReferencesCannotEscapeTheScenarioOrReadDevices) {
  testing::ScenarioFixture fixture;
  fixture.set("scenario.json", "/mandate", "../../etc/passwd");
  fixture.set("scenario.json", "/coalition", "/dev/zero");
  fixture.set("scenario.json", "/catalogue", "data:../../etc/hostname");
  const auto errors = load_errors(fixture.manifest());
  EXPECT_TRUE(mentions(errors, "/mandate: \"../../etc/passwd\" leaves the scenario directory")) << all(errors);
  EXPECT_TRUE(mentions(errors, "/coalition: \"/dev/zero\" is an absolute path")) << all(errors);
  EXPECT_TRUE(mentions(errors, "/catalogue: \"data:../../etc/hostname\" leaves the data root")) << all(errors);
  // Allowed explicitly, a path outside is read, but a device still is not.
  LoadOptions allow = options();
  allow.allow_outside_root = true;
  const auto allowed = load_errors(fixture.manifest(), allow);
  EXPECT_TRUE(mentions(allowed, "/dev/zero: not a regular file")) << all(allowed);
}

TEST(ScenarioFiles, OversizedFilesAreRefusedWithTheLimit) {
  testing::ScenarioFixture fixture;
  LoadOptions small = options();
  small.max_file_bytes = 100;
  const auto errors = load_errors(fixture.manifest(), small);
  EXPECT_TRUE(mentions(errors, "bytes; expected at most 100 bytes")) << all(errors);
}

}  // namespace
}  // namespace guarantor::io
