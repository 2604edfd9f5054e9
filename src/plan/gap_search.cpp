#include "gap_search.hpp"

#include <algorithm>
#include <limits>
#include <span>

namespace guarantor::plan::detail {

namespace {
// Cost change below which a move does not count as an improvement (rounding noise).
constexpr double MIN_GAIN = 1e-9;
// Capacity slack accepted when summing resources in floating point.
constexpr double ROOM_TOLERANCE = 1e-9;
// Ruin size: up to this many jobs from each of the two chosen agents, plus up to this many
// anywhere. Small groups keep a step cheap (O(group² × agents)); many steps do the exploring.
constexpr std::uint64_t RUIN_PER_AGENT = 4;
constexpr std::uint64_t RUIN_SCATTERED = 3;
// Descent passes around the moved jobs after a recreate.
constexpr int LOCAL_PASSES = 3;
}  // namespace

GapSearch::GapSearch(const GapInstance& instance)
    : instance_(instance), agents_(instance.agent_count()), jobs_(instance.job_count()), agent_jobs_(agents_, jobs_) {
  agent_of_job_.assign(jobs_, NONE);
  residual_.assign(agents_, 0.0);
}

void GapSearch::assign(std::size_t job, std::size_t agent) {
  agent_of_job_[job] = agent;
  residual_[agent] -= instance_.resource(agent, job);
  cost_ += instance_.cost(agent, job);
  agent_jobs_.add(job, agent);
}

void GapSearch::unassign(std::size_t job) {
  const std::size_t agent = agent_of_job_[job];
  residual_[agent] += instance_.resource(agent, job);
  cost_ -= instance_.cost(agent, job);
  agent_jobs_.remove(job, agent);
  agent_of_job_[job] = NONE;
}

void GapSearch::record() {
  if (cost_ < best_cost_ - MIN_GAIN) best_cost_ = cost_, best_ = agent_of_job_;
}

void GapSearch::adopt(const std::vector<std::size_t>& agent_of_job) {
  agent_of_job_.assign(jobs_, NONE);
  for (std::size_t agent = 0; agent < agents_; ++agent) residual_[agent] = instance_.capacity(agent);
  agent_jobs_.clear();
  cost_ = 0;
  for (std::size_t job = 0; job < jobs_; ++job) assign(job, agent_of_job[job]);
  record();
}

bool GapSearch::insert_by_regret(std::vector<std::size_t>& pending) {
  constexpr double NO_SECOND = std::numeric_limits<double>::max();
  while (!pending.empty()) {
    double best_regret = -1;
    std::size_t pick = 0, pick_agent = NONE;
    for (std::size_t index = 0; index < pending.size(); ++index) {
      const std::size_t job = pending[index];
      double first = NO_SECOND, second = NO_SECOND;
      std::size_t first_agent = NONE;
      for (std::size_t agent = 0; agent < agents_; ++agent) {
        if (instance_.resource(agent, job) > residual_[agent] + ROOM_TOLERANCE) continue;
        const double cost = instance_.cost(agent, job);
        if (cost < first) second = first, first = cost, first_agent = agent;
        else if (cost < second) second = cost;
      }
      if (first_agent == NONE) return false;
      // A job with one place left goes first (its regret is the largest possible).
      const double regret = second == NO_SECOND ? NO_SECOND : second - first;
      if (regret > best_regret) best_regret = regret, pick = index, pick_agent = first_agent;
    }
    assign(pending[pick], pick_agent);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return true;
}

bool GapSearch::repair(const std::vector<char>& taken) {
  agent_of_job_.assign(jobs_, NONE);
  for (std::size_t agent = 0; agent < agents_; ++agent) residual_[agent] = instance_.capacity(agent);
  agent_jobs_.clear();
  cost_ = 0;
  std::vector<std::size_t> pending;
  for (std::size_t job = 0; job < jobs_; ++job) {
    std::size_t keep = NONE;
    for (std::size_t agent = 0; agent < agents_; ++agent) {
      if (!taken[agent * jobs_ + job] || instance_.resource(agent, job) > residual_[agent] + ROOM_TOLERANCE) continue;
      if (keep == NONE || instance_.cost(agent, job) < instance_.cost(keep, job)) keep = agent;
    }
    if (keep == NONE) pending.push_back(job);
    else assign(job, keep);
  }
  if (!insert_by_regret(pending)) {
    // The current solution must stay complete: fall back to the best one (or to none).
    if (has_solution()) adopt(best_);
    else agent_of_job_.assign(jobs_, NONE);
    return false;
  }
  descend();
  record();
  return true;
}

bool GapSearch::improve_job(std::size_t job) {
  const std::size_t from = agent_of_job_[job];
  double best_delta = -MIN_GAIN;
  std::size_t shift_to = NONE, swap_with = NONE;
  for (std::size_t to = 0; to < agents_; ++to) {
    if (to == from || instance_.resource(to, job) > residual_[to] + ROOM_TOLERANCE) continue;
    const double delta = instance_.cost(to, job) - instance_.cost(from, job);
    if (delta < best_delta) best_delta = delta, shift_to = to;
  }
  auto consider_swap = [&](std::size_t other) {
    const std::size_t to = agent_of_job_[other];
    if (to == from || to == NONE) return;
    const double delta =
        instance_.cost(to, job) + instance_.cost(from, other) - instance_.cost(from, job) - instance_.cost(to, other);
    if (delta >= best_delta) return;
    if (instance_.resource(to, job) > residual_[to] + instance_.resource(to, other) + ROOM_TOLERANCE) return;
    if (instance_.resource(from, other) > residual_[from] + instance_.resource(from, job) + ROOM_TOLERANCE) return;
    best_delta = delta, swap_with = other;
  };
  if (shift_to == NONE && (candidates_ == nullptr || !candidates_->restricted())) {
    for (std::size_t other = 0; other < jobs_; ++other) consider_swap(other);
  } else if (shift_to == NONE) {
    // Partners held by the job's candidate agents only (the lists do not change during the scan).
    for (std::size_t to : candidates_->agents_of(job)) {
      if (to == from) continue;
      for (std::size_t other : agent_jobs_.jobs_of(to)) consider_swap(other);
    }
  }
  if (shift_to != NONE) {
    unassign(job);
    assign(job, shift_to);
    return true;
  }
  if (swap_with != NONE) {
    const std::size_t to = agent_of_job_[swap_with];
    unassign(job);
    unassign(swap_with);
    assign(job, to);
    assign(swap_with, from);
    return true;
  }
  return false;
}

void GapSearch::descend() {
  bool improved = true;
  while (improved) {
    improved = false;
    for (std::size_t job = 0; job < jobs_; ++job) improved = improve_job(job) || improved;
  }
  record();
}

void GapSearch::ruin_and_recreate_step(std::mt19937_64& rng, double slack) {
  if (!has_solution()) return;
  const std::vector<std::size_t> before = agent_of_job_;
  const double before_cost = cost_;
  std::vector<std::size_t> removed;
  // Raw generator draws (not std distributions) keep the sequence the same on every library.
  auto draw = [&rng](std::uint64_t bound) { return static_cast<std::size_t>(rng() % bound); };
  const std::size_t first = draw(agents_);
  const std::size_t second = agents_ > 1 ? (first + 1 + draw(agents_ - 1)) % agents_ : first;
  for (std::size_t agent : {first, second}) {
    std::uint64_t count = 1 + rng() % RUIN_PER_AGENT;
    while (count-- > 0 && !agent_jobs_.jobs_of(agent).empty()) {
      const std::span<const std::size_t> held = agent_jobs_.jobs_of(agent);
      const std::size_t job = held[draw(held.size())];
      unassign(job);
      removed.push_back(job);
    }
  }
  for (std::uint64_t count = rng() % (RUIN_SCATTERED + 1); count > 0; --count) {
    const std::size_t job = draw(jobs_);
    if (agent_of_job_[job] == NONE) continue;
    unassign(job);
    removed.push_back(job);
  }
  // Half the steps reinsert in random order at the cheapest agent with room, half by regret:
  // regret alone tends to rebuild what was there.
  std::vector<std::size_t> pending = removed;
  bool placed = true;
  if (rng() % 2 == 0) {
    for (std::size_t index = pending.size(); index > 1; --index) std::swap(pending[index - 1], pending[draw(index)]);
    for (std::size_t job : pending) {
      std::size_t target = NONE;
      for (std::size_t agent = 0; agent < agents_; ++agent) {
        if (agent == before[job] && pending.size() > 1) continue;  // force a change where there is a choice
        if (instance_.resource(agent, job) > residual_[agent] + ROOM_TOLERANCE) continue;
        if (target == NONE || instance_.cost(agent, job) < instance_.cost(target, job)) target = agent;
      }
      if (target == NONE && instance_.resource(before[job], job) <= residual_[before[job]] + ROOM_TOLERANCE) {
        target = before[job];
      }
      if (target == NONE) {
        placed = false;
        break;
      }
      assign(job, target);
    }
  } else {
    placed = insert_by_regret(pending);
  }
  if (placed) {
    for (int pass = 0; pass < LOCAL_PASSES; ++pass) {
      bool improved = false;
      for (std::size_t job : removed) improved = improve_job(job) || improved;
      if (!improved) break;
    }
  }
  if (!placed || cost_ > before_cost + slack + MIN_GAIN) {
    adopt(before);
    return;
  }
  record();
}

}  // namespace guarantor::plan::detail
