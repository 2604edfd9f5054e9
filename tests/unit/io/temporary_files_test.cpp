// Temporaries' names carry their host and process, and only those of ended processes of this
// host are cleaned up.
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "guarantor/io/temporary_files.hpp"
#include "temp_files.hpp"

namespace guarantor::io {
namespace {

namespace fs = std::filesystem;

// The id of a process that has run and ended (and been reaped), so no process has it for now.
long ended_process_id() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

// The name another process (`pid` on `host`) would have given its temporary of `target`.
std::string temporary_name_of(const std::string& target, const std::string& host, long pid) {
  return "." + target + ".tmp-" + host + "-" + std::to_string(pid) + "-0000abcd";
}

void touch_file(const fs::path& path) { std::ofstream(path) << "partial"; }

TEST(TemporaryFiles, NameCarriesTargetHostAndProcess) {
  const fs::path path = temporary_path("/some/dir", "incidents.geojson");
  EXPECT_EQ(path.parent_path(), "/some/dir");
  const auto parsed = parse_temporary_name(path.filename().string());
  ASSERT_TRUE(parsed.has_value()) << path;
  EXPECT_EQ(parsed->target, "incidents.geojson");
  EXPECT_EQ(parsed->host, temporary_host_name());
  EXPECT_EQ(parsed->pid, static_cast<long>(::getpid()));
  EXPECT_NE(temporary_path("/some/dir", "incidents.geojson"), path) << "a fresh name each time";
  const auto dashed = parse_temporary_name(".report.html.tmp-node-7.example_org-4242-00c0ffee");
  ASSERT_TRUE(dashed.has_value());
  EXPECT_EQ(dashed->target, "report.html");
  EXPECT_EQ(dashed->host, "node-7.example_org");
  EXPECT_EQ(dashed->pid, 4242);
  for (const char* other : {"findings.json", ".findings.json", ".a.tmp-host-12-xyz", ".a.tmp-host-0-00ff",
                            ".a.tmp--12-00ff", ".tmp-host-12-00ff", ".a.tmp-host-1x-00ff"})
    EXPECT_FALSE(parse_temporary_name(other).has_value()) << other;
}

TEST(TemporaryFiles, RemovesOnlyThoseOfEndedProcessesOfThisHost) {
  const auto dir = guarantor::testing::fresh_temp_dir("temporaries-stale");
  fs::create_directories(dir);
  const std::string host = temporary_host_name();
  const long ended = ended_process_id();
  const fs::path stale = dir / temporary_name_of("findings.json", host, ended);
  const fs::path live = temporary_path(dir, "report.html");  // this process: running
  const fs::path foreign = dir / temporary_name_of("incidents.csv", host + "_elsewhere", ended);
  const fs::path output = dir / "findings.json";
  for (const auto& path : {stale, live, foreign, output}) touch_file(path);
  const StaleTemporaries result = remove_stale_temporaries(dir);
  EXPECT_EQ(result.removed, 1U);
  EXPECT_EQ(result.live, 1U);
  EXPECT_EQ(result.other_host, 1U);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(foreign));
  EXPECT_TRUE(fs::exists(output));
  EXPECT_EQ(remove_stale_temporaries(dir / "missing").removed, 0U) << "a missing directory is nothing to clean";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace guarantor::io
