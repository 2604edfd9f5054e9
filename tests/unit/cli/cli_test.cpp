#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "scenario_fixture.hpp"

namespace {

using Run = guarantor::testing::CliRun;

Run run(const std::string& arguments) { return guarantor::testing::run_cli(arguments); }

std::filesystem::path fresh_dir(const std::string& name) { return guarantor::testing::fresh_temp_dir(name); }

TEST(Cli, ValidateAcceptsTheMiniScenario) {
  guarantor::testing::ScenarioFixture fixture;
  const auto r = run("validate " + fixture.manifest().string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("valid. 3 countries, 2 regions, 3 places, 3 sites"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("(ILLUSTRATIVE)"), std::string::npos);
}

// Exit codes follow the documented ErrorCode values (docs/user-guide.md).
TEST(Cli, ExitCodeNamesTheKindOfError) {
  {
    guarantor::testing::ScenarioFixture fixture;
    fixture.set("coalition.json", "/pledges/0/quantity", -2);
    const auto r = run("validate " + fixture.manifest().string());
    EXPECT_EQ(r.exit_code, 5) << r.output;
    EXPECT_NE(r.output.find("error [schema] "), std::string::npos) << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(coalition\.json:[0-9]+ /pledges/0/quantity: got -2)")))
        << r.output;
  }
  {
    guarantor::testing::ScenarioFixture fixture;
    fixture.set("coalition.json", "/pledges/0/nation", "XX");
    EXPECT_EQ(run("validate " + fixture.manifest().string()).exit_code, 6);
  }
  {
    guarantor::testing::ScenarioFixture fixture;
    fixture.write("mandate.json", "{ not json");
    EXPECT_EQ(run("validate " + fixture.manifest().string()).exit_code, 4);
  }
  EXPECT_EQ(run("validate /nonexistent/scenario.json").exit_code, 3);
  EXPECT_EQ(run("validate --no-such-option").exit_code, 2);
}

TEST(Cli, EveryProblemIsListedAndCounted) {
  guarantor::testing::ScenarioFixture fixture;
  fixture.set("coalition.json", "/pledges/0/quantity", -1);
  fixture.set("mandate.json", "/requirements/2/priority", 0);
  const auto r = run("validate " + fixture.manifest().string());
  EXPECT_NE(r.output.find("2 problems found."), std::string::npos) << r.output;
}

TEST(Cli, ForcegenWritesJsonAndCsvWithTheIllustrativeLabel) {
  guarantor::testing::ScenarioFixture fixture;
  const auto out = fresh_dir("forcegen");
  const auto r = run("forcegen " + fixture.manifest().string() + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("ILLUSTRATIVE PLEDGES"), std::string::npos);
  std::ifstream json_file(out / "force_generation.json");
  const auto doc = nlohmann::json::parse(json_file);
  EXPECT_TRUE(doc.at("illustrative").get<bool>());
  // The mini scenario's ceasefire phase: R-QRF covered by FR-1; R-AD missing (DE-1 only on NATO
  // soil and conditional on a US backstop); R-LOG covered by PL-1 on NATO soil.
  const auto& lines = doc.at("phases").at(0).at("lines");
  std::map<std::string, std::string> status;
  for (const auto& line : lines) status[line.at("id")] = line.at("status");
  EXPECT_EQ(status["R-QRF"], "covered");
  EXPECT_EQ(status["R-AD"], "missing");
  EXPECT_EQ(status["R-LOG"], "covered");
  std::ifstream csv_file(out / "force_generation.csv");
  std::stringstream csv;
  csv << csv_file.rdbuf();
  EXPECT_EQ(csv.str().rfind("phase,line,capability,priority,required,filled,shortfall,status,filled_by,gap_reasons,illustrative\n", 0), 0u);
  EXPECT_NE(csv.str().find(",true\n"), std::string::npos);
  std::filesystem::remove_all(out);
}

TEST(Cli, FailedRunLeavesNoOutputBehind) {
  guarantor::testing::ScenarioFixture fixture;
  fixture.set("mandate.json", "/requirements/0/capability", "NOPE");
  const auto out = fresh_dir("failed");
  const auto r = run("forcegen " + fixture.manifest().string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 6) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out / "force_generation.json"));
  EXPECT_FALSE(std::filesystem::exists(out / "force_generation.csv"));
  if (std::filesystem::exists(out)) {
    EXPECT_TRUE(std::filesystem::is_empty(out));
  }
  std::filesystem::remove_all(out);
}

