#pragma once
// Generalized assignment (Ross & Soland 1975): give every job to exactly one agent, within each
// agent's capacity, at least total cost. Maximising a profit is minimising its negation.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "guarantor/plan/solve_result.hpp"

namespace guarantor::plan {

/// A GAP instance. Matrices are agent-major: cost(a, j) = cost[a * jobs + j].
class GapInstance {
public:
  /// Throws Error(Schema) when sizes disagree or a resource/capacity is negative or not finite.
  GapInstance(std::size_t agent_count, std::size_t job_count, std::vector<double> cost,
              std::vector<double> resource, std::vector<double> capacity);

  [[nodiscard]] std::size_t agent_count() const { return agent_count_; }
  [[nodiscard]] std::size_t job_count() const { return job_count_; }
  [[nodiscard]] double cost(std::size_t agent, std::size_t job) const { return cost_[agent * job_count_ + job]; }
  [[nodiscard]] double resource(std::size_t agent, std::size_t job) const {
    return resource_[agent * job_count_ + job];
  }
  [[nodiscard]] double capacity(std::size_t agent) const { return capacity_[agent]; }
  [[nodiscard]] const std::vector<double>& costs() const { return cost_; }
  [[nodiscard]] const std::vector<double>& resources() const { return resource_; }
  [[nodiscard]] const std::vector<double>& capacities() const { return capacity_; }

private:
  std::size_t agent_count_;
  std::size_t job_count_;
  std::vector<double> cost_, resource_, capacity_;
};

/// The agent of every job.
struct GapSolution {
  std::vector<std::size_t> agent_of_job;
};

/// Work of a GAP solve's branch-and-bound (all 0 when it did not run).
struct GapTreeFigures {
  std::uint64_t nodes = 0;         ///< nodes whose dual was solved, over every tree
  std::uint64_t trees = 0;         ///< trees run (the first, the rising-target ones, the plain one)
  std::uint64_t rising_trees = 0;  ///< trees that sought only solutions within a target below the incumbent
  std::uint64_t bound_raises = 0;  ///< rising-target trees that finished without one: each raised the bound
  /// The penalised search and the agent groups ran before the first tree (800 jobs or more and
  /// the incumbent more than 0.5 % above the root bound).
  bool primal_before_trees = false;
};

/// A GAP solve's figures and its solution (empty when infeasible).
struct GapResult {
  SolveStats stats;
  GapSolution solution;
  GapTreeFigures tree;
};

/// Total cost of an assignment (no feasibility check).
double gap_cost(const GapInstance& instance, const GapSolution& solution);
/// True when every job has an agent and no capacity is exceeded.
bool gap_feasible(const GapInstance& instance, const GapSolution& solution);

/// Martello–Toth regret construction under several desirability measures, then shift and swap
/// local search. Empty agent_of_job when no feasible assignment was found.
GapSolution gap_heuristic(const GapInstance& instance);

/// Minimises cost: see the sense overload.
GapResult solve_gap(const GapInstance& instance, const SolveOptions& options = {});

/// Minimises or maximises Σ cost(a, j) over assignments. Regret construction and descent;
/// Lagrangian relaxation of the assignment rows (a knapsack per agent) by subgradient, with a
/// Lagrangian repair heuristic; ruin-and-recreate search; with the default search budget a
/// penalised search and exact re-solves of agent groups; reduced-cost fixing; Lagrangian
/// branch-and-bound; CBC on the reduced MILP with the incumbent as cutoff. stats.bound is a lower bound when minimising
/// and an upper bound when maximising; stats.proved_by names what closed the gap.
GapResult solve_gap(const GapInstance& instance, Sense sense, const SolveOptions& options = {});

/// As solve_gap (minimisation), seeking only assignments of cost at most `cutoff`, for a caller
/// that prices a subproblem against an incumbent elsewhere: it stops as soon as its bound shows
/// that none exists, before the search or the exact phase. Status optimal: the assignment is
/// optimal and within the cutoff; infeasible: proven that no assignment costs at most the cutoff
/// (the solution may still hold a dearer one found on the way, bound +inf); feasible or
/// time_limit: neither proven.
GapResult solve_gap_below(const GapInstance& instance, double cutoff, const SolveOptions& options = {});

/// The benchmark baseline: CBC with default settings on the full textbook MILP, no heuristic,
/// no cutoff, within options.time_limit_s (and options.exact_nodes in deterministic mode).
GapResult solve_gap_textbook_milp(const GapInstance& instance, Sense sense, const SolveOptions& options = {});

}  // namespace guarantor::plan
