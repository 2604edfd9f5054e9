// End to end through the guarantor binary: plan, check, diff, verify and audit, each on its
// success path (exit 0, the outputs it promises) and its failure paths (the documented exit code,
// a message naming the file, nothing half-written).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace guarantor::testing {
namespace {

namespace fs = std::filesystem;

const std::string DEFAULT_SCENARIO = std::string(GUARANTOR_TEST_DATA_DIR) + "/default/scenario.json";
const std::string VERIFY_FIXTURES = GUARANTOR_TEST_FIXTURES_DIR "/verify";
const std::string AGREEMENT = std::string(GUARANTOR_TEST_DATA_DIR) + "/agreements/default_agreement.json";
const std::string SOURCES = std::string(GUARANTOR_TEST_DATA_DIR) + "/sources/source_registry.json";

// One plan of the default scenario shared by the plan, check and diff cases (planning takes
// seconds; every case reads it, none changes it).
class PlanCommands : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    out_ = new fs::path(fresh_temp_dir("plan-e2e"));
    plan_run_ = new CliRun(run_cli("plan " + DEFAULT_SCENARIO + " --out " + out_->string()));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*out_);
    delete plan_run_;
    delete out_;
  }
  static fs::path* out_;
  static CliRun* plan_run_;
};
fs::path* PlanCommands::out_ = nullptr;
CliRun* PlanCommands::plan_run_ = nullptr;

TEST_F(PlanCommands, PlanWritesItsFourOutputsAndPrintsEveryStage) {
  ASSERT_EQ(plan_run_->exit_code, 0) << plan_run_->output;
  for (const char* name : {"plan.json", "plan.geojson", "plan.kml", "plan.html"})
    EXPECT_GT(fs::file_size(*out_ / name), 0U) << name;
  const auto plan = nlohmann::json::parse(read_file(*out_ / "plan.json"));
  const auto geojson = nlohmann::json::parse(read_file(*out_ / "plan.geojson"));
  EXPECT_EQ(geojson.at("type"), "FeatureCollection");
  EXPECT_NE(read_file(*out_ / "plan.kml").find("<kml"), std::string::npos);
  EXPECT_NE(read_file(*out_ / "plan.html").find("ILLUSTRATIVE"), std::string::npos);
  EXPECT_NE(plan_run_->output.find("ILLUSTRATIVE PLEDGES"), std::string::npos);
  for (const auto& stage : plan.at("stages"))
    EXPECT_NE(plan_run_->output.find(stage.at("stage").get<std::string>()), std::string::npos) << stage.dump();
  EXPECT_NE(plan_run_->output.find("wrote plan.json, plan.geojson, plan.kml and plan.html in " + out_->string()),
            std::string::npos);
}

TEST_F(PlanCommands, PlanFailsWithTheDocumentedCodeAndWritesNothing) {
  const auto out = fresh_temp_dir("plan-missing");
  const auto missing = run_cli("plan /nonexistent/scenario.json --out " + out.string());
  EXPECT_EQ(missing.exit_code, 3) << missing.output;
  EXPECT_NE(missing.output.find("/nonexistent/scenario.json"), std::string::npos) << missing.output;
  EXPECT_FALSE(fs::exists(out / "plan.json"));
  const auto bad_planning = run_cli("plan --planning /nonexistent/planning --out " + out.string());
  EXPECT_EQ(bad_planning.exit_code, 3) << bad_planning.output;
  EXPECT_FALSE(fs::exists(out / "plan.json"));
  EXPECT_EQ(run_cli("plan --rotation-factor 0.5 --out " + out.string()).exit_code, 2);
  EXPECT_EQ(run_cli("plan --out /proc/guarantor-no").exit_code, 8);
  fs::remove_all(out);
}

