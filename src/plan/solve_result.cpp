#include "guarantor/plan/solve_result.hpp"

#include <algorithm>
#include <cmath>

namespace guarantor::plan {

std::string_view to_string(SolveStatus status) {
  switch (status) {
    case SolveStatus::Optimal: return "optimal";
    case SolveStatus::Feasible: return "feasible";
    case SolveStatus::Infeasible: return "infeasible";
    case SolveStatus::TimeLimit: return "time_limit";
  }
  return "unknown";
}

std::string_view to_string(ProofMethod method) {
  switch (method) {
    case ProofMethod::None: return "none";
    case ProofMethod::Trivial: return "trivial";
    case ProofMethod::LagrangianBound: return "lagrangian_bound";
    case ProofMethod::LpBound: return "lp_bound";
    case ProofMethod::LagrangianReductionCbc: return "lagrangian_reduction_cbc";
    case ProofMethod::Cbc: return "cbc";
    case ProofMethod::LagrangianBranchAndBound: return "lagrangian_branch_and_bound";
  }
  return "unknown";
}

double relative_gap(double objective, double bound) {
  if (!std::isfinite(objective) || !std::isfinite(bound)) return std::numeric_limits<double>::infinity();
  // The floor of 1 keeps a zero objective from dividing by zero; objectives here are costs or
  // covered demand, so 1 is below their resolution.
  return std::abs(objective - bound) / std::max(std::abs(objective), 1.0);
}

}  // namespace guarantor::plan
