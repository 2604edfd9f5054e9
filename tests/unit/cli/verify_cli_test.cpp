// End-to-end tests of `guarantor verify` and `guarantor audit`: outputs are complete or the
// previous ones, inputs are never truncated, input loss is refused or counted, the evidence
// log refuses unsafe appends and its checkpoints are signed.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>

#include "cli_run.hpp"

namespace {

using guarantor::testing::CliRun;
using guarantor::testing::read_file;
using guarantor::testing::run_cli;

const std::filesystem::path FIXTURES = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify";
const std::filesystem::path DATA = GUARANTOR_TEST_DATA_DIR;

std::string verify_args(const std::string& reports, const std::filesystem::path& out) {
  return "verify " + reports + " --no-gazetteer --agreement " +
         (DATA / "agreements" / "default_agreement.json").string() + " --sources " +
         (DATA / "sources" / "source_registry.json").string() + " --out " + out.string();
}

std::filesystem::path fresh_out_dir(const std::string& name) {
  auto dir = guarantor::testing::fresh_temp_dir("verify-" + name);
  std::filesystem::create_directories(dir);
  return dir;
}

constexpr std::array<const char*, 4> OUTPUTS{"incidents.geojson", "incidents.csv", "findings.json", "report.html"};

TEST(VerifyCli, AFailedRunKeepsThePreviousOutputs) {
  const auto out = fresh_out_dir("failed-run");
  const std::string reports = (FIXTURES / "reports_guarantor.csv").string();
  ASSERT_EQ(run_cli(verify_args(reports, out)).exit_code, 0);
  std::array<std::string, 4> before;
  for (std::size_t i = 0; i < OUTPUTS.size(); ++i) before[i] = read_file(out / OUTPUTS[i]);
  // A broken agreement stops the run after it started.
  std::ofstream(out / "bad_agreement.json") << "{ not json";
  const CliRun failed = run_cli("verify " + reports + " --no-gazetteer --agreement " +
                                (out / "bad_agreement.json").string() + " --out " + out.string());
  EXPECT_NE(failed.exit_code, 0) << failed.output;
  for (std::size_t i = 0; i < OUTPUTS.size(); ++i) {
    EXPECT_FALSE(before[i].empty()) << OUTPUTS[i];
    EXPECT_EQ(read_file(out / OUTPUTS[i]), before[i]) << OUTPUTS[i] << " was changed by a failed run";
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out)) files += entry.is_regular_file();
  EXPECT_EQ(files, 5u) << "no temporary left behind";
}

TEST(VerifyCli, ItsOwnIncidentsCsvFedBackIsReadBeforeItIsReplaced) {
  const auto out = fresh_out_dir("feed-back");
  ASSERT_EQ(run_cli(verify_args((FIXTURES / "reports_guarantor.csv").string(), out)).exit_code, 0);
  const std::string first = read_file(out / "incidents.csv");
  ASSERT_NE(first.find('\n'), first.size() - 1) << "at least one incident row";
  const CliRun again = run_cli(verify_args((out / "incidents.csv").string(), out));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(again.output.find("read 0 reports"), std::string::npos) << again.output;
  EXPECT_NE(read_file(out / "incidents.csv").find("event_id_cnty"), std::string::npos);
}

TEST(VerifyCli, OutOfRangeParametersAreUsageErrors) {
  const auto out = fresh_out_dir("bad-params");
  const std::string reports = (FIXTURES / "reports_guarantor.csv").string();
  const CliRun zero = run_cli(verify_args(reports, out) + " --violation-credibility 0");
  EXPECT_EQ(zero.exit_code, 2) << zero.output;
  EXPECT_NE(zero.output.find("--violation-credibility"), std::string::npos) << zero.output;
  EXPECT_EQ(run_cli(verify_args(reports, out) + " --max-distance-m nan").exit_code, 2);
  EXPECT_EQ(run_cli(verify_args(reports, out) + " --max-gate-m -1").exit_code, 2);
  EXPECT_EQ(run_cli(verify_args(reports, out) + " --timezone Mars/Olympus").exit_code, 2);
  // Read whole and strictly: no hexadecimal, octal, units, infinity or fractions of a whole number.
  for (const char* bad : {"--violation-credibility 0x3", "--time-window-s 3600s", "--max-distance-m 5km",
                          "--max-gate-m 1e999", "--max-span-s 3600.5", "--max-distance-m inf", "--threads 0x2"}) {
    const CliRun refused = run_cli(verify_args(reports, out) + " " + bad);
    EXPECT_EQ(refused.exit_code, 2) << bad << "\n" << refused.output;
    const std::string option = std::string(bad).substr(0, std::string(bad).find(' '));
    EXPECT_NE(refused.output.find(option + ": got"), std::string::npos) << refused.output;
  }
  EXPECT_FALSE(std::filesystem::exists(out / "findings.json")) << "refused before any output";
}

TEST(VerifyCli, SignedRunsAuditWithTheKeyAndADamagedLogIsRefusedUntilRecorded) {
  const auto dir = fresh_out_dir("signed");
  const auto secret = dir / "monitor.key", pub = dir / "monitor.pub", log = dir / "evidence.jsonl";
  const CliRun keygen = run_cli("keygen --secret " + secret.string() + " --public " + pub.string());
  ASSERT_EQ(keygen.exit_code, 0) << keygen.output;
  const std::string reports = (FIXTURES / "reports_guarantor.csv").string();
  const std::string logged =
      verify_args(reports, dir / "out") + " --log " + log.string() + " --sign-key " + secret.string();
  ASSERT_EQ(run_cli(logged).exit_code, 0);
  ASSERT_EQ(run_cli(logged).exit_code, 0);
  const CliRun audit = run_cli("audit " + log.string() + " --key " + pub.string());
  EXPECT_EQ(audit.exit_code, 0) << audit.output;
  EXPECT_NE(audit.output.find("2 signed checkpoints verified"), std::string::npos) << audit.output;

  // The last run cut short: verify refuses to append and names the recovery command.
  std::string text = read_file(log);
  text.resize(text.rfind('\n', text.size() - 2) + 1);  // drop the checkpoint
  text.resize(text.rfind('\n', text.size() - 2) + 1);  // and run_end
  std::ofstream(log, std::ios::binary | std::ios::trunc) << text;
  const CliRun refused = run_cli(logged);
  EXPECT_EQ(refused.exit_code, 9) << refused.output;
  EXPECT_NE(refused.output.find("--record-damage"), std::string::npos) << refused.output;
  const CliRun recorded = run_cli("audit " + log.string() + " --record-damage --sign-key " + secret.string());
  EXPECT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_EQ(run_cli(logged).exit_code, 0);
  const CliRun after = run_cli("audit " + log.string() + " --key " + pub.string());
  EXPECT_EQ(after.exit_code, 0) << after.output;
  EXPECT_NE(after.output.find("recorded damage"), std::string::npos) << after.output;
}

}  // namespace
