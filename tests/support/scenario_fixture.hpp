#pragma once
// A writable copy of a fixture scenario that a test can break one field at a time.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

namespace guarantor::testing {

class ScenarioFixture {
public:
  /// Copies tests/fixtures/scenarios/<name> into a fresh temporary directory.
  explicit ScenarioFixture(const std::string& name = "mini") {
    std::random_device entropy;
    dir_ = std::filesystem::temp_directory_path() / ("guarantor-fixture-" + std::to_string(entropy()));
    std::filesystem::create_directories(dir_);
    std::filesystem::copy(std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "scenarios" / name, dir_,
                          std::filesystem::copy_options::recursive);
  }
  ~ScenarioFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  ScenarioFixture(const ScenarioFixture&) = delete;
  ScenarioFixture& operator=(const ScenarioFixture&) = delete;

  [[nodiscard]] std::filesystem::path manifest() const { return dir_ / "scenario.json"; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  /// Sets the value at a JSON pointer of one file (creating it), e.g. ("coalition.json", "/pledges/0/quantity", -2).
  void set(const std::string& file, const std::string& pointer, const nlohmann::json& value) {
    auto doc = read(file);
    doc[nlohmann::json::json_pointer(pointer)] = value;
    write(file, doc.dump(2));
  }
  /// Removes the member or element at a JSON pointer.
  void erase(const std::string& file, const std::string& pointer) {
    auto doc = read(file);
    const nlohmann::json::json_pointer ptr(pointer);
    doc[ptr.parent_pointer()].erase(doc[ptr.parent_pointer()].is_array()
                                        ? doc[ptr.parent_pointer()].begin() + std::stoi(ptr.back())
                                        : doc[ptr.parent_pointer()].find(ptr.back()));
    write(file, doc.dump(2));
  }
  /// Replaces a file's bytes.
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir_ / file, std::ios::binary | std::ios::trunc) << text;
  }
  [[nodiscard]] nlohmann::json read(const std::string& file) const {
    std::ifstream in(dir_ / file);
    return nlohmann::json::parse(in);
  }

private:
  std::filesystem::path dir_;
};

}  // namespace guarantor::testing
