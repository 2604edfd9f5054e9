// Import the default scenario, export it, and plan both: the same model, the same force
// generation table and the same plan (everything but the input file provenance).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/report/force_generation_export.hpp"
#include "guarantor/store/workspace.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

// Wall-clock times differ from run to run; everything else in a plan is deterministic.
void erase_timings(nlohmann::json& value) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it.key().find("seconds") != std::string::npos) it = value.erase(it);
      else erase_timings(*it++);
    }
  } else if (value.is_array()) {
    for (auto& element : value) erase_timings(element);
  }
}

// Input paths and hashes differ between the original files and an export by design.
nlohmann::json without_provenance(nlohmann::json value) {
  erase_timings(value);
  value.erase("provenance");
  value.erase("inputs");
  if (value.contains("scenario") && value["scenario"].is_object()) value["scenario"].erase("files");
  return value;
}

class RoundTrip : public testing::ImportedWorkspace {};

TEST_P(RoundTrip, ExportReadsBackToTheSameModel) {
  const auto original = io::load_scenario(testing::default_manifest(), testing::default_load_options());
  auto& workspace = *workspace_;
  EXPECT_FALSE(workspace.empty());
  EXPECT_EQ(workspace.pledges().size(), original.coalition.pledges.size());
  workspace.export_scenario(db_->scratch() / "export");
  const auto exported = io::load_scenario(db_->scratch() / "export" / "scenario.json", testing::default_load_options());

  EXPECT_EQ(exported.name, original.name);
  EXPECT_EQ(exported.as_of, original.as_of);
  EXPECT_EQ(io::encode_coalition(exported.coalition), io::encode_coalition(original.coalition));
  EXPECT_EQ(io::encode_mandate(exported.mandate), io::encode_mandate(original.mandate));
  EXPECT_EQ(exported.catalogue.capabilities.size(), original.catalogue.capabilities.size());
  EXPECT_EQ(exported.theatre.sites.size(), original.theatre.sites.size());
  EXPECT_EQ(exported.theatre.regions.size(), original.theatre.regions.size());
  // The theatre and catalogue files are kept byte for byte.
  for (const auto& file : exported.files) {
    if (file.role.rfind("theatre.", 0) != 0 && file.role != "catalogue") continue;
    const auto match = std::find_if(original.files.begin(), original.files.end(),
                                    [&](const auto& other) { return other.role == file.role && other.sha256 == file.sha256; });
    EXPECT_NE(match, original.files.end()) << file.role << " " << file.path << " changed on export";
  }
}

TEST_P(RoundTrip, ExportPlansTheSameAsTheOriginal) {
  auto& workspace = *workspace_;
  workspace.export_scenario(db_->scratch() / "export");
  const auto original = io::load_scenario(testing::default_manifest(), testing::default_load_options());
  const auto exported = io::load_scenario(db_->scratch() / "export" / "scenario.json", testing::default_load_options());

  const auto force_original = report::force_generation_to_json(original, force::generate_force(original, {}));
  const auto force_exported = report::force_generation_to_json(exported, force::generate_force(exported, {}));
  EXPECT_EQ(without_provenance(force_exported), without_provenance(force_original));

  const auto params = planner::load_parameters(std::string(GUARANTOR_TEST_DATA_DIR) + "/planning");
  const auto plan_original = nlohmann::json::parse(planner::plan_to_json(planner::make_plan(original, params)));
  const auto plan_exported = nlohmann::json::parse(planner::plan_to_json(planner::make_plan(exported, params)));
  ASSERT_TRUE(plan_original.contains("assignments")) << "plan.json changed shape; update this test";
  EXPECT_EQ(without_provenance(plan_exported), without_provenance(plan_original));
}

TEST_P(RoundTrip, LoadEqualsTheStoredRecords) {
  auto& workspace = *workspace_;
  const auto loaded = workspace.load(testing::default_load_options());
  EXPECT_EQ(io::encode_coalition(loaded.coalition), io::encode_coalition(workspace.coalition()));
  EXPECT_EQ(io::encode_mandate(loaded.mandate), io::encode_mandate(workspace.mandate()));
}

TEST_P(RoundTrip, ImportOfABrokenScenarioChangesNothing) {
  auto& workspace = *workspace_;
  const auto history_before = workspace.history().size();
  EXPECT_THROW(workspace.import_scenario(db_->scratch() / "no-such" / "scenario.json", testing::default_load_options(),
                                         "import"),
               Error);
  EXPECT_EQ(workspace.history().size(), history_before);
  EXPECT_FALSE(workspace.pledges().empty());
}

TEST_P(RoundTrip, ReimportRecordsOnlyWhatChanged) {
  auto& workspace = *workspace_;
  const auto first = workspace.history().size();
  workspace.import_scenario(testing::default_manifest(), testing::default_load_options(), "import");
  // The same files again: only the scenario-level import entry is added.
  EXPECT_EQ(workspace.history().size(), first + 1);
  EXPECT_EQ(workspace.verify_history(), static_cast<std::int64_t>(first + 1));
}

// Nothing imported: the one case that starts from an empty database.
class RoundTripEmpty : public ::testing::TestWithParam<testing::Backend> {};

TEST_P(RoundTripEmpty, EmptyWorkspaceRefusesExport) {
  GUARANTOR_REQUIRE_BACKEND(GetParam());
  const testing::TestDatabase empty(GetParam());
  Workspace workspace(empty.location(), testing::fixed_clock);
  try {
    workspace.export_scenario(empty.scratch() / "export");
    FAIL() << "an empty workspace was exported";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Consistency);
    EXPECT_NE(std::string(error.what()).find("import"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RoundTrip, testing::all_backends(), testing::backend_param_name);
INSTANTIATE_TEST_SUITE_P(Backends, RoundTripEmpty, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
