#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/output_file.hpp"
#include "temp_files.hpp"

namespace guarantor::io {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

TEST(OutputFile, ReplacesContentWholeAndLeavesNoTemporary) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-replace");
  ensure_writable_directory(dir);
  write_file_atomically(dir / "a.json", "first");
  write_file_atomically(dir / "a.json", "second");
  EXPECT_EQ(read(dir / "a.json"), "second");
  EXPECT_EQ(entries(dir), 1U);
  fs::remove_all(dir);
}

TEST(OutputFile, UnwritableTargetIsOutputFailedAndNamesThePath) {
  try {
    write_file_atomically("/nonexistent-dir/x/plan.json", "content");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::OutputFailed);
    EXPECT_EQ(error.where(), "/nonexistent-dir/x/plan.json");
  }
  EXPECT_THROW(ensure_writable_directory("/proc/guarantor-cannot-exist"), Error);
  EXPECT_THROW(OutputSet("/proc/guarantor-cannot-exist"), Error);
}

TEST(OutputSet, PublishesEveryFileAndStreamsLargeOnes) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-publish");
  OutputSet outputs(dir);
  outputs.add("plan.json", "{}");
  outputs.stream("plan.csv") << "a,b\n" << 1 << ',' << 2 << '\n';
  EXPECT_FALSE(fs::exists(dir / "plan.json")) << "nothing is visible before publish()";
  outputs.publish();
  EXPECT_EQ(read(dir / "plan.json"), "{}");
  EXPECT_EQ(read(dir / "plan.csv"), "a,b\n1,2\n");
  EXPECT_EQ(entries(dir), 2U);
  EXPECT_THROW(outputs.add("late.json", "x"), Error);
  fs::remove_all(dir);
}

// The set is published together: when one file cannot be replaced, none is, and the old set
// stays whole (here plan.html is a directory in the way, found before anything is renamed).
TEST(OutputSet, AFileThatCannotBeReplacedLeavesThePreviousSetWhole) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-whole");
  fs::create_directories(dir / "plan.html");
  std::ofstream(dir / "plan.html" / "keep") << "user file";
  write_file_atomically(dir / "plan.json", "old plan");
  OutputSet outputs(dir);
  outputs.add("plan.json", "new plan");
  outputs.add("plan.html", "<html>new</html>");
  try {
    outputs.publish();
    FAIL() << "publish() should have refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::OutputFailed);
    EXPECT_EQ(error.where(), (dir / "plan.html").string());
  }
  EXPECT_EQ(read(dir / "plan.json"), "old plan");
  EXPECT_EQ(read(dir / "plan.html" / "keep"), "user file");
  EXPECT_EQ(entries(dir), 2U) << "no temporary or backup is left behind";
  fs::remove_all(dir);
}

TEST(OutputSet, AnOutputThatWasAlsoTheInputIsReplacedOnlyAtPublish) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-reread");
  fs::create_directories(dir);
  write_file_atomically(dir / "incidents.csv", "input");
  {
    OutputSet outputs(dir);
    outputs.stream("incidents.csv") << "output";
    EXPECT_EQ(read(dir / "incidents.csv"), "input") << "still readable as the input until publish";
    outputs.publish();
  }
  EXPECT_EQ(read(dir / "incidents.csv"), "output");
  EXPECT_EQ(entries(dir), 1U);
  fs::remove_all(dir);
}

TEST(OutputSet, AbandonedSetChangesNothing) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-abandon");
  {
    OutputSet outputs(dir);
    outputs.add("a.json", "new");
    outputs.stream("b.csv") << "new";
  }
  EXPECT_EQ(entries(dir), 0U);
  fs::remove_all(dir);
}

TEST(OutputSet, RefusesNamesOutsideItsDirectoryAndDuplicates) {
  const auto dir = guarantor::testing::fresh_temp_dir("output-test-names");
  OutputSet outputs(dir);
  EXPECT_THROW(outputs.add("../escape.json", "x"), Error);
  EXPECT_THROW(outputs.add("", "x"), Error);
  EXPECT_THROW(outputs.add("..", "x"), Error);
  outputs.add("a.json", "x");
  EXPECT_THROW(outputs.add("a.json", "y"), Error);
  EXPECT_FALSE(fs::exists(dir.parent_path() / "escape.json"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace guarantor::io
