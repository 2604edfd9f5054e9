#pragma once
// Runs the guarantor binary as a user would (a shell command line) and captures what it printed.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_files.hpp"

namespace guarantor::testing {

struct CliRun {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs `guarantor --assets <test assets> <arguments>` through the shell.
inline CliRun run_cli(const std::string& arguments) {
  const std::string command =
      std::string(GUARANTOR_CLI) + " --assets " + GUARANTOR_TEST_ASSET_DIR + " " + arguments + " 2>&1";
  CliRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) result.output += buffer.data();
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace guarantor::testing
