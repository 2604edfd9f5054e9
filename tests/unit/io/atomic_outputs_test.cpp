#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/output_file.hpp"

namespace guarantor::io {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

std::size_t entries_in(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(
      std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}));
}

std::filesystem::path fresh_dir(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(AtomicOutputs, AbandonedGroupLeavesEveryEarlierOutputAndNoTemporary) {
  const auto dir = fresh_dir("guarantor-atomic-abandon");
  write_file_atomically(dir / "a.csv", "old a");
  write_file_atomically(dir / "b.json", "old b");
  {
    AtomicOutputs outputs;
    outputs.add(dir / "a.csv") << "new a, half written";
    outputs.add(dir / "b.json", "new b");
    // Destroyed without commit: the run failed after it had started writing.
  }
  EXPECT_EQ(read_all(dir / "a.csv"), "old a");
  EXPECT_EQ(read_all(dir / "b.json"), "old b");
  EXPECT_EQ(entries_in(dir), 2u);
  std::filesystem::remove_all(dir);
}

TEST(AtomicOutputs, CommitPublishesEveryFile) {
  const auto dir = fresh_dir("guarantor-atomic-commit");
  write_file_atomically(dir / "in.csv", "input");
  {
    AtomicOutputs outputs;
    // The target is also what the run read: reading it again before commit still sees the input.
    outputs.add(dir / "in.csv") << "output";
    EXPECT_EQ(read_all(dir / "in.csv"), "input");
    outputs.add(dir / "other.html", "<p>");
    outputs.commit();
  }
  EXPECT_EQ(read_all(dir / "in.csv"), "output");
  EXPECT_EQ(read_all(dir / "other.html"), "<p>");
  EXPECT_EQ(entries_in(dir), 2u);
  std::filesystem::remove_all(dir);
}

TEST(AtomicOutputs, UnwritableDirectoryNamesTheTarget) {
  AtomicOutputs outputs;
  try {
    outputs.add("/nonexistent-dir/x/incidents.csv");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::OutputFailed);
    EXPECT_EQ(error.where(), "/nonexistent-dir/x/incidents.csv");
  }
}

}  // namespace
}  // namespace guarantor::io
