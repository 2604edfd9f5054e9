// The GAP tabu search (src/plan/gap_tabu.hpp) and the incrementally priced state it moves
// through (gap_tabu_state.hpp): the O(1) prices agree with the objective summed afresh after any
// sequence of moves, and the search hands on only feasible assignments whose cost is their own,
// reaching the brute-force optimum on small random instances.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "gap_brute_force.hpp"
#include "gap_candidates.hpp"
#include "gap_search.hpp"
#include "gap_tabu.hpp"
#include "gap_tabu_state.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::plan {
namespace {

using detail::GapPenalisedState;

constexpr double TOLERANCE = 1e-6;

// cost + Σ_a w_a · overload_a of `agent_of_job`, from scratch.
double recomputed_penalised(const GapInstance& instance, const std::vector<std::size_t>& agent_of_job,
                            const GapPenalisedState& state) {
  std::vector<double> load(instance.agent_count(), 0.0);
  double total = gap_cost(instance, GapSolution{agent_of_job});
  for (std::size_t job = 0; job < agent_of_job.size(); ++job) {
    load[agent_of_job[job]] += instance.resource(agent_of_job[job], job);
  }
  for (std::size_t agent = 0; agent < instance.agent_count(); ++agent) {
    total += state.weight(agent) * std::max(0.0, load[agent] - instance.capacity(agent));
  }
  return total;
}

// Random shifts and swaps, each priced before it is made, on an overloaded start with uneven
// weights: every price equals the change of the objective summed afresh, and the state's cost,
// loads and feasibility equal a recount.
TEST(GapPenalisedState, IncrementalPricesEqualFullRecomputation) {
  constexpr std::size_t AGENTS = 6, JOBS = 40;
  constexpr int MOVES = 3000;
  const GapInstance instance = generate_gap(GapType::D, AGENTS, JOBS, 7);
  std::mt19937_64 rng(2026);
  std::vector<std::size_t> agent_of_job(JOBS);
  for (std::size_t job = 0; job < JOBS; ++job) agent_of_job[job] = rng() % AGENTS;
  GapPenalisedState state(instance);
  state.reset(agent_of_job, 1.0);
  for (std::size_t agent = 0; agent < AGENTS; ++agent) state.set_weight(agent, 0.5 + static_cast<double>(agent));
  for (int step = 0; step < MOVES; ++step) {
    const std::size_t job = rng() % JOBS;
    const double before = recomputed_penalised(instance, agent_of_job, state);
    double predicted = 0;
    bool predicted_feasible = false;
    if (step % 2 == 0) {
      const std::size_t to = rng() % AGENTS;
      if (to == agent_of_job[job]) continue;
      predicted = state.shift_delta(job, to), predicted_feasible = state.feasible_after_shift(job, to);
      state.shift(job, to);
      agent_of_job[job] = to;
    } else {
      const std::size_t other = rng() % JOBS;
      if (agent_of_job[other] == agent_of_job[job]) continue;
      predicted = state.swap_delta(job, other), predicted_feasible = state.feasible_after_swap(job, other);
      state.swap(job, other);
      std::swap(agent_of_job[job], agent_of_job[other]);
    }
    ASSERT_NEAR(recomputed_penalised(instance, agent_of_job, state) - before, predicted, TOLERANCE) << "step " << step;
    ASSERT_EQ(state.assignment(), agent_of_job);
    ASSERT_NEAR(state.cost(), gap_cost(instance, GapSolution{agent_of_job}), TOLERANCE);
    ASSERT_EQ(state.feasible(), gap_feasible(instance, GapSolution{agent_of_job})) << "step " << step;
    ASSERT_EQ(predicted_feasible, state.feasible()) << "step " << step;
    ASSERT_NEAR(state.penalised(), recomputed_penalised(instance, agent_of_job, state), TOLERANCE);
  }
  for (std::size_t agent = 0; agent < AGENTS; ++agent) {
    double load = 0;
    for (std::size_t job : state.agent_jobs().jobs_of(agent)) load += instance.resource(agent, job);
    EXPECT_NEAR(state.load(agent), load, TOLERANCE) << "agent " << agent;
  }
}

// A GapSearch holding the construction's assignment (false when it found none).
bool seeded(const GapInstance& instance, detail::GapSearch& search) {
  const GapSolution constructed = gap_heuristic(instance);
  if (!gap_feasible(instance, constructed)) return false;
  search.adopt(constructed.agent_of_job);
  return true;
}

// On random instances of each type, with and without candidate lists, whatever the search hands
// on is feasible, costs what it says and is no dearer than the start.
TEST(GapTabuSearch, HandsOnFeasibleAssignmentsAtTheirOwnCost) {
  constexpr std::uint64_t EVALUATIONS = 200000;
  constexpr std::size_t CANDIDATES = 3;
  for (GapType type : {GapType::C, GapType::D, GapType::E}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const GapInstance instance = generate_gap(type, 8, 40, seed);
      detail::GapSearch search(instance);
      if (!seeded(instance, search)) continue;
      const double start = search.best_cost();
      // Equal capacity prices: the lists rank each job's agents by cost alone.
      const detail::GapCandidates lists(instance, std::vector<double>(8, 0.0), CANDIDATES);
      const detail::GapCandidates none;
      for (const detail::GapCandidates* candidates : {&none, &lists}) {
        std::mt19937_64 rng(seed);
        detail::GapTabuSearch tabu(instance, *candidates);
        tabu.run(search, EVALUATIONS, rng, [] { return false; });
        const GapSolution found{search.best()};
        ASSERT_TRUE(gap_feasible(instance, found)) << "seed " << seed;
        EXPECT_NEAR(search.best_cost(), gap_cost(instance, found), TOLERANCE) << "seed " << seed;
        EXPECT_LE(search.best_cost(), start + TOLERANCE) << "seed " << seed;
      }
    }
  }
}

// Small tight instances (type D, where shifts alone rarely stay feasible): the search alone,
// from the construction, ends at the optimum every assignment tried finds.
TEST(GapTabuSearch, ReachesTheBruteForceOptimumOnSmallInstances) {
  constexpr std::size_t AGENTS = 3, JOBS = 9;
  constexpr std::uint64_t EVALUATIONS = 100000;
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const GapInstance instance = generate_gap(GapType::D, AGENTS, JOBS, seed);
    detail::GapSearch search(instance);
    if (!seeded(instance, search)) continue;
    const detail::GapCandidates none;
    std::mt19937_64 rng(seed);
    detail::GapTabuSearch tabu(instance, none);
    tabu.run(search, EVALUATIONS, rng, [] { return false; });
    EXPECT_NEAR(search.best_cost(), testing::gap_brute_force(instance), TOLERANCE) << "seed " << seed;
    ++compared;
  }
  EXPECT_GT(compared, 0);
}

// The same seed and budget give the same assignment.
TEST(GapTabuSearch, RepeatsItself) {
  const GapInstance instance = generate_gap(GapType::D, 10, 60, 3);
  const detail::GapCandidates none;
  std::vector<std::size_t> first;
  for (int run = 0; run < 2; ++run) {
    detail::GapSearch search(instance);
    ASSERT_TRUE(seeded(instance, search));
    std::mt19937_64 rng(11);
    detail::GapTabuSearch tabu(instance, none);
    tabu.run(search, 300000, rng, [] { return false; });
    if (run == 0) first = search.best();
    else EXPECT_EQ(search.best(), first);
  }
}

}  // namespace
}  // namespace guarantor::plan
