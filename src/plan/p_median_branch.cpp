#include "p_median_branch.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Subgradient schedule per node. The root continues from the multipliers of the bound phase; a
// child starts from its parent's best multipliers. The step factor halves after STALL iterations
// without a better bound; a node's dual stops once the factor is below MIN_FACTOR or after
// ITERATIONS. The node values were chosen by counting subgradient iterations over whole trees
// (pmed17, 36, 39): short, aggressive node duals (60 iterations, factor 2) needed 3–5 times fewer
// iterations than 150 at factor 0.25, although each node's bound is a little weaker.
constexpr int ROOT_ITERATIONS = 1500;
constexpr int ROOT_STALL = 40;
constexpr double ROOT_FACTOR = 1.0;
constexpr int NODE_ITERATIONS = 60;
constexpr int NODE_STALL = 6;
constexpr double NODE_FACTOR = 2.0;
constexpr double MIN_FACTOR = 1e-3;

enum SiteState : char { FREE = 0, OPEN = 1, CLOSED = 2 };

// Per customer, sites in ascending cost (ties by index) with their costs, contiguous: L(u) only
// visits the sites cheaper than u_c.
struct SortedRows {
  std::vector<double> cost;
  std::vector<std::uint32_t> site;
};

SortedRows sort_rows(const PMedianInstance& instance) {
  const std::size_t customers = instance.customer_count(), sites = instance.site_count();
  SortedRows rows;
  rows.cost.resize(customers * sites);
  rows.site.resize(customers * sites);
  std::vector<std::uint32_t> order(sites);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return instance.cost(customer, a) < instance.cost(customer, b);
    });
    for (std::size_t k = 0; k < sites; ++k) {
      rows.site[customer * sites + k] = order[k];
      rows.cost[customer * sites + k] = instance.cost(customer, order[k]);
    }
  }
  return rows;
}

// The relaxation at one multiplier vector, restricted to a node: open sites are in, closed sites
// out, and the `slots` = p - |open| free sites of least rho complete the choice.
struct Relaxed {
  double bound = -INF;
  std::vector<double> rho;
  std::vector<char> chosen;         // open or picked free site
  double largest_picked = -INF;     // largest rho among the picked free sites
  double next_free = INF;           // least rho among the free sites not picked
};

struct Node {
  std::vector<char> state;
  std::vector<double> multiplier;
  double bound = -INF;  // valid lower bound for every solution in the node's subtree
  bool root = false;
};

class Tree {
public:
  Tree(const PMedianInstance& instance, const SwapSearch& search, std::vector<std::size_t>& open, double& cost,
       double step, const Stopwatch& clock)
      : instance_(instance), search_(search), rows_(sort_rows(instance)), open_(open), cost_(cost), step_(step),
        clock_(clock), threshold_(improvement_threshold(cost, step)) {}

