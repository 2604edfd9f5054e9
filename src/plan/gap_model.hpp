#pragma once
// The textbook GAP MILP (x_aj binary, one agent per job, capacity per agent), optionally without
// the pairs reduced-cost fixing removed.
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"
#include "milp.hpp"

namespace guarantor::plan::detail {

struct GapModel {
  MilpModel model;
  std::vector<int> column;  ///< per pair (agent-major), -1 when left out
  bool job_without_pair = false;  ///< some job has no pair left: the model has no solution
};

/// Leaves out pairs whose resource exceeds the capacity, and pairs marked in `removed` (may be
/// empty). Minimisation of the instance's costs.
GapModel build_gap_model(const GapInstance& instance, const std::vector<char>& removed);

/// The assignment in CBC's values (binary columns read as > 0.5).
GapSolution read_gap_solution(const GapInstance& instance, const GapModel& model, const std::vector<double>& values);

/// The same costs negated: maximising an instance is minimising this one.
GapInstance negated(const GapInstance& instance);

}  // namespace guarantor::plan::detail
