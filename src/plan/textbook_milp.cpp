#include "textbook_milp.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

#include "guarantor/core/error.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

namespace {

// A model file unique to this process and call, removed however the call ends.
class TemporaryModelFile {
public:
  TemporaryModelFile() {
    static std::atomic<unsigned> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             fmt::format("guarantor-textbook-{}-{}.mps", static_cast<long>(::getpid()), counter++))
                .string();
  }
  TemporaryModelFile(const TemporaryModelFile&) = delete;
  TemporaryModelFile& operator=(const TemporaryModelFile&) = delete;
  ~TemporaryModelFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  [[nodiscard]] const std::string& path() const { return path_; }

private:
  std::string path_;
};

}  // namespace

TextbookRun run_textbook_milp(const MilpModel& model, const MilpParams& params, const SolveOptions& options) {
  TextbookRun run;
  if (!options.textbook_milp_solver) {
    run.outcome = solve_milp(model, params);
    return run;
  }
  const TemporaryModelFile file;
  write_mps(model, file.path());
  const Stopwatch clock(params.time_limit_s);
  const ExternalMilpAnswer answer = options.textbook_milp_solver(file.path(), params.time_limit_s);
  if (answer.has_solution && answer.values.size() != model.column_count()) {
    throw Error(
        ErrorCode::Solver, "textbook_milp_solver",
        fmt::format("returned {} values for a model of {} columns", answer.values.size(), model.column_count()));
  }
  run.method = ProofMethod::ExternalMilp;
  run.excluded_seconds = std::max(0.0, clock.elapsed() - answer.solver_seconds);
  run.outcome.finished = answer.finished;
  run.outcome.has_solution = answer.has_solution;
  run.outcome.objective = answer.objective;
  run.outcome.bound = answer.bound;
  run.outcome.values = answer.values;
  return run;
}

}  // namespace guarantor::plan::detail
