#include "cflp_branch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
// Subgradient schedule per node: a child starts from its parent's best multipliers, which are
// near the optimum of its dual, so the steps are short (factor 0.5, as in the fixing rounds) and
// few; the factor halves after NODE_STALL iterations without a better bound and the node's dual
// stops below MIN_FACTOR or after NODE_ITERATIONS.
constexpr int NODE_ITERATIONS = 60;
constexpr int NODE_STALL = 6;
constexpr double NODE_FACTOR = 0.5;
constexpr double MIN_FACTOR = 1e-3;
// The relaxed open set is priced (a transportation LP, about as dear as the node's whole dual on
// capb) at every PRICE_EVERY-th node whose dual left it open.
constexpr std::size_t PRICE_EVERY = 8;
// Best-first order: every DIVE_EVERY-th node taken from the queue starts a dive, which follows
// the child of lower bound down to a leaf or a pruned node (its siblings join the queue), so the
// incumbent keeps improving while the queue lifts the least bound.
constexpr std::size_t DIVE_EVERY = 16;

struct Node {
  std::vector<signed char> fixed;  // per site: +1 held open, −1 held closed, 0 free
  std::vector<double> multipliers;
  double bound = -INF;  // valid lower bound for every solution in the node's subtree
  std::size_t created = 0;  // creation order: ties in the queue go to the older node
};

// Queue order: the least bound on top, ties to the older node, so the order depends on the
// bounds and the creation count alone.
bool queued_after(const Node& a, const Node& b) {
  return a.bound > b.bound || (a.bound == b.bound && a.created > b.created);
}

class Tree {
public:
  Tree(const FacilityLocationInstance& instance, SiteDual& lagrangian, SiteIncumbent& search, const Stopwatch& clock)
      : instance_(instance), lagrangian_(lagrangian), search_(search), clock_(clock) {}

  CflpBranchOutcome run(Node root, std::size_t node_limit, std::size_t iteration_limit, CflpNodeOrder order) {
    best_first_ = order == CflpNodeOrder::BestFirstWithDives;
    node_bytes_ = sizeof(Node) + root.fixed.size() * sizeof(signed char) + root.multipliers.size() * sizeof(double);
    keep(std::move(root), false);
    CflpBranchOutcome outcome;
    while ((!stack_.empty() || !queue_.empty()) && !clock_.expired() && outcome.nodes < node_limit &&
           iterations_ < iteration_limit) {
      // The dive (or, depth first, the whole search) goes on from the stack; else the queue's
      // least bound, every DIVE_EVERY-th of which starts a dive.
      Node node;
      if (!stack_.empty()) {
        node = std::move(stack_.back());
        stack_.pop_back();
      } else {
        std::pop_heap(queue_.begin(), queue_.end(), queued_after);
        node = std::move(queue_.back());
        queue_.pop_back();
        diving_ = taken_from_queue_++ % DIVE_EVERY == 0;
      }
      if (bound_excludes(node.bound, threshold())) continue;
      ++outcome.nodes;
      process(std::move(node));
    }
    outcome.iterations = iterations_;
    outcome.finished = stack_.empty() && queue_.empty() && !interrupted_ && !unsettled_;
    outcome.bound = std::min(search_.best_cost(), unsettled_bound_);
    if (!outcome.finished) {
      for (const Node& node : stack_) outcome.bound = std::min(outcome.bound, node.bound);
      for (const Node& node : queue_) outcome.bound = std::min(outcome.bound, node.bound);
    }
    outcome.peak_open_nodes = peak_open_;
    outcome.peak_open_bytes = peak_open_ * node_bytes_;
    lagrangian_.fix_sites({});
    return outcome;
  }

private:
  // Largest cost a strictly better solution could have (allocation costs are fractional in
  // general, so no objective resolution is assumed).
  [[nodiscard]] double threshold() const { return improvement_threshold(search_.best_cost(), 0.0); }

