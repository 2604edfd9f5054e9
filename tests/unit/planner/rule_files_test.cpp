// The planner's rule files (data/planning) are read by io's field reader: every problem of a file
// in one run, each located as "file:line /pointer"; syntax errors as "file:line:column".
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "guarantor/core/error.hpp"
#include "guarantor/planner/host_consent.hpp"
#include "guarantor/planner/parameters.hpp"
#include "guarantor/planner/protection_rules.hpp"
#include "guarantor/planner/threat.hpp"
#include "load_diagnostics.hpp"

namespace guarantor::planner {
namespace {

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() / ("planner_rule_files_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

using testing::problems_of;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PlannerRuleFiles, ThreatAxisProblemsCarryTheirLine) {
  const auto path = write_file(temp_dir() / "threat_axes.json", R"({
  "axes": [
    {"id": "a", "name": "A", "country": "RU", "band_km": {"value": 50, "unit": "km", "source": "s"}},
    {
      "id": "b",
      "name": "B",
      "points": [[29.6, 46.8], [29.4, 96.8]],
      "band_km": {"value": -5, "unit": "km", "source": "s"}
    }
  ]
})");
  const std::string problems = problems_of([&] { (void)load_threat_rules(path); });
  EXPECT_TRUE(has(problems, "threat_axes.json:7 /axes/1/points/1: got [29.4,96.8]; expected longitude in [-180, 180]"))
      << problems;
  EXPECT_TRUE(has(problems, "threat_axes.json:8 /axes/1/band_km: got -5; expected a positive number")) << problems;
  EXPECT_FALSE(has(problems, "/axes/0")) << problems;
}

TEST(PlannerRuleFiles, HostConsentMissingFieldsNameTheObjectsLine) {
  const auto path = write_file(temp_dir() / "host_consent.json", R"({
  "refusals": [
    {"country": "HU", "basing": false, "transit": true, "source": "s"},
    {
      "country": "",
      "basing": "no",
      "transit": false
    }
  ]
})");
  const std::string problems = problems_of([&] { (void)load_host_consent(path); });
  EXPECT_TRUE(has(problems, "host_consent.json:5 /refusals/1/country: missing; expected a non-empty string")) << problems;
  EXPECT_TRUE(has(problems, "host_consent.json:6 /refusals/1/basing: missing; expected true")) << problems;
  EXPECT_TRUE(has(problems, "host_consent.json:4 /refusals/1/crossings: missing; a transit refusal")) << problems;
}

TEST(PlannerRuleFiles, ProtectionKindIsDecodedOnceAndNamesTheAllowedKinds) {
  const auto path = write_file(temp_dir() / "protection.json", R"({
  "lines": [
    {"id": "FP-AD", "kind": "air-defence", "title": "t", "source": "s"},
    {"id": "FP-MED", "kind": "surgery", "title": "t", "source": "s"}
  ],
  "air_defence_capabilities": ["AD.X"], "escort_capabilities": ["LAND.X"],
  "role2_capability": "MED.ROLE2", "medevac_capability": "MED.MEDEVAC_RW",
  "surgery_within_h": {"value": 2, "unit": "h", "source": "s"},
  "road_evacuation_kmh": {"value": 50, "unit": "km/h", "source": "s"},
  "medevac_dispatch_h": {"value": 0.25, "unit": "h", "source": "s"}
})");
  const std::string problems = problems_of([&] { (void)load_protection_rules(path); });
  EXPECT_TRUE(has(problems,
                  "protection.json:3 /lines/0/kind: got \"air-defence\"; expected one of air_defence, surgery, escort"))
      << problems;
  EXPECT_FALSE(has(problems, "/lines/1")) << problems;
  write_file(path, R"({
  "lines": [{"id": "FP-MED", "kind": "surgery", "title": "t", "source": "s"}],
  "air_defence_capabilities": ["AD.X"], "escort_capabilities": ["LAND.X"],
  "role2_capability": "MED.ROLE2", "medevac_capability": "MED.MEDEVAC_RW",
  "surgery_within_h": {"value": 2, "unit": "h", "source": "s"},
  "road_evacuation_kmh": {"value": 50, "unit": "km/h", "source": "s"},
  "medevac_dispatch_h": {"value": 0.25, "unit": "h", "source": "s"}
})");
  const ProtectionRules rules = load_protection_rules(path);
  ASSERT_EQ(rules.lines.size(), 1u);
  EXPECT_EQ(rules.lines[0].kind, ProtectionKind::Surgery);
}

