#include "milp.hpp"

#include <fmt/format.h>
#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/CoinMessageHandler.hpp>
#include <coin/CoinMpsIO.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "guarantor/core/error.hpp"

namespace guarantor::plan::detail {

struct MilpAccess {
  static void load(const MilpModel& model, OsiClpSolverInterface& solver) {
    const CoinPackedMatrix matrix(false, model.triplet_row_.data(), model.triplet_column_.data(),
                                  model.triplet_value_.data(),
                                  static_cast<CoinBigIndex>(model.triplet_value_.size()));
    // CoinPackedMatrix infers its size from the largest index seen; empty rows or columns at the
    // end would be lost, so the dimensions are set explicitly.
    CoinPackedMatrix sized(matrix);
    sized.setDimensions(static_cast<int>(model.row_lower_.size()), static_cast<int>(model.objective_.size()));
    std::vector<double> lower(model.column_lower_), upper(model.column_upper_);
    std::vector<double> row_lower(model.row_lower_), row_upper(model.row_upper_);
    // Clp uses its own infinity; std::numeric_limits infinity is mapped onto it.
    const double coin_inf = solver.getInfinity();
    auto clamp = [coin_inf](std::vector<double>& values) {
      for (double& value : values) {
        if (std::isinf(value)) value = value > 0 ? coin_inf : -coin_inf;
      }
    };
    clamp(lower), clamp(upper), clamp(row_lower), clamp(row_upper);
    solver.loadProblem(sized, lower.data(), upper.data(), model.objective_.data(), row_lower.data(),
                       row_upper.data());
    for (std::size_t col = 0; col < model.integer_.size(); ++col) {
      if (model.integer_[col]) solver.setInteger(static_cast<int>(col));
    }
    solver.setObjSense(1.0);
  }
};

int MilpModel::add_column(double objective, double lower, double upper, bool integer) {
  objective_.push_back(objective);
  column_lower_.push_back(lower);
  column_upper_.push_back(upper);
  integer_.push_back(integer ? 1 : 0);
  return static_cast<int>(objective_.size() - 1);
}

int MilpModel::add_row(double lower, double upper, std::span<const int> columns,
                       std::span<const double> coefficients) {
  GUARANTOR_ASSERT(columns.size() == coefficients.size(), "one coefficient per column");
  const int row = static_cast<int>(row_lower_.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    triplet_row_.push_back(row);
    triplet_column_.push_back(columns[k]);
    triplet_value_.push_back(coefficients[k]);
  }
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  return row;
}

namespace {

int silent_callback(CbcModel* /*model*/, int /*where_from*/) { return 0; }

// CBC's own "-sec" limit is checked only between nodes; the root's cut loop and heuristics (the
// feasibility pump above all) can run far past it. CBC raises an event after every node, cut
// pass and heuristic pass, so stopping at the first event past the deadline bounds the overrun
// by the longest single step.
class DeadlineHandler : public CbcEventHandler {
public:
  // `fired` outlives every clone CBC makes of the handler.
  DeadlineHandler(std::chrono::steady_clock::time_point deadline, bool* fired) : deadline_(deadline), fired_(fired) {}
  CbcAction event(CbcEvent /*which*/) override {
    if (std::chrono::steady_clock::now() < deadline_) return noAction;
    *fired_ = true;
    return stop;
  }
  CbcAction event(CbcEvent which, void* /*data*/) override { return event(which); }
  [[nodiscard]] CbcEventHandler* clone() const override { return new DeadlineHandler(*this); }

private:
  std::chrono::steady_clock::time_point deadline_;
  bool* fired_;
};

void silence(OsiClpSolverInterface& solver) {
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->messageHandler()->setLogLevel(0);
  solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);
}

}  // namespace