// Outputs that belong together are published together: when one cannot be replaced (here a
// directory stands where force_generation.csv goes) the previous JSON stays, not a new JSON
// beside an old CSV.
TEST(Cli, OutputsArePublishedTogetherOrNotAtAll) {
  guarantor::testing::ScenarioFixture fixture;
  const auto out = fresh_dir("together");
  std::filesystem::create_directories(out / "force_generation.csv");
  std::ofstream(out / "force_generation.json") << "previous";
  const auto r = run("forcegen " + fixture.manifest().string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 8) << r.output;
  EXPECT_NE(r.output.find("force_generation.csv: exists and is not a regular file"), std::string::npos) << r.output;
  std::ifstream json_file(out / "force_generation.json");
  std::stringstream json;
  json << json_file.rdbuf();
  EXPECT_EQ(json.str(), "previous");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(out), std::filesystem::directory_iterator{}), 2)
      << "no temporary is left behind";
  std::filesystem::remove_all(out);
}

// File names and rejected values reach the terminal escaped and short: no escape sequence from
// input can clear the screen or forge output, no value floods it.
TEST(Cli, MessagesQuoteInputEscapedAndShort) {
  const auto missing = run("validate '/nonexistent/\x1b[2J\rforged.json'");
  EXPECT_EQ(missing.exit_code, 3) << missing.output;
  EXPECT_EQ(missing.output.find('\x1b'), std::string::npos) << missing.output;
  EXPECT_EQ(missing.output.find('\r'), std::string::npos) << missing.output;
  EXPECT_NE(missing.output.find("/nonexistent/\\x1b[2J\\rforged.json"), std::string::npos) << missing.output;

  guarantor::testing::ScenarioFixture fixture;
  fixture.set("mandate.json", "/requirements/0/capability", "\x1b]0;pwned\x07" + std::string(20000, 'A'));
  const auto bad_value = run("validate " + fixture.manifest().string());
  EXPECT_EQ(bad_value.exit_code, 6) << bad_value.output.substr(0, 2000);
  EXPECT_EQ(bad_value.output.find('\x1b'), std::string::npos);
  EXPECT_EQ(bad_value.output.find('\x07'), std::string::npos);
  EXPECT_LT(bad_value.output.size(), 3000U) << "a rejected value is quoted as a short excerpt";
}

TEST(Cli, UnwritableOutputFailsBeforeAnyWork) {
  guarantor::testing::ScenarioFixture fixture;
  const auto r = run("forcegen " + fixture.manifest().string() + " --out /proc/guarantor-no");
  EXPECT_EQ(r.exit_code, 8) << r.output;
  EXPECT_NE(r.output.find("error [output-failed] /proc/guarantor-no"), std::string::npos) << r.output;
}

TEST(Cli, ShowWritesOneSelfContainedPage) {
  guarantor::testing::ScenarioFixture fixture;
  const auto out = fresh_dir("show");
  const auto r = run("show " + fixture.manifest().string() + " --out " + (out / "t.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream page(out / "t.html");
  std::stringstream html;
  html << page.rdbuf();
  EXPECT_NE(html.str().find("ILLUSTRATIVE PLEDGES"), std::string::npos);
  // Links to a library's home page are fine; anything that would load from the network is not
  // (the browser test also watches the actual requests).
  for (const char* remote : {"src=\"http", "url(http", "url('http", "url(\"http", "@import", "stylesheet\" href=\"http"})
    EXPECT_EQ(html.str().find(remote), std::string::npos) << "the page must not load any remote resource: " << remote;
  std::filesystem::remove_all(out);
}

}  // namespace
