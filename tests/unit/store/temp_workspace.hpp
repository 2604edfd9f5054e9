#pragma once
// A workspace database in a fresh temporary directory, removed with the fixture.
#include <filesystem>
#include <random>
#include <string>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/model/scenario.hpp"

namespace guarantor::testing {

class TempDir {
public:
  TempDir() {
    std::random_device entropy;
    dir_ = std::filesystem::temp_directory_path() / ("guarantor-store-test-" + std::to_string(entropy()));
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return dir_; }
  [[nodiscard]] std::filesystem::path db() const { return dir_ / "workspace.db"; }

private:
  std::filesystem::path dir_;
};

inline std::filesystem::path default_manifest() { return std::string(GUARANTOR_TEST_DATA_DIR) + "/default/scenario.json"; }

/// How the store tests load scenarios: the npm assets of the build tree, nothing else changed.
inline io::LoadOptions default_load_options() { return io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}; }

/// The default scenario, loaded once per test process: parsing its map outlines is most of an
/// import's cost (seconds under AddressSanitizer), and every seeded fixture imports it.
inline const model::Scenario& default_scenario() {
  static const model::Scenario loaded = io::load_scenario(default_manifest(), default_load_options());
  return loaded;
}

/// A fixed clock, so history entries are reproducible.
inline std::string fixed_clock() { return "2026-03-02T09:00:00Z"; }

}  // namespace guarantor::testing