MilpOutcome solve_milp(const MilpModel& model, const MilpParams& params) {
  // The clock starts before the model is loaded: copying 100,000 columns into Clp and CBC takes
  // a noticeable part of a second.
  const auto now = std::chrono::steady_clock::now();
  OsiClpSolverInterface solver;
  silence(solver);
  MilpAccess::load(model, solver);

  const double limit_s = std::max(params.time_limit_s, 0.0);
  // Limits beyond a year are a year: infinity does not convert to steady_clock's nanoseconds.
  static constexpr double LONGEST_S = 365.0 * 24 * 3600;
  auto after = [now](double seconds) {
    return now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                     std::chrono::duration<double>(std::min(seconds, LONGEST_S)));
  };
  const auto deadline = after(limit_s);
  auto seconds_to = [](std::chrono::steady_clock::time_point when) {
    return std::chrono::duration<double>(when - std::chrono::steady_clock::now()).count();
  };
  // The event handler below is not consulted during CBC's preprocessing, the root LP and the
  // root cut passes' re-solves: on a reduced model of 13,651 columns they ran 7.8 s past a 60 s
  // limit. Clp's own wall-clock limit covers them: it is an absolute time that every copy of the
  // solver CBC makes (preprocessing, root, nodes) inherits, so any simplex run past it stops
  // within one refactorisation. An LP stopped that way can look infeasible to CBC and prune a
  // node or the whole model, so Clp's limit falls a grace of CLP_GRACE x the solve's limit after
  // the deadline: in the tree the handler stops CBC first (nodes are short) and its bound stays
  // sound, and a root that ends within the grace still proves (on capc's single-source reduction
  // CBC started late proved the optimum 0.26 s past a 38 s limit); only a root still running
  // at the end of the grace reaches Clp's limit, and then CBC's answer proves nothing. The grace
  // keeps the whole solve within the 5 % allowed.
  constexpr double CLP_GRACE = 0.02;
  const double grace_s =
      CLP_GRACE * (std::isfinite(params.solve_limit_s) ? std::max(params.solve_limit_s, 0.0) : limit_s);
  const double clp_limit_s = limit_s + grace_s;
  const auto clp_deadline = after(clp_limit_s);
  // Clp counts from the moment it is set, so it gets what is left; set after `now` was read, its
  // limit falls a little later than clp_deadline, so a stop by Clp is seen as past clp_deadline.
  solver.getModelPtr()->setMaximumWallSeconds(std::max(seconds_to(clp_deadline), 0.0));
  CbcModel cbc(solver);
  bool deadline_fired = false;
  const DeadlineHandler handler(deadline, &deadline_fired);
  cbc.passInEventHandler(&handler);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  data.useSignalHandler_ = false;
  CbcMain0(cbc, data);
  if (params.branch_first_columns > 0) {
    // CBC branches on the least priority number first; CbcMain0 raised the log level again.
    constexpr int FIRST = 1, LATER = 2;
    cbc.messageHandler()->setLogLevel(0);
    cbc.findIntegers(false);
    std::vector<int> priorities(static_cast<std::size_t>(cbc.numberIntegers()));
    for (std::size_t k = 0; k < priorities.size(); ++k) {
      const auto column = static_cast<std::size_t>(cbc.integerVariable()[k]);
      priorities[k] = column < params.branch_first_columns ? FIRST : LATER;
    }
    cbc.passInPriorities(priorities.data(), false);
  }

  // The argument list is CBC's own command language; "-log 0" comes first so nothing is printed
  // while the rest is parsed, and "-timeMode elapsed" makes "-sec" wall-clock seconds.
  std::vector<std::string> args = {"guarantor",
                                   "-log",
                                   "0",
                                   "-slog",
                                   "0",
                                   "-timeMode",
                                   "elapsed",
                                   "-threads",
                                   "0",
                                   "-sec",
                                   fmt::format("{:.3f}", std::max(seconds_to(deadline), 0.01))};
  if (std::isfinite(params.cutoff)) {
    // With a cutoff the caller already holds a solution: the feasibility pump (which does not
    // look at the clock) can only find worse ones.
    args.insert(args.end(), {"-cutoff", fmt::format("{:.10g}", params.cutoff), "-feas", "off"});
  }
  if (params.node_limit > 0) {
    args.insert(args.end(), {"-maxNodes", fmt::format("{}", std::min<std::uint64_t>(params.node_limit, 2000000000))});
  }
  if (!params.heuristics) args.insert(args.end(), {"-heuristicsOnOff", "off"});
  if (!params.cuts) args.insert(args.end(), {"-cuts", "off"});
  // CBC's preprocessing renumbers the columns and loses the order passed in (the levels of
  // sscflp_levels.hpp took the same time with and without it).
  if (params.branch_first_columns > 0) args.insert(args.end(), {"-preprocess", "off"});
  args.insert(args.end(), {"-solve", "-quit"});
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  CbcMain1(static_cast<int>(argv.size()), argv.data(), cbc, silent_callback, data);

  MilpOutcome outcome;
  // status 0 is a finished search; 1 a limit (seconds or nodes), 5 the deadline handler. Past
  // Clp's limit some LP may have been cut short and taken for infeasible, so neither the search's
  // end nor CBC's bound counts: the caller keeps its own bound.
  const bool lp_cut_short = std::chrono::steady_clock::now() >= clp_deadline;
  outcome.finished = cbc.status() == 0 && !cbc.isSecondsLimitReached() && !cbc.isNodeLimitReached() &&
                     !deadline_fired && !lp_cut_short;
  const double* best = cbc.bestSolution();
  if (best != nullptr && cbc.getMinimizationObjValue() < 1e50) {
    outcome.has_solution = true;
    outcome.values.assign(best, best + model.column_count());
    outcome.objective = cbc.getMinimizationObjValue();
  }
  outcome.bound = lp_cut_short ? -MilpModel::INF : cbc.getBestPossibleObjValue();
  if (outcome.finished && outcome.has_solution) outcome.bound = outcome.objective;
  if (outcome.finished && !outcome.has_solution) outcome.bound = params.cutoff;
  return outcome;
}

