// A verify run killed with SIGKILL leaves its hidden temporaries; the next run in the same
// output directory removes them and says how many, and keeps those of a running process and
// of another host.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path KILL_FIXTURES = fs::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify";
const fs::path KILL_DATA = GUARANTOR_TEST_DATA_DIR;

std::vector<std::string> verify_arguments(const fs::path& reports, const fs::path& out) {
  return {GUARANTOR_CLI,    "verify",
          reports.string(), "--format",
          "guarantor_csv",  "--no-gazetteer",
          "--no-theatre",   "--quiet",
          "--agreement",    (KILL_DATA / "agreements" / "default_agreement.json").string(),
          "--sources",      (KILL_DATA / "sources" / "source_registry.json").string(),
          "--out",          out.string()};
}

// The hidden files in `dir` whose names say process `pid` wrote them.
std::vector<std::string> temporaries_of(const fs::path& dir, pid_t pid) {
  std::vector<std::string> names;
  const std::string owner = "-" + std::to_string(pid) + "-";
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.front() == '.' && name.find(".tmp-") != std::string::npos && name.find(owner) != std::string::npos)
      names.push_back(name);
  }
  return names;
}

TEST(VerifyTemporaries, AKilledRunsTemporariesAreRemovedByTheNextRun) {
  const auto dir = guarantor::testing::fresh_temp_dir("verify-sigkill");
  const auto out = dir / "out";
  fs::create_directories(out);
  // The run reads its reports from a pipe nobody writes to: it has opened its output
  // temporaries and waits there until it is killed.
  const auto pipe = dir / "reports.csv";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  const auto arguments = verify_arguments(pipe, out);
  std::vector<char*> argv;
  argv.reserve(arguments.size() + 1);
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  // Killed once its output temporary is open, when it waits on the pipe: not earlier, while
  // the check that the output directory is writable has a temporary of its own for a moment.
  std::vector<std::string> left;
  const auto output_temporary_open = [&left] {
    return std::any_of(left.begin(), left.end(),
                       [](const std::string& name) { return name.rfind(".incidents.geojson.tmp-", 0) == 0; });
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!output_temporary_open() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    left = temporaries_of(out, child);
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the run was killed, not finished";
  left = temporaries_of(out, child);
  ASSERT_FALSE(left.empty()) << "kill -9 leaves the run's temporaries";
  for (const auto& name : left) ASSERT_EQ(name.rfind(".incidents.geojson.tmp-", 0), 0U) << name;

  // Beside them: one of a running process (this test) and one of another machine.
  // `.incidents.geojson.tmp-<host>-<pid>-<random>`: this host's name as the run wrote it.
  const std::string prefix = ".incidents.geojson.tmp-";
  const std::string host =
      left.front().substr(prefix.size(), left.front().rfind("-" + std::to_string(child) + "-") - prefix.size());
  const std::string live = ".report.html.tmp-" + host + "-" + std::to_string(::getpid()) + "-00000001";
  const std::string foreign = ".findings.json.tmp-another_host-" + std::to_string(child) + "-00000002";
  std::ofstream(out / live) << "partial";
  std::ofstream(out / foreign) << "partial";

  const guarantor::testing::CliRun again =
      guarantor::testing::run_cli("verify " + (KILL_FIXTURES / "reports_guarantor.csv").string() +
                                  " --no-gazetteer --no-theatre --quiet --agreement " + arguments[9] + " --sources " +
                                  arguments[11] + " --out " + out.string());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("removed " + std::to_string(left.size()) +
                              " temporary files of ended runs; kept 1 of "
                              "running ones, 1 of other hosts"),
            std::string::npos)
      << again.output;
  for (const auto& name : left) EXPECT_FALSE(fs::exists(out / name)) << name;
  EXPECT_TRUE(fs::exists(out / live));
  EXPECT_TRUE(fs::exists(out / foreign));
  EXPECT_TRUE(fs::exists(out / "findings.json"));
  fs::remove_all(dir);
}

}  // namespace
