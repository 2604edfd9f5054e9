#pragma once
// What every optimisation core in the planner reports: the value found, the best proven bound,
// how long it took and which method closed the gap. An infeasible model is a status, not an error.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guarantor::plan {

/// Outcome of a solve. Append only: the names appear in plan.json.
enum class SolveStatus {
  Optimal,     ///< objective proven equal to the bound (within the objective's resolution)
  Feasible,    ///< a solution without proof (exact search disabled)
  Infeasible,  ///< the model has no solution; the solution field is empty
  TimeLimit,   ///< stopped by the time limit; objective and bound are the best known
};

/// Which method supplied the bound that proved (or last improved) the result.
enum class ProofMethod {
  None,                      ///< nothing proven
  Trivial,                   ///< the instance has a closed-form answer (e.g. every site opened)
  LagrangianBound,           ///< a subgradient Lagrangian bound met the incumbent
  LpBound,                   ///< the LP relaxation met the incumbent
  LagrangianReductionCbc,    ///< Lagrangian variable fixing, then CBC on the reduced MILP
  Cbc,                       ///< CBC branch-and-cut on the full MILP
  LagrangianBranchAndBound,  ///< branch-and-bound on sites with a Lagrangian dual at every node
  ExternalMilp,              ///< a MILP solver other than CBC on the full MILP (a textbook baseline)
};

/// Stable lower-case name, e.g. "time_limit".
std::string_view to_string(SolveStatus status);
/// Stable lower-case name, e.g. "lagrangian_reduction_cbc".
std::string_view to_string(ProofMethod method);
/// The enumerator a stable name stands for, or nullopt.
std::optional<SolveStatus> solve_status_from_string(std::string_view text);
std::optional<ProofMethod> proof_method_from_string(std::string_view text);

/// What a MILP solver other than CBC found on a minimisation model handed to it as an MPS file.
struct ExternalMilpAnswer {
  bool finished = false;      ///< proven optimal, or proven to have no solution
  bool has_solution = false;  ///< `values` hold a feasible solution
  double objective = std::numeric_limits<double>::infinity();
  double bound = -std::numeric_limits<double>::infinity();  ///< proven lower bound
  std::vector<double> values;                               ///< one per column, in the file's column order
  double solver_seconds = 0;                                ///< the solver's own time: reading the model and solving it
};

/// A MILP solver other than CBC: solves the minimisation model in the MPS file at `mps_path`
/// within `time_limit_s` wall seconds. Throws guarantor::Error when it cannot run.
using ExternalMilpSolver = std::function<ExternalMilpAnswer(const std::string& mps_path, double time_limit_s)>;

/// Parameters shared by every solver. Defaults are solver tuning, not planning data.
struct SolveOptions {
  double time_limit_s = 60.0;  ///< wall-clock limit for the whole solve, seconds
  std::uint64_t seed = 1;      ///< seed of every randomised step; same seed, same result
  bool exact = true;           ///< false: heuristic and bound only, no branch-and-bound
  int subgradient_iterations = 4000;  ///< cap on Lagrangian subgradient iterations
  /// true: every decision depends on counted work (iterations, local-search moves, CBC nodes),
  /// never on elapsed time, so the same inputs give the same answer on a loaded machine. The
  /// time limit then only stops CBC as a last resort (and the result says time_limit).
  bool deterministic = false;
  /// Deterministic mode: local-search moves tried by the GAP primal side (0: solver default).
  std::uint64_t search_moves = 0;
  /// Deterministic mode: branch-and-bound nodes CBC may explore (0: solver default).
  std::uint64_t exact_nodes = 0;
  /// The textbook baselines (solve_*_textbook_milp) hand their model to this solver instead of
  /// CBC when it is set, so a second MILP solver can be compared on the same model. Their
  /// wall_seconds then count the model's building and writing and the solver's own time, not the
  /// start-up of its process; proved_by says external_milp.
  ExternalMilpSolver textbook_milp_solver;
};

/// Direction of an objective. Solvers that take a Sense report a lower bound when minimising and
/// an upper bound when maximising.
enum class Sense { Minimise, Maximise };

/// Wall seconds spent in each phase of a solve (the parts sum to about wall_seconds).
struct PhaseSeconds {
  double heuristic = 0.0;  ///< construction and local search
  double bound = 0.0;      ///< Lagrangian or LP bound
  double exact = 0.0;      ///< reduction and branch-and-bound
};

/// Figures common to every result. Minimisation: bound <= objective; maximisation: bound >=
/// objective. Infinite values mean "none found".
struct SolveStats {
  double objective = std::numeric_limits<double>::infinity();
  double bound = -std::numeric_limits<double>::infinity();
  double relative_gap = std::numeric_limits<double>::infinity();  ///< |obj - bound| / |obj|
  double wall_seconds = 0.0;
  PhaseSeconds phases;
  std::size_t exact_columns = 0;  ///< columns of the MILP handed to CBC (0: none was needed)
  SolveStatus status = SolveStatus::TimeLimit;
  ProofMethod proved_by = ProofMethod::None;
};

/// |objective - bound| / max(|objective|, 1); infinity when either is infinite.
double relative_gap(double objective, double bound);

/// Closes a solve's figures once objective and bound are final: sets the relative gap, the wall
/// time, and charges the time not spent in the heuristic or bound phases to the exact phase.
void finish_stats(SolveStats& stats, double wall_seconds);

}  // namespace guarantor::plan
