#include "highs_milp.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>
#include <vector>

#include "guarantor/core/error.hpp"

extern char** environ;

namespace guarantor::highs {

namespace {

constexpr const char* WHO = "HiGHS baseline";

// The runner's standard output and error, in files unique to this call, removed afterwards.
class CapturedOutput {
public:
  CapturedOutput() {
    static std::atomic<unsigned> counter{0};
    const auto stem = std::filesystem::temp_directory_path() /
                      fmt::format("guarantor-highs-{}-{}", static_cast<long>(::getpid()), counter++);
    out_ = stem.string() + ".json";
    err_ = stem.string() + ".err";
  }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  ~CapturedOutput() {
    std::error_code ignored;
    std::filesystem::remove(out_, ignored);
    std::filesystem::remove(err_, ignored);
  }
  [[nodiscard]] const std::string& out() const { return out_; }
  [[nodiscard]] const std::string& err() const { return err_; }

private:
  std::string out_, err_;
};

std::string read_all(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

bool node_on_path() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && ::access((std::filesystem::path(dir) / "node").c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Runs `node RUNNER model limit` with its output captured; throws when it cannot start or fails.
std::string run_runner(const std::string& model, double limit_s, const CapturedOutput& captured) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, captured.out().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, captured.err().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const std::string limit = fmt::format("{:.3f}", std::max(limit_s, 0.001));
  std::vector<std::string> arguments{"node", GUARANTOR_HIGHS_RUNNER, model, limit};
  std::vector<char*> argv;
  argv.reserve(arguments.size() + 1);
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, "node", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw Error(ErrorCode::Solver, WHO, fmt::format("cannot start node: {}", std::strerror(spawned)));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw Error(ErrorCode::Solver, WHO, fmt::format("waiting for node: {}", std::strerror(errno)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = read_all(captured.err());
    while (!why.empty() && (why.back() == '\n' || why.back() == '\r')) why.pop_back();
    throw Error(ErrorCode::Solver, WHO,
                fmt::format("{} failed ({}): {}", GUARANTOR_HIGHS_RUNNER,
                            WIFEXITED(status) ? fmt::format("exit {}", WEXITSTATUS(status)) : "killed by a signal",
                            why.empty() ? "no message" : why));
  }
  return read_all(captured.out());
}

double number_or(const nlohmann::json& value, double fallback) {
  return value.is_number() ? value.get<double>() : fallback;
}

}  // namespace

std::string missing() {
  if (!node_on_path()) return "node is not on PATH (scripts/setup.sh installs Node.js)";
  if (!std::filesystem::exists(GUARANTOR_HIGHS_PACKAGE)) {
    return fmt::format("{} is absent (scripts/setup.sh installs the npm packages)", GUARANTOR_HIGHS_PACKAGE);
  }
  return {};
}

plan::ExternalMilpSolver milp_solver() {
  return [](const std::string& model, double limit_s) {
    const CapturedOutput captured;
    const std::string text = run_runner(model, limit_s, captured);
    const nlohmann::json answer = nlohmann::json::parse(text, nullptr, false);
    if (answer.is_discarded() || !answer.is_object() || !answer.contains("finished") ||
        !answer.at("finished").is_boolean() || !answer.contains("has_solution") ||
        !answer.at("has_solution").is_boolean() || !answer.contains("values") || !answer.at("values").is_array()) {
      throw Error(ErrorCode::Solver, WHO,
                  fmt::format("expected one JSON object with finished, has_solution and values; got '{}'",
                              text.substr(0, 200)));
    }
    plan::ExternalMilpAnswer result;
    result.finished = answer.at("finished").get<bool>();
    result.has_solution = answer.at("has_solution").get<bool>();
    result.objective = number_or(answer.value("objective", nlohmann::json()), std::numeric_limits<double>::infinity());
    result.bound = number_or(answer.value("bound", nlohmann::json()), -std::numeric_limits<double>::infinity());
    result.values = answer.at("values").get<std::vector<double>>();
    result.solver_seconds = number_or(answer.value("solver_seconds", nlohmann::json()), 0.0);
    return result;
  };
}

}  // namespace guarantor::highs
