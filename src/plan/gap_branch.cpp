#include "gap_branch.hpp"

#include <algorithm>
#include <limits>

#include "gap_subgradient.hpp"
#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

// Node re-optimisation: warm-started multipliers are near the parent's optimum, so a short run
// with a small step suffices (node work is counted in these iterations). 15 rather than 40: on
// gapd-4 with the optimum as cutoff, the tree proving that nothing costs at most 12428 took 4051
// nodes in 7.3 s at 15 iterations (load 0.9) and 2885 nodes in 36 s at 40 (load 5.3): more
// nodes, each far cheaper; 8 and 10 iterations needed more time again (10,000+ nodes).
constexpr SubgradientParams NODE_DUAL{15, 0.5, 5, 0.01, 10};
// Capacity slack accepted when summing resources in floating point.
constexpr double ROOM_TOLERANCE = 1e-9;

struct Node {
  GapRestriction restriction;
  std::vector<double> multipliers;
  double bound;
};

// Forbids pairs that no longer fit and fixes jobs left with one agent, until nothing changes.
// False when some job has no agent left.
bool propagate(const GapInstance& instance, GapRestriction& restriction) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t job = 0; job < jobs; ++job) {
      if (restriction.fixed_agent[job] != NO_AGENT) continue;
      std::size_t options = 0, last = NO_AGENT;
      for (std::size_t agent = 0; agent < agents; ++agent) {
        char& allowed = restriction.allowed[agent * jobs + job];
        if (allowed && instance.resource(agent, job) > restriction.capacity_left[agent] + ROOM_TOLERANCE) allowed = 0;
        if (allowed) ++options, last = agent;
      }
      if (options == 0) return false;
      if (options == 1) restriction.fix(instance, job, last), changed = true;
    }
  }
  return true;
}

// The job to branch on and the agent its first child fixes it to; NO_AGENT when the relaxed
// solution assigns every free job exactly once.
std::pair<std::size_t, std::size_t> branching_pair(const GapInstance& instance, const GapRestriction& restriction,
                                                   const std::vector<char>& taken) {
  const std::size_t agents = instance.agent_count(), jobs = instance.job_count();
  std::size_t best_job = NO_AGENT, best_agent = NO_AGENT;
  double best_share = -1;
  for (std::size_t job = 0; job < jobs; ++job) {
    if (restriction.fixed_agent[job] != NO_AGENT) continue;
    std::size_t count = 0;
    for (std::size_t agent = 0; agent < agents; ++agent) count += taken[agent * jobs + job] ? 1 : 0;
    if (count == 1) continue;
    // Candidate: the cheapest taker when several take it; the cheapest allowed agent otherwise.
    std::size_t candidate = NO_AGENT;
    for (std::size_t agent = 0; agent < agents; ++agent) {
      if (!restriction.allowed[agent * jobs + job] || (count > 1 && !taken[agent * jobs + job])) continue;
      if (candidate == NO_AGENT || instance.cost(agent, job) < instance.cost(candidate, job)) candidate = agent;
    }
    // Decide the job that weighs most on its agent first: those decisions move the bound most.
    const double room = std::max(restriction.capacity_left[candidate], ROOM_TOLERANCE);
    const double share = instance.resource(candidate, job) / room;
    if (share > best_share) best_share = share, best_job = job, best_agent = candidate;
  }
  return {best_job, best_agent};
}

}  // namespace

BranchOutcome gap_branch_and_bound(const GapInstance& instance, GapLagrangian& lagrangian, GapSearch& search,
                                   const std::vector<char>& removed, const std::vector<double>& root_multipliers,
                                   double root_bound, std::uint64_t node_limit,
                                   const std::function<double()>& threshold, const std::function<bool()>& stop,
                                   bool aim_at_threshold, int node_iterations) {
  SubgradientParams node_dual = NODE_DUAL;
  node_dual.aim_at_threshold = aim_at_threshold;
  if (node_iterations > 0) node_dual.max_iterations = node_iterations;
  const std::size_t jobs = instance.job_count();
  BranchOutcome outcome;
  std::vector<Node> stack;
  {
    Node root{GapRestriction::root(instance), root_multipliers, root_bound};
    for (std::size_t pair = 0; pair < removed.size(); ++pair) {
      if (removed[pair]) root.restriction.allowed[pair] = 0;
    }
    stack.push_back(std::move(root));
  }
  std::vector<char> taken, removable;
  auto open_bound = [&](double current) {
    double least = current;
    for (const Node& node : stack) least = std::min(least, node.bound);
    return least;
  };
  while (!stack.empty()) {
    if (outcome.nodes >= node_limit || stop()) {
      outcome.bound = open_bound(std::numeric_limits<double>::infinity());
      return outcome;
    }
    Node node = std::move(stack.back());
    stack.pop_back();
    if (bound_excludes(node.bound, threshold())) continue;
    if (!propagate(instance, node.restriction)) continue;
    if (std::find(node.restriction.fixed_agent.begin(), node.restriction.fixed_agent.end(), NO_AGENT) ==
        node.restriction.fixed_agent.end()) {
      search.adopt(node.restriction.fixed_agent);
      continue;
    }
    ++outcome.nodes;
    const DualOutcome dual =
        maximise_dual(instance, lagrangian, node.restriction, search, node.multipliers, node_dual, threshold, stop);
    if (dual.attained) continue;
    double bound = std::max(node.bound, dual.bound);
    if (bound_excludes(bound, threshold())) continue;
    if (stop()) {
      outcome.bound = open_bound(bound);
      return outcome;
    }
    double value = lagrangian.evaluate(dual.multipliers, node.restriction, taken);
    removable.assign(node.restriction.allowed.size(), 0);
    const GapLagrangian::Removal removal =
        lagrangian.mark_removable(dual.multipliers, node.restriction, value, threshold(), removable);
    bound = std::max(bound, removal.bound);
    if (bound_excludes(bound, threshold())) continue;
    if (removal.marked > 0) {
      for (std::size_t pair = 0; pair < removable.size(); ++pair) {
        if (removable[pair]) node.restriction.allowed[pair] = 0;
      }
      if (!propagate(instance, node.restriction)) continue;
      value = lagrangian.evaluate(dual.multipliers, node.restriction, taken);
      bound = std::max(bound, value);
      if (bound_excludes(bound, threshold())) continue;
    }
    auto [job, agent] = branching_pair(instance, node.restriction, taken);
    if (job == NO_AGENT) {
      // Each free job taken once: with exact knapsacks this is an assignment of cost `value`,
      // the node's optimum. With LP knapsacks the bound may be lower: branch on the first free
      // job and its taker.
      search.repair(taken);
      if (lagrangian.exact_knapsacks()) continue;
      job = static_cast<std::size_t>(std::find(node.restriction.fixed_agent.begin(), node.restriction.fixed_agent.end(),
                                               NO_AGENT) - node.restriction.fixed_agent.begin());
      for (std::size_t candidate = 0; candidate < instance.agent_count(); ++candidate) {
        if (taken[candidate * jobs + job]) agent = candidate;
      }
    }
    Node forbid{node.restriction, dual.multipliers, bound};
    forbid.restriction.allowed[agent * jobs + job] = 0;
    Node fix{std::move(node.restriction), dual.multipliers, bound};
    fix.restriction.fix(instance, job, agent);
    stack.push_back(std::move(forbid));
    stack.push_back(std::move(fix));
  }
  outcome.finished = true;
  return outcome;
}

}  // namespace guarantor::plan::detail
