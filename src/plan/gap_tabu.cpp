#include "gap_tabu.hpp"

#include <algorithm>
#include <limits>
#include <span>
#include <utility>

#include "gap_penalty.hpp"
#include "guarantor/core/error.hpp"

namespace guarantor::plan::detail {

namespace {
// Cost change below which a move does not count as an improvement (rounding noise).
constexpr double GAIN_EPSILON = 1e-9;
// Tabu tenure in iterations: at least TENURE_MIN, plus a draw below TENURE_MIN + jobs /
// TENURE_JOBS_PER_ITERATION, so larger instances, whose moves touch a smaller share of the jobs,
// keep a job from returning for longer, and the varying tenure breaks cycles.
constexpr std::uint64_t TENURE_MIN = 7;
constexpr std::uint64_t TENURE_JOBS_PER_ITERATION = 40;
// Weight adaptation per iteration: an overloaded agent gets dearer while the assignment is
// infeasible; all get cheaper while it is feasible. Within a factor WEIGHT_RANGE of the start.
// The search alone on D 40 x 800 seed 1 from the LP's rounded solution, 1.5 x 10^8 evaluated
// moves: 1.02 / 0.98 ended at 48834, 1.1 / 0.95 at 48868, 1.3 / 0.8 (the penalised descent's
// factors, there per local optimum) at 48884.
constexpr double WEIGHT_RAISE = 1.02;
constexpr double WEIGHT_LOWER = 0.98;
constexpr double WEIGHT_RANGE = 1e3;
// Iterations without a better feasible assignment, one per this many jobs, before the search goes
// back to the best one with fresh weights and a few random shifts (the kick): the walk drifts
// away from the best (its feasible costs rose by about 0.2 % within a few hundred iterations).
// At least RESTART_MIN_ITERATIONS, so a small instance's walk gets room to leave the best.
constexpr std::uint64_t RESTART_JOBS_PER_ITERATION = 2;
constexpr std::uint64_t RESTART_MIN_ITERATIONS = 100;
constexpr std::uint64_t KICK_SHIFTS = 4;
// Without an improving shift an iteration scans the swaps of this share of the jobs (a run of
// them from a random one): with full scans an iteration on D 40 x 800 evaluated about 120,000
// moves (12,348 iterations, 1.5 x 10^9 moves), and a quarter bought more iterations for the same
// work (the search alone on D 80 x 1600 seed 1, 2 x 10^9 moves: 97290 against 97297 with the
// full scan and restarts after 4n idle iterations).
// Instances of at most SWAP_SAMPLE_MIN_JOBS jobs (the OR-Library sets) keep the full scan.
constexpr std::size_t SWAP_SAMPLE_DIVISOR = 4;
constexpr std::size_t SWAP_SAMPLE_MIN_JOBS = 200;
}  // namespace

GapTabuSearch::GapTabuSearch(const GapInstance& instance, const GapCandidates& candidates)
    : instance_(instance),
      candidates_(candidates),
      agents_(instance.agent_count()),
      jobs_(instance.job_count()),
      state_(instance) {
  PenaltyStart start = penalty_start(instance);
  allowed_ = std::move(start.allowed), initial_weight_ = start.weight;
  all_agents_.resize(agents_);
  for (std::size_t agent = 0; agent < agents_; ++agent) all_agents_[agent] = agent;
  least_weight_ = initial_weight_ / WEIGHT_RANGE, most_weight_ = initial_weight_ * WEIGHT_RANGE;
}

void GapTabuSearch::best_shift(Move& best, double best_cost) {
  for (std::size_t job = 0; job < jobs_; ++job) {
    const std::size_t from = state_.agent_of(job);
    const std::vector<std::size_t>& targets = candidates_.restricted() ? candidates_.agents_of(job) : all_agents_;
    for (std::size_t to : targets) {
      if (to == from || !allowed(to, job)) continue;
      const double delta = state_.shift_delta(job, to);
      if (!(delta < best.delta)) continue;
      // A tabu move only when it gives a feasible assignment cheaper than the best (aspiration).
      if (tabu(to, job) &&
          !(state_.cost() + instance_.cost(to, job) - instance_.cost(from, job) < best_cost - GAIN_EPSILON &&
            state_.feasible_after_shift(job, to))) {
        continue;
      }
      best = Move{delta, job, to, NONE};
    }
    evaluated_ += targets.size();
  }
}

void GapTabuSearch::consider_swap(std::size_t job, std::size_t other, Move& best, double best_cost) {
  const std::size_t from = state_.agent_of(job), to = state_.agent_of(other);
  if (to == from || !allowed(to, job) || !allowed(from, other)) return;
  const double delta = state_.swap_delta(job, other);
  if (!(delta < best.delta)) return;
  if (tabu(to, job) || tabu(from, other)) {
    const double cost_delta =
        instance_.cost(to, job) + instance_.cost(from, other) - instance_.cost(from, job) - instance_.cost(to, other);
    if (!(state_.cost() + cost_delta < best_cost - GAIN_EPSILON && state_.feasible_after_swap(job, other))) return;
  }
  best = Move{delta, job, to, other};
}

void GapTabuSearch::best_swap(Move& best, double best_cost, std::size_t first, std::size_t count) {
  for (std::size_t index = 0; index < count; ++index) {
    const std::size_t job = (first + index) % jobs_;
    if (!candidates_.restricted()) {
      // Each unordered pair once.
      for (std::size_t other = job + 1; other < jobs_; ++other) consider_swap(job, other, best, best_cost);
      evaluated_ += jobs_ - job - 1;
      continue;
    }
    const std::size_t from = state_.agent_of(job);
    for (std::size_t to : candidates_.agents_of(job)) {
      if (to == from) continue;
      const std::span<const std::size_t> held = state_.agent_jobs().jobs_of(to);
      for (std::size_t other : held) consider_swap(job, other, best, best_cost);
      evaluated_ += held.size();
    }
  }
}

void GapTabuSearch::adapt_weights() {
  const bool feasible = state_.feasible();
  for (std::size_t agent = 0; agent < agents_; ++agent) {
    if (feasible) state_.set_weight(agent, std::max(least_weight_, state_.weight(agent) * WEIGHT_LOWER));
    else if (state_.overloaded(agent))
      state_.set_weight(agent, std::min(most_weight_, state_.weight(agent) * WEIGHT_RAISE));
  }
}

std::uint64_t GapTabuSearch::run(GapSearch& search, std::uint64_t evaluations, std::mt19937_64& rng,
                                 const std::function<bool()>& stop, const std::vector<std::size_t>& start) {
  if (!search.has_solution() || agents_ < 2 || jobs_ == 0) return 0;
  GUARANTOR_ASSERT(start.empty() || start.size() == jobs_, "a start assigns every job");
  evaluated_ = 0;
  state_.reset(start.empty() ? search.best() : start, initial_weight_);
  tabu_until_.assign(agents_ * jobs_, 0);
  // Raw generator draws (not std distributions) keep the sequence the same on every library.
  auto draw = [&rng](std::uint64_t bound) { return rng() % bound; };
  const std::uint64_t tenure_spread = TENURE_MIN + jobs_ / TENURE_JOBS_PER_ITERATION;
  std::uint64_t idle = 0;
  while (evaluated_ < evaluations && !stop()) {
    ++iteration_;
    const double best_cost = search.best_cost();
    Move best{std::numeric_limits<double>::infinity()};
    best_shift(best, best_cost);
    // Without an improving shift the swaps compete with the least worsening one.
    if (!(best.delta < -GAIN_EPSILON)) {
      const std::size_t count = jobs_ <= SWAP_SAMPLE_MIN_JOBS ? jobs_ : jobs_ / SWAP_SAMPLE_DIVISOR;
      best_swap(best, best_cost, count == jobs_ ? 0 : draw(jobs_), count);
    }
    if (best.job != NONE) {
      const std::size_t from = state_.agent_of(best.job);
      tabu_until_[from * jobs_ + best.job] = iteration_ + TENURE_MIN + draw(tenure_spread);
      if (best.other == NONE) {
        state_.shift(best.job, best.to);
      } else {
        tabu_until_[best.to * jobs_ + best.other] = iteration_ + TENURE_MIN + draw(tenure_spread);
        state_.swap(best.job, best.other);
      }
    }
    if (state_.feasible() && state_.cost() < search.best_cost() - GAIN_EPSILON) {
      search.adopt(state_.assignment());
      idle = 0;
    } else if (++idle >= std::max(RESTART_MIN_ITERATIONS, jobs_ / RESTART_JOBS_PER_ITERATION)) {
      idle = 0;
      state_.reset(search.best(), initial_weight_);
      for (std::uint64_t kick = 0; kick < KICK_SHIFTS; ++kick) {
        const std::size_t job = draw(jobs_), agent = draw(agents_);
        if (agent != state_.agent_of(job) && allowed(agent, job)) state_.shift(job, agent);
      }
      continue;
    }
    adapt_weights();
  }
  return evaluated_;
}

}  // namespace guarantor::plan::detail