void write_mps(const MilpModel& model, const std::string& path) {
  OsiClpSolverInterface solver;
  silence(solver);
  MilpAccess::load(model, solver);
  std::vector<char> integrality(model.column_count());
  for (std::size_t col = 0; col < integrality.size(); ++col) {
    integrality[col] = solver.isInteger(static_cast<int>(col)) ? 1 : 0;
  }
  CoinMpsIO writer;
  writer.messageHandler()->setLogLevel(0);
  const char* const* no_names = nullptr;  // default names C0000000..., R0000000...
  writer.setMpsData(*solver.getMatrixByCol(), solver.getInfinity(), solver.getColLower(), solver.getColUpper(),
                    solver.getObjCoefficients(), integrality.data(), solver.getRowLower(), solver.getRowUpper(),
                    no_names, no_names);
  // Uncompressed; format 1 (extra accuracy), so fractional costs and capacities reach the other
  // solver unrounded.
  const int status = writer.writeMps(path.c_str(), 0, 1, 2);
  if (status != 0) throw Error(ErrorCode::OutputFailed, path, "could not write the MILP as an MPS file");
}

LpOutcome solve_lp(const MilpModel& model, double time_limit_s) {
  OsiClpSolverInterface solver;
  silence(solver);
  MilpAccess::load(model, solver);
  if (std::isfinite(time_limit_s)) solver.getModelPtr()->setMaximumWallSeconds(std::max(time_limit_s, 0.01));
  for (std::size_t col = 0; col < model.column_count(); ++col) solver.setContinuous(static_cast<int>(col));
  solver.initialSolve();
  LpOutcome outcome;
  outcome.optimal = solver.isProvenOptimal();
  outcome.infeasible = solver.isProvenPrimalInfeasible();
  if (outcome.optimal) {
    outcome.objective = solver.getObjValue();
    const double* values = solver.getColSolution();
    outcome.values.assign(values, values + model.column_count());
    const double* duals = solver.getRowPrice();
    outcome.row_duals.assign(duals, duals + model.row_count());
  }
  return outcome;
}

}  // namespace guarantor::plan::detail
