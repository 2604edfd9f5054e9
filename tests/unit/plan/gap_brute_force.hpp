#pragma once
// The generalized-assignment oracle of the small-case tests: every assignment tried.
#include <algorithm>
#include <limits>
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan::testing {

/// Minimum cost over every assignment of `instance` (sense Minimise), or maximum (Maximise);
/// +infinity (Minimise) or -infinity (Maximise) when none fits. agents^jobs assignments: for
/// a handful of jobs only.
inline double gap_brute_force(const GapInstance& instance, Sense sense = Sense::Minimise) {
  const double sign = sense == Sense::Minimise ? 1.0 : -1.0;
  double best = std::numeric_limits<double>::infinity();
  GapSolution solution{std::vector<std::size_t>(instance.job_count(), 0)};
  const std::size_t agents = instance.agent_count();
  while (true) {
    if (gap_feasible(instance, solution)) best = std::min(best, sign * gap_cost(instance, solution));
    std::size_t job = 0;
    while (job < instance.job_count() && ++solution.agent_of_job[job] == agents) solution.agent_of_job[job++] = 0;
    if (job == instance.job_count()) return sign * best;
  }
}

}  // namespace guarantor::plan::testing