  // Keeps a node for later: on the stack when the search is depth first or `next` continues a
  // dive, in the queue otherwise.
  void keep(Node node, bool next) {
    node.created = created_++;
    if (!best_first_ || (next && diving_)) {
      stack_.push_back(std::move(node));
    } else {
      queue_.push_back(std::move(node));
      std::push_heap(queue_.begin(), queue_.end(), queued_after);
    }
    peak_open_ = std::max(peak_open_, stack_.size() + queue_.size());
  }

  [[nodiscard]] std::vector<std::size_t> sites_held(const std::vector<signed char>& fixed, bool with_free) const {
    std::vector<std::size_t> sites;
    for (std::size_t site = 0; site < fixed.size(); ++site) {
      if (fixed[site] > 0 || (with_free && fixed[site] == 0)) sites.push_back(site);
    }
    return sites;
  }

  // Prices a leaf's open set; a set whose least cost was not proven leaves its bound behind.
  void settle(std::vector<std::size_t> open, double bound) {
    if (!search_.settle(std::move(open))) unsettled_ = true, unsettled_bound_ = std::min(unsettled_bound_, bound);
  }

  // A node whose open set is decided by its fixings alone: price that set and close the node.
  // Returns false when the node still has a choice to make.
  bool settle_forced(const std::vector<signed char>& fixed, double bound) {
    const auto open = static_cast<std::size_t>(std::count(fixed.begin(), fixed.end(), 1));
    const auto free = static_cast<std::size_t>(std::count(fixed.begin(), fixed.end(), 0));
    if (const auto count = instance_.open_count()) {
      if (open > *count || open + free < *count) return true;  // no solution in this subtree
      if (open == *count) return settle(sites_held(fixed, false), bound), true;
      if (open + free == *count) return settle(sites_held(fixed, true), bound), true;
      return false;
    }
    if (free == 0) return settle(sites_held(fixed, false), bound), true;
    return false;
  }

  // Subgradient ascent of the node's dual from its multipliers; returns the best value and
  // leaves its multipliers in node.multipliers. Returns +inf when the node holds no solution
  // or no better one, and sets `solved` when the relaxed choice itself is a solution.
  double ascend(Node& node, bool& solved) {
    std::vector<double> multipliers = node.multipliers;
    double best = -INF, factor = NODE_FACTOR;
    int stall = 0;
    solved = false;
    for (int iteration = 0; iteration < NODE_ITERATIONS; ++iteration) {
      const double value = lagrangian_.evaluate(multipliers);
      ++iterations_;
      if (!std::isfinite(value)) return INF;
      if (value > best) {
        best = value, node.multipliers = multipliers, stall = 0;
      } else if (++stall >= NODE_STALL) {
        factor /= 2, stall = 0;
      }
      if (bound_excludes(best, threshold())) return INF;
      lagrangian_.subgradient(gradient_);
      double norm = 0;
      for (double g : gradient_) norm += g * g;
      if (norm == 0 && integral_choice() && search_.offer_relaxed_solution(lagrangian_.open())) {
        // Every customer served exactly once by integrally open sites: a solution of cost L(u),
        // the best of this node.
        solved = true;
        return value;
      }
      if (norm == 0 || factor < MIN_FACTOR || clock_.expired()) break;
      const double length = factor * std::max(search_.best_cost() - value, 1e-9 * std::max(1.0, std::abs(value))) / norm;
      for (std::size_t customer = 0; customer < multipliers.size(); ++customer) {
        multipliers[customer] += length * gradient_[customer];
      }
    }
    return best;
  }

  [[nodiscard]] bool integral_choice() const {
    return std::all_of(lagrangian_.open().begin(), lagrangian_.open().end(), [](double y) { return y == 0 || y == 1; });
  }

