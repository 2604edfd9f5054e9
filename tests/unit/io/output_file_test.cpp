#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/io/output_file.hpp"

namespace guarantor::io {
namespace {

TEST(OutputFile, ReplacesContentWholeAndLeavesNoTemporary) {
  const auto dir = std::filesystem::temp_directory_path() / "guarantor-output-test";
  std::filesystem::remove_all(dir);
  ensure_writable_directory(dir);
  write_file_atomically(dir / "a.json", "first");
  write_file_atomically(dir / "a.json", "second");
  std::ifstream in(dir / "a.json");
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "second");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
  std::filesystem::remove_all(dir);
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
}

}  // namespace
}  // namespace guarantor::io
