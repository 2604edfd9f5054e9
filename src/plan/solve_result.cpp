#include "guarantor/plan/solve_result.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

namespace guarantor::plan {

namespace {
// The names are part of plan.json: append only.
constexpr std::array<std::pair<SolveStatus, std::string_view>, 4> STATUS_NAMES{{{SolveStatus::Optimal, "optimal"},
                                                                               {SolveStatus::Feasible, "feasible"},
                                                                               {SolveStatus::Infeasible, "infeasible"},
                                                                               {SolveStatus::TimeLimit, "time_limit"}}};
constexpr std::array<std::pair<ProofMethod, std::string_view>, 8> PROOF_NAMES{
    {{ProofMethod::None, "none"},
     {ProofMethod::Trivial, "trivial"},
     {ProofMethod::LagrangianBound, "lagrangian_bound"},
     {ProofMethod::LpBound, "lp_bound"},
     {ProofMethod::LagrangianReductionCbc, "lagrangian_reduction_cbc"},
     {ProofMethod::Cbc, "cbc"},
     {ProofMethod::LagrangianBranchAndBound, "lagrangian_branch_and_bound"},
     {ProofMethod::ExternalMilp, "external_milp"}}};

template <typename Table, typename Enum>
std::string_view name_in(const Table& table, Enum value) {
  for (const auto& [enumerator, name] : table)
    if (enumerator == value) return name;
  return "unknown";
}

template <typename Enum, typename Table>
std::optional<Enum> parse_in(const Table& table, std::string_view text) {
  for (const auto& [enumerator, name] : table)
    if (name == text) return enumerator;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(SolveStatus status) { return name_in(STATUS_NAMES, status); }
std::string_view to_string(ProofMethod method) { return name_in(PROOF_NAMES, method); }
std::optional<SolveStatus> solve_status_from_string(std::string_view text) {
  return parse_in<SolveStatus>(STATUS_NAMES, text);
}
std::optional<ProofMethod> proof_method_from_string(std::string_view text) {
  return parse_in<ProofMethod>(PROOF_NAMES, text);
}

void finish_stats(SolveStats& stats, double wall_seconds) {
  stats.relative_gap = relative_gap(stats.objective, stats.bound);
  stats.wall_seconds = wall_seconds;
  stats.phases.exact = std::max(0.0, wall_seconds - stats.phases.heuristic - stats.phases.bound);
}

double relative_gap(double objective, double bound) {
  if (!std::isfinite(objective) || !std::isfinite(bound)) return std::numeric_limits<double>::infinity();
  // The floor of 1 keeps a zero objective from dividing by zero; objectives here are costs or
  // covered demand, so 1 is below their resolution.
  return std::abs(objective - bound) / std::max(std::abs(objective), 1.0);
}

}  // namespace guarantor::plan