  void process(Node node) {
    if (settle_forced(node.fixed, node.bound)) return;
    lagrangian_.fix_sites(node.fixed);
    bool solved = false;
    const double value = ascend(node, solved);
    if (solved || !std::isfinite(value)) return;
    node.bound = std::max(node.bound, value);
    if (clock_.expired()) {
      interrupted_ = true;
      keep(std::move(node), false);
      return;
    }
    // Back to the best multipliers: their relaxed choice is priced (a Lagrangian heuristic) and
    // their reduced costs fix and rank the sites.
    lagrangian_.evaluate_every_site(node.multipliers);
    if (priced_nodes_++ % PRICE_EVERY == 0) {
      search_.offer_relaxed_if_promising(lagrangian_.open(), lagrangian_.reduced_costs(), lagrangian_.multiplier_sum());
    }
    if (bound_excludes(node.bound, threshold())) return;
    std::vector<signed char> fixed = lagrangian_.site_fixings(threshold());
    if (fixed != node.fixed) {
      // A smaller node: solve its dual again before branching.
      node.fixed = std::move(fixed);
      keep(std::move(node), true);
      return;
    }
    // Branch on the free site whose weaker child has the highest bound (ties: the stronger
    // child's bound, then the lower index): the penalties of holding it open or closed at the
    // node's multipliers.
    std::size_t branch = node.fixed.size();
    double best_low = -INF, best_high = -INF, open_bound = 0, closed_bound = 0;
    for (std::size_t site = 0; site < node.fixed.size(); ++site) {
      if (node.fixed[site] != 0) continue;
      const double open = lagrangian_.value_with_site(site, true), closed = lagrangian_.value_with_site(site, false);
      const double low = std::min(open, closed), high = std::max(open, closed);
      if (branch == node.fixed.size() || low > best_low || (low == best_low && high > best_high)) {
        branch = site, best_low = low, best_high = high, open_bound = open, closed_bound = closed;
      }
    }
    if (branch == node.fixed.size()) return;  // settle_forced closes nodes without a free site
    Node held_open = node, held_closed = std::move(node);
    held_open.fixed[branch] = 1, held_open.bound = std::max(held_open.bound, open_bound);
    held_closed.fixed[branch] = -1, held_closed.bound = std::max(held_closed.bound, closed_bound);
    // Depth first (and in a dive), the child of lower bound next (kept last); ties explore
    // "open" first. Best first, both join the queue, except the dive's next child.
    if (held_open.bound <= held_closed.bound) {
      keep(std::move(held_closed), false);
      keep(std::move(held_open), true);
    } else {
      keep(std::move(held_open), false);
      keep(std::move(held_closed), true);
    }
  }

  const FacilityLocationInstance& instance_;
  SiteDual& lagrangian_;
  SiteIncumbent& search_;
  const Stopwatch& clock_;
  std::vector<Node> stack_;  // depth first: the whole search; best first: the current dive
  std::vector<Node> queue_;  // best first: a heap under queued_after
  bool best_first_ = false, diving_ = false;
  std::size_t taken_from_queue_ = 0, created_ = 0, peak_open_ = 0, node_bytes_ = 0;
  bool interrupted_ = false;
  bool unsettled_ = false;        // a leaf's set was priced without proof
  double unsettled_bound_ = INF;  // the least bound among such leaves
  std::size_t iterations_ = 0;
  std::vector<double> gradient_;
  std::size_t priced_nodes_ = 0;  // nodes that reached the Lagrangian heuristic
};

}  // namespace

CflpBranchOutcome cflp_branch_and_bound(const FacilityLocationInstance& instance, SiteDual& lagrangian,
                                        SiteIncumbent& search, std::vector<signed char> root_fixed,
                                        std::vector<double> root_multipliers, double root_bound, std::size_t node_limit,
                                        const Stopwatch& clock, std::size_t iteration_limit, CflpNodeOrder order) {
  Node root;
  root.fixed = root_fixed.empty() ? std::vector<signed char>(instance.site_count(), 0) : std::move(root_fixed);
  root.multipliers = std::move(root_multipliers);
  root.bound = root_bound;
  Tree tree(instance, lagrangian, search, clock);
  return tree.run(std::move(root), node_limit, iteration_limit, order);
}

}  // namespace guarantor::plan::detail