  BranchOutcome run(std::vector<double> multiplier, std::size_t node_limit) {
    Node root;
    root.state.assign(instance_.site_count(), FREE);
    root.multiplier = std::move(multiplier);
    root.root = true;
    stack_.push_back(std::move(root));
    BranchOutcome outcome;
    while (!stack_.empty() && !clock_.expired() && outcome.nodes < node_limit) {
      Node node = std::move(stack_.back());
      stack_.pop_back();
      if (bound_excludes(node.bound, threshold_)) continue;
      ++outcome.nodes;
      process(std::move(node));
    }
    outcome.iterations = iterations_;
    outcome.finished = stack_.empty() && !interrupted_;
    outcome.bound = cost_;
    for (const Node& node : stack_) outcome.bound = std::min(outcome.bound, node.bound);
    if (outcome.finished) outcome.bound = cost_;
    return outcome;
  }

private:
  void evaluate(const std::vector<double>& multiplier, const std::vector<char>& state, std::size_t slots,
                Relaxed& relaxed) {
    const std::size_t customers = instance_.customer_count(), sites = instance_.site_count();
    relaxed.rho.assign(sites, 0.0);
    double total = 0;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double u = multiplier[customer];
      total += u;
      const double* cost = rows_.cost.data() + customer * sites;
      const std::uint32_t* site = rows_.site.data() + customer * sites;
      for (std::size_t k = 0; k < sites && cost[k] < u; ++k) relaxed.rho[site[k]] += cost[k] - u;
    }
    relaxed.chosen.assign(sites, 0);
    free_.clear();
    for (std::size_t site = 0; site < sites; ++site) {
      if (state[site] == OPEN) relaxed.chosen[site] = 1, total += relaxed.rho[site];
      else if (state[site] == FREE) free_.push_back(site);
    }
    const auto by_rho = [&](std::size_t a, std::size_t b) {
      return relaxed.rho[a] < relaxed.rho[b] || (relaxed.rho[a] == relaxed.rho[b] && a < b);
    };
    std::nth_element(free_.begin(), free_.begin() + static_cast<std::ptrdiff_t>(slots), free_.end(), by_rho);
    relaxed.largest_picked = -INF;
    relaxed.next_free = INF;
    for (std::size_t k = 0; k < free_.size(); ++k) {
      const double rho = relaxed.rho[free_[k]];
      if (k < slots) {
        relaxed.chosen[free_[k]] = 1;
        total += rho;
        relaxed.largest_picked = std::max(relaxed.largest_picked, rho);
      } else {
        relaxed.next_free = std::min(relaxed.next_free, rho);
      }
    }
    relaxed.bound = total;
  }

  // Subgradient 1 - (chosen sites cheaper than u_c) per customer; returns its squared norm.
  double subgradient(const std::vector<double>& multiplier, const std::vector<char>& chosen) {
    const std::size_t customers = instance_.customer_count(), sites = instance_.site_count();
    gradient_.resize(customers);
    double norm = 0;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      const double u = multiplier[customer];
      const double* cost = rows_.cost.data() + customer * sites;
      const std::uint32_t* site = rows_.site.data() + customer * sites;
      int served = 0;
      for (std::size_t k = 0; k < sites && cost[k] < u; ++k) served += chosen[site[k]];
      gradient_[customer] = 1.0 - served;
      norm += gradient_[customer] * gradient_[customer];
    }
    return norm;
  }

  // Offers an open set of exactly p sites; `descend` runs the swap search from it first.
  void offer(std::vector<std::size_t> candidate, bool descend) {
    double value = search_.cost(candidate);
    if (descend) value = search_.descend(candidate);
    if (value < cost_) {
      cost_ = value;
      std::sort(candidate.begin(), candidate.end());
      open_ = std::move(candidate);
      threshold_ = improvement_threshold(cost_, step_);
    }
  }

  static std::vector<std::size_t> sites_where(const std::vector<char>& flags, char value) {
    std::vector<std::size_t> sites;
    for (std::size_t site = 0; site < flags.size(); ++site) {
      if (flags[site] == value) sites.push_back(site);
    }
    return sites;
  }

  void process(Node node) {
    const std::size_t p = instance_.p();
    const auto open_count = static_cast<std::size_t>(std::count(node.state.begin(), node.state.end(), OPEN));
    const auto free_count = static_cast<std::size_t>(std::count(node.state.begin(), node.state.end(), FREE));
    if (open_count > p || open_count + free_count < p) return;
    if (open_count == p) return offer(sites_where(node.state, OPEN), false);
    if (open_count + free_count == p) {
      std::vector<std::size_t> all = sites_where(node.state, OPEN);
      for (std::size_t site : sites_where(node.state, FREE)) all.push_back(site);
      return offer(std::move(all), false);
    }
    const std::size_t slots = p - open_count;
    const int iterations = node.root ? ROOT_ITERATIONS : NODE_ITERATIONS;
    const int stall_limit = node.root ? ROOT_STALL : NODE_STALL;
    double factor = node.root ? ROOT_FACTOR : NODE_FACTOR;
    std::vector<double> multiplier = node.multiplier;
    std::vector<double> best_multiplier = multiplier;
    Relaxed best;
    int stall = 0;
    for (int iteration = 0; iteration < iterations; ++iteration) {
      evaluate(multiplier, node.state, slots, current_);
      ++iterations_;
      if (current_.bound > best.bound) {
        best = current_;
        best_multiplier = multiplier;
        stall = 0;
      } else if (++stall >= stall_limit) {
        factor /= 2;
        stall = 0;
      }
      if (bound_excludes(best.bound, threshold_)) return;
      const double norm = subgradient(multiplier, current_.chosen);
      if (norm == 0) {
        // The relaxed choice serves every customer exactly once: it is feasible and its cost is
        // L(u), so it is the best solution of this node.
        return offer(sites_where(current_.chosen, 1), false);
      }
      if (factor < MIN_FACTOR || clock_.expired()) break;
      const double length = factor * (cost_ - current_.bound) / norm;
      for (std::size_t customer = 0; customer < multiplier.size(); ++customer) {
        multiplier[customer] += length * gradient_[customer];
      }
    }
    node.bound = std::max(node.bound, best.bound);
    node.multiplier = std::move(best_multiplier);
    if (clock_.expired()) {
      interrupted_ = true;
      stack_.push_back(std::move(node));
      return;
    }
    // Lagrangian heuristic: the relaxed choice, polished by the swap search when it is promising.
    const std::vector<std::size_t> relaxed_open = sites_where(best.chosen, 1);
    offer(relaxed_open, node.root || search_.cost(relaxed_open) < cost_);
    if (bound_excludes(node.bound, threshold_)) return;

    // Reduced-cost fixing: forcing a picked free site closed swaps its rho for the next free one;
    // forcing an unpicked one open swaps it for the largest picked one.
    bool fixed = false;
    std::size_t branch_site = instance_.site_count();
    double branch_penalty = -INF;
    for (std::size_t site = 0; site < node.state.size(); ++site) {
      if (node.state[site] != FREE) continue;
      if (best.chosen[site]) {
        const double if_closed = best.bound - best.rho[site] + best.next_free;
        if (bound_excludes(if_closed, threshold_)) {
          node.state[site] = OPEN, fixed = true;
        } else if (if_closed > branch_penalty) {
          branch_penalty = if_closed, branch_site = site;
        }
      } else if (bound_excludes(best.bound + best.rho[site] - best.largest_picked, threshold_)) {
        node.state[site] = CLOSED, fixed = true;
      }
    }
    if (fixed || branch_site == instance_.site_count()) {
      // A smaller node: solve its dual again before branching.
      node.root = false;
      stack_.push_back(std::move(node));
      return;
    }
    Node closed = node;
    closed.root = false;
    closed.state[branch_site] = CLOSED;
    closed.bound = std::max(node.bound, branch_penalty);
    node.root = false;
    node.state[branch_site] = OPEN;
    stack_.push_back(std::move(closed));
    stack_.push_back(std::move(node));
  }

  const PMedianInstance& instance_;
  const SwapSearch& search_;
  SortedRows rows_;
  std::vector<std::size_t>& open_;
  double& cost_;
  double step_;
  const Stopwatch& clock_;
  double threshold_;
  std::vector<Node> stack_;
  bool interrupted_ = false;
  std::size_t iterations_ = 0;
  Relaxed current_;
  std::vector<std::size_t> free_;
  std::vector<double> gradient_;
};

}  // namespace

BranchOutcome p_median_branch_and_bound(const PMedianInstance& instance, const SwapSearch& search,
                                        std::vector<std::size_t>& open, double& cost,
                                        std::vector<double> multiplier, double step, std::size_t node_limit,
                                        const Stopwatch& clock) {
  Tree tree(instance, search, open, cost, step, clock);
  return tree.run(std::move(multiplier), node_limit);
}

}  // namespace guarantor::plan::detail
