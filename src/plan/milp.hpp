#pragma once
// A thin, private bridge to CBC/Clp: the solvers describe a MILP in arrays and get values back,
// so no COIN-OR header leaks into the public API. Always minimises.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace guarantor::plan::detail {

/// A MILP in column/row-triplet form; rows are row_lower <= a·x <= row_upper.
class MilpModel {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  /// Adds a column and returns its index.
  int add_column(double objective, double lower, double upper, bool integer);
  /// Adds a row over the given columns and returns its index.
  int add_row(double lower, double upper, std::span<const int> columns, std::span<const double> coefficients);

  [[nodiscard]] std::size_t column_count() const { return objective_.size(); }
  [[nodiscard]] std::size_t row_count() const { return row_lower_.size(); }

private:
  friend struct MilpAccess;
  std::vector<double> objective_, column_lower_, column_upper_;
  std::vector<char> integer_;
  std::vector<int> triplet_row_, triplet_column_;
  std::vector<double> triplet_value_;
  std::vector<double> row_lower_, row_upper_;
};

/// Limits of one branch-and-cut run.
struct MilpParams {
  double time_limit_s = 60.0;       ///< wall clock, enforced at every CBC event (nodes, heuristics, cuts)
  /// The whole solve's limit, seconds; 2 % of it is the most CBC may run past time_limit_s to
  /// end an LP in its root. Unset (infinite), time_limit_s stands for it.
  double solve_limit_s = MilpModel::INF;
  double cutoff = MilpModel::INF;   ///< only solutions with objective <= cutoff are of interest
  std::uint64_t node_limit = 0;     ///< branch-and-bound nodes; 0 = no limit (deterministic mode sets one)
  bool heuristics = true;           ///< CBC's primal heuristics; off when a proof, not a solution, is sought
  bool cuts = true;                 ///< CBC's cut generators; off when the model carries its own strong rows
  /// When > 0, CBC branches on the integer columns of index below this before any other (a
  /// facility model's site columns first), with its preprocessing off, which would renumber the
  /// columns and drop the order.
  std::size_t branch_first_columns = 0;
};

/// What CBC found. finished: the search ended (optimal or proven infeasible under the cutoff).
struct MilpOutcome {
  bool finished = false;
  bool has_solution = false;
  double objective = MilpModel::INF;
  double bound = -MilpModel::INF;
  std::vector<double> values;
};

/// Branch-and-cut with CBC's default strategy (cuts, heuristics unless turned off, presolve), single thread, silent.
MilpOutcome solve_milp(const MilpModel& model, const MilpParams& params);

/// Writes the model as a (fixed-format) MPS file with full-precision numbers: columns C0000000...
/// and rows R0000000... in the model's order, integer columns between MARKER lines. For a second
/// MILP solver to solve exactly the model CBC gets. Throws guarantor::Error when it cannot write.
void write_mps(const MilpModel& model, const std::string& path);

/// Result of the continuous relaxation.
struct LpOutcome {
  bool optimal = false;
  bool infeasible = false;
  double objective = MilpModel::INF;
  std::vector<double> values;
  std::vector<double> row_duals;  ///< when optimal: each row's dual value (shadow price), in row order
};

/// Solves the LP relaxation (integrality ignored) with Clp's dual simplex, silent, stopping after
/// `time_limit_s` wall seconds (then neither optimal nor infeasible).
LpOutcome solve_lp(const MilpModel& model, double time_limit_s = MilpModel::INF);

}  // namespace guarantor::plan::detail