TEST(PlannerRuleFiles, ParameterSyntaxErrorsNameLineAndColumn) {
  // A copy of the shipped planning directory with a broken parameters.json.
  const auto dir = temp_dir() / "planning";
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "planning"))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename(), std::filesystem::copy_options::overwrite_existing);
  write_file(dir / "parameters.json", "{\n  \"demand\": {\n    \"min_place_population\": {\"value\": 1000,}\n  }\n}\n");
  const std::string problems = problems_of([&] { (void)load_parameters(dir); });
  EXPECT_TRUE(has(problems, (dir / "parameters.json").string() + ":3:")) << problems;
  EXPECT_TRUE(has(problems, "not well-formed JSON")) << problems;
}

// A misspelt key in any rule file is refused where it is, with the nearest known key, instead of
// leaving the value it meant at its default: each case breaks one object of the shipped files.
struct MisspeltKey {
  const char* file;
  const char* object;  ///< JSON pointer of the object the key is added to
  const char* key;
  const char* nearest;
};

class PlannerRuleFileKeys : public ::testing::TestWithParam<MisspeltKey> {};

TEST_P(PlannerRuleFileKeys, UnknownKeyIsRefusedWithTheNearestKnownKey) {
  const MisspeltKey& c = GetParam();
  const auto dir = temp_dir() / (std::string("keys_") + c.file + "_" + c.key);
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "planning"))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename(), std::filesystem::copy_options::overwrite_existing);
  auto doc = nlohmann::json::parse(std::ifstream(dir / c.file));
  doc[nlohmann::json::json_pointer(c.object)][c.key] = 1;
  write_file(dir / c.file, doc.dump(2));
  const std::string problems = problems_of([&] { (void)load_parameters(dir); });
  const std::string expected = std::string(c.object) + "/" + c.key + ": unknown key \"" + c.key + "\"; did you mean \"" +
                               c.nearest + "\"?";
  EXPECT_TRUE(has(problems, std::string(c.file) + ":")) << problems;
  EXPECT_TRUE(has(problems, expected)) << "expected " << expected << "\ngot:\n" << problems;
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    EveryRuleFile, PlannerRuleFileKeys,
    ::testing::Values(MisspeltKey{"parameters.json", "", "soler", "solver"},
                      MisspeltKey{"parameters.json", "/demand", "min_place_populaton", "min_place_population"},
                      MisspeltKey{"parameters.json", "/solver/time_limit_s", "sorce", "source"},
                      MisspeltKey{"parameters.json", "/dnipro_line", "pionts", "points"},
                      MisspeltKey{"parameters.json", "/priority_weight", "value", "values"},
                      MisspeltKey{"movement.json", "", "rail_km_per_dya", "rail_km_per_day"},
                      MisspeltKey{"movement.json", "/transshipment", "rootes", "routes"},
                      MisspeltKey{"movement.json", "/crossing_throughput_personnel_per_day", "raill", "rail"},
                      MisspeltKey{"threat_axes.json", "/axes/0", "band_kms", "band_km"},
                      MisspeltKey{"threat_axes.json", "/line_basing/0", "filtre", "filter"},
                      MisspeltKey{"forward_posture.json", "", "max_distance_kms", "max_distance_km"},
                      MisspeltKey{"protection.json", "/lines/0", "titel", "title"},
                      MisspeltKey{"protection.json", "", "surgery_within_hours", "surgery_within_h"},
                      MisspeltKey{"montreux.json", "", "max_stay_day", "max_stay_days"},
                      MisspeltKey{"sea_routes.json", "/legs/0", "strait", "straits"},
                      MisspeltKey{"sea_routes.json", "/waypoints/0", "postion", "position"},
                      MisspeltKey{"host_consent.json", "/refusals/0", "crossing", "crossings"},
                      MisspeltKey{"hub_siting.json", "/weights", "acces", "access"},
                      MisspeltKey{"hub_siting.json", "", "min_threat", "min_threat_km"}));

}  // namespace
}  // namespace guarantor::planner
