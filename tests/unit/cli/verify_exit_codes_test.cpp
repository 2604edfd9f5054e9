// The exit codes docs/verifier.md lists for `guarantor verify` and `guarantor audit`, each
// produced by the case the table names: a missing input file is exit 3 whichever option names
// it, a bad command line exit 2, and so on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

namespace {

using guarantor::testing::CliRun;
using guarantor::testing::run_cli;

const std::filesystem::path EXIT_FIXTURES = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify";
const std::filesystem::path EXIT_DATA = GUARANTOR_TEST_DATA_DIR;

class VerifyExitCodes : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = guarantor::testing::fresh_temp_dir("verify-exit-codes");
    std::filesystem::create_directories(dir_);
  }

  /// A verify command line that runs to completion, before the options a case adds.
  [[nodiscard]] std::string verify_line(
      const std::string& reports,
      const std::string& agreement = (EXIT_DATA / "agreements" / "default_agreement.json").string(),
      const std::string& sources = (EXIT_DATA / "sources" / "source_registry.json").string(),
      std::string out = {}) const {
    if (out.empty()) out = (dir_ / "out").string();
    return "verify " + reports + " --no-theatre --quiet --agreement " + agreement + " --sources " + sources +
           " --out " + out;
  }
  [[nodiscard]] std::string good_line() const {
    return verify_line((EXIT_FIXTURES / "reports_guarantor.csv").string()) + " --no-gazetteer";
  }
  [[nodiscard]] std::string missing(const std::string& name) const { return (dir_ / ("no-such-" + name)).string(); }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return (dir_ / name).string();
  }

  /// Runs `arguments` and checks the exit code and that stderr names `where`.
  static void expect_exit(const std::string& arguments, int code, const std::string& where) {
    const CliRun run = run_cli(arguments);
    EXPECT_EQ(run.exit_code, code) << arguments << "\n" << run.output;
    EXPECT_NE(run.output.find(where), std::string::npos) << arguments << "\n" << run.output;
  }

  std::filesystem::path dir_;
};

TEST_F(VerifyExitCodes, OkAndUsage) {
  expect_exit(good_line(), 0, "findings:");
  expect_exit(good_line() + " --no-such-option", 2, "--no-such-option");
  expect_exit(good_line() + " --violation-credibility 0", 2, "--violation-credibility");
  expect_exit(good_line() + " --max-distance-m nan", 2, "--max-distance-m");
  expect_exit(good_line() + " --timezone Mars/Olympus", 2, "--timezone");
  // Pairings that mean nothing are refused before any file they name is read.
  expect_exit(good_line() + " --sign-key " + missing("monitor.key"), 2, "--log");
  expect_exit("audit " + missing("log.jsonl") + " --sign-key " + missing("monitor.key"), 2, "--record-damage");
  expect_exit("audit " + missing("log.jsonl") + " --record-damage", 2, "--sign-key");
  expect_exit(verify_line(write("unknown.txt", "alpha|beta\n1|2\n")) + " --no-gazetteer", 2, "unknown.txt");
}

TEST_F(VerifyExitCodes, AMissingInputFileIsExitThreeWhicheverOptionNamesIt) {
  const std::string reports = (EXIT_FIXTURES / "reports_guarantor.csv").string();
  expect_exit(verify_line(missing("reports.csv")) + " --no-gazetteer", 3, "no-such-reports.csv");
  expect_exit(verify_line(reports, missing("agreement.json")) + " --no-gazetteer", 3, "no-such-agreement.json");
  expect_exit(
      verify_line(reports, (EXIT_DATA / "agreements" / "default_agreement.json").string(), missing("sources.json")) +
          " --no-gazetteer",
      3, "no-such-sources.json");
  expect_exit(verify_line(reports) + " --gazetteer " + missing("cities.txt"), 3, "no-such-cities.txt");
  expect_exit(good_line() + " --line-of-contact " + missing("loc.geojson"), 3, "no-such-loc.geojson");
  expect_exit(good_line() + " --mapping " + missing("mapping.json"), 3, "no-such-mapping.json");
  expect_exit(good_line() + " --log " + (dir_ / "log.jsonl").string() + " --sign-key " + missing("monitor.key"), 3,
              "no-such-monitor.key");
  expect_exit("audit " + missing("log.jsonl"), 3, "no-such-log.jsonl");
  // The log exists; the public key does not.
  ASSERT_EQ(run_cli(good_line() + " --log " + (dir_ / "log.jsonl").string()).exit_code, 0);
  expect_exit("audit " + (dir_ / "log.jsonl").string() + " --key " + missing("monitor.pub"), 3, "no-such-monitor.pub");
  expect_exit("audit " + (dir_ / "log.jsonl").string() + " --record-damage --sign-key " + missing("monitor.key"), 3,
              "no-such-monitor.key");
}

TEST_F(VerifyExitCodes, SyntaxSchemaOutputAndTampered) {
  expect_exit(verify_line(write("open_quote.csv", "id,date,outlet,category,place\nr1,2025-04-01,BBC,strike,\"Kyiv\n")) +
                  " --no-gazetteer",
              4, "open_quote.csv");
  expect_exit(verify_line((EXIT_FIXTURES / "reports_guarantor.csv").string(), write("agreement.json", "{ not json")) +
                  " --no-gazetteer",
              4, "agreement.json");
  const std::string log = (dir_ / "log.jsonl").string();
  expect_exit(good_line() + " --log " + log + " --sign-key " + write("bad.key", "not a key\n"), 4, "bad.key");
  expect_exit(verify_line(write("no_position.csv", "event_id_cnty,event_date,event_type\nUKR1,2025-04-01,Battles\n")) +
                  " --no-gazetteer",
              5, "no_position.csv");
  const std::string reports = (EXIT_FIXTURES / "reports_guarantor.csv").string();
  expect_exit(verify_line(reports, (EXIT_DATA / "agreements" / "default_agreement.json").string(),
                          (EXIT_DATA / "sources" / "source_registry.json").string(), write("a_file", "x")) +
                  " --no-gazetteer",
              8, "a_file");
  ASSERT_EQ(run_cli(good_line() + " --log " + log).exit_code, 0);
  std::ofstream(log, std::ios::app) << "{\"forged\": true}\n";
  expect_exit("audit " + log, 9, "log.jsonl");
  expect_exit(good_line() + " --log " + log, 9, "log.jsonl");
}

}  // namespace