TEST_F(PlanCommands, CheckAcceptsThePlanAndCatchesATamperedOne) {
  ASSERT_EQ(plan_run_->exit_code, 0) << plan_run_->output;
  const auto plan_path = (*out_ / "plan.json").string();
  const auto clean = run_cli("check " + plan_path + " " + DEFAULT_SCENARIO);
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("; 0 violations"), std::string::npos) << clean.output;

  // The same unit placed twice breaks the one-position-per-unit rule: exit 20, rule listed.
  auto plan = nlohmann::json::parse(read_file(*out_ / "plan.json"));
  ASSERT_FALSE(plan.at("assignments").empty());
  plan.at("assignments").push_back(plan.at("assignments").at(0));
  const auto tampered = *out_ / "tampered.json";
  std::ofstream(tampered) << plan.dump();
  const auto broken = run_cli("check " + tampered.string() + " " + DEFAULT_SCENARIO);
  EXPECT_EQ(broken.exit_code, 20) << broken.output;
  EXPECT_EQ(broken.output.find("; 0 violations"), std::string::npos) << broken.output;

  EXPECT_EQ(run_cli("check /nonexistent/plan.json").exit_code, 3);
  std::ofstream(*out_ / "not_json.json") << "{ plan";
  const auto syntax = run_cli("check " + (*out_ / "not_json.json").string());
  EXPECT_EQ(syntax.exit_code, 4) << syntax.output;
  EXPECT_NE(syntax.output.find("not_json.json"), std::string::npos) << syntax.output;
  EXPECT_EQ(run_cli("check").exit_code, 2);
}

TEST_F(PlanCommands, DiffReportsNothingForAPlanAndItselfAndEachChangeOtherwise) {
  ASSERT_EQ(plan_run_->exit_code, 0) << plan_run_->output;
  const auto plan_path = (*out_ / "plan.json").string();
  const auto same = run_cli("diff " + plan_path + " " + plan_path);
  EXPECT_EQ(same.exit_code, 0) << same.output;
  EXPECT_NE(same.output.find("0 changes"), std::string::npos) << same.output;

  // One unit withdrawn: the diff names it.
  auto plan = nlohmann::json::parse(read_file(*out_ / "plan.json"));
  ASSERT_FALSE(plan.at("assignments").empty());
  const std::string unit = plan.at("assignments").at(0).at("unit");
  plan.at("assignments").erase(plan.at("assignments").begin());
  const auto after = *out_ / "after.json";
  std::ofstream(after) << plan.dump();
  const auto changed = run_cli("diff " + plan_path + " " + after.string());
  EXPECT_EQ(changed.exit_code, 0) << changed.output;
  EXPECT_NE(changed.output.find(unit), std::string::npos) << changed.output;
  EXPECT_EQ(changed.output.find("0 changes"), std::string::npos) << changed.output;

  EXPECT_EQ(run_cli("diff " + plan_path + " /nonexistent/plan.json").exit_code, 3);
  EXPECT_EQ(run_cli("diff " + plan_path).exit_code, 2);
}

// verify then audit on the fixture reports: outputs written, the log intact, then a tampered
// log located.
TEST(VerifyAndAuditCommands, VerifyWritesItsOutputsAndAuditChecksTheLog) {
  const auto out = fresh_temp_dir("verify-e2e");
  const auto log = out / "evidence.jsonl";
  const auto verify =
      run_cli("verify " + VERIFY_FIXTURES + "/reports_guarantor.csv --agreement " + AGREEMENT + " --sources " +
              SOURCES + " --no-gazetteer --out " + out.string() + " --log " + log.string());
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  for (const char* name : {"incidents.geojson", "incidents.csv", "findings.json", "report.html"})
    EXPECT_GT(fs::file_size(out / name), 0U) << name;
  const auto findings = nlohmann::json::parse(read_file(out / "findings.json"));
  EXPECT_TRUE(findings.is_object());
  EXPECT_NE(verify.output.find("evidence log head: "), std::string::npos) << verify.output;

  const auto intact = run_cli("audit " + log.string());
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find(": intact, "), std::string::npos) << intact.output;
  const auto replay = run_cli("audit --replay " + log.string());
  EXPECT_EQ(replay.exit_code, 0) << replay.output;
  EXPECT_NE(replay.output.find("replay: the same "), std::string::npos) << replay.output;

  // One character of the first entry changed: exit 9 (tampered), line 1 named.
  std::string text = read_file(log);
  const auto at = text.find("\"seq\":");
  ASSERT_NE(at, std::string::npos);
  auto digit = text.find_first_of("0123456789", at);
  text[digit] = text[digit] == '9' ? '8' : static_cast<char>(text[digit] + 1);
  std::ofstream(log, std::ios::binary | std::ios::trunc) << text;
  const auto tampered = run_cli("audit " + log.string());
  EXPECT_EQ(tampered.exit_code, 9) << tampered.output;
  EXPECT_NE(tampered.output.find(log.string() + ":1"), std::string::npos) << tampered.output;
  fs::remove_all(out);
}

TEST(VerifyAndAuditCommands, MissingInputsAreFileNotFoundAndBadOptionsUsage) {
  const auto out = fresh_temp_dir("verify-missing");
  const auto missing_reports =
      run_cli("verify /nonexistent/reports.csv --agreement " + AGREEMENT + " --no-gazetteer --out " + out.string());
  EXPECT_EQ(missing_reports.exit_code, 3) << missing_reports.output;
  EXPECT_NE(missing_reports.output.find("/nonexistent/reports.csv"), std::string::npos) << missing_reports.output;
  const auto missing_agreement =
      run_cli("verify " + VERIFY_FIXTURES +
              "/reports_guarantor.csv --agreement /nonexistent/a.json --no-gazetteer --out " + out.string());
  EXPECT_EQ(missing_agreement.exit_code, 3) << missing_agreement.output;
  EXPECT_EQ(run_cli("verify " + VERIFY_FIXTURES + "/reports_guarantor.csv").exit_code, 2) << "--agreement is required";
  EXPECT_EQ(run_cli("verify " + VERIFY_FIXTURES + "/reports_guarantor.csv --agreement " + AGREEMENT +
                    " --format nonsense --out " + out.string())
                .exit_code,
            2);
  const auto missing_log = run_cli("audit /nonexistent/evidence.jsonl");
  EXPECT_EQ(missing_log.exit_code, 3) << missing_log.output;
  EXPECT_NE(missing_log.output.find("/nonexistent/evidence.jsonl"), std::string::npos) << missing_log.output;
  fs::remove_all(out);
}

// `scenario new` writes a copy that validates on its own, even moved away from the data root.
TEST(ScenarioCommand, NewWritesACopyThatValidatesAnywhere) {
  const auto dir = fresh_temp_dir("scenario-new");
  const auto created = run_cli("scenario new " + (dir / "mine").string());
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("wrote " + (dir / "mine" / "scenario.json").string()), std::string::npos)
      << created.output;
  fs::rename(dir / "mine", dir / "moved");
  const auto valid = run_cli("--data-root /nonexistent validate " + (dir / "moved" / "scenario.json").string());
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
  const auto again = run_cli("scenario new " + (dir / "moved").string());
  EXPECT_EQ(again.exit_code, 8) << again.output;
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
  EXPECT_EQ(run_cli("scenario new " + (dir / "x").string() + " --from /nonexistent/scenario.json").exit_code, 3);
  EXPECT_FALSE(fs::exists(dir / "x"));
  fs::remove_all(dir);
}

TEST(UnknownCommand, IsAUsageErrorThatListsTheCommands) {
  const auto r = run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("error [usage] unknown command \"frobnicate\"; expected one of: validate, forcegen, show, "
                          "plan, check, diff, verify, audit, keygen, scenario, workspace, serve"),
            std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace guarantor::testing
