#include "sscflp_search.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace guarantor::plan::detail {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr std::size_t NONE = static_cast<std::size_t>(-1);
// A load may pass a capacity by this relative amount (round-off of fractional demands).
constexpr double LOAD_TOLERANCE = 1e-9;
// A move must gain more than this relative amount: round-off is not an improvement.
constexpr double GAIN_TOLERANCE = 1e-9;

}  // namespace

SscflpSearch::SscflpSearch(const FacilityLocationInstance& instance)
    : instance_(instance), sites_(instance.site_count()), customers_(instance.customer_count()),
      fixed_count_(instance.open_count().has_value()), best_cost_(INF) {}

bool SscflpSearch::fits(std::size_t site, double extra) const {
  const double capacity = instance_.capacity(site);
  return load_[site] + extra <= capacity + LOAD_TOLERANCE * std::max(1.0, capacity);
}

void SscflpSearch::assign(std::size_t customer, std::size_t site) {
  const std::size_t from = site_of_[customer];
  if (from != NONE) load_[from] -= instance_.demand(customer), --served_[from];
  site_of_[customer] = site;
  load_[site] += instance_.demand(customer), ++served_[site];
  open_[site] = 1;
}

bool SscflpSearch::build(std::vector<char> open, std::uint64_t move_budget, const std::function<bool()>& stop) {
  if (fixed_count_ && static_cast<std::size_t>(std::count(open.begin(), open.end(), 1)) != *instance_.open_count()) {
    return false;
  }
  open_ = std::move(open);
  site_of_.assign(customers_, NONE);
  load_.assign(sites_, 0.0);
  served_.assign(sites_, 0);
  // Regret order: customers with the largest gap between their two cheapest open sites first.
  std::vector<double> regret(customers_, INF);
  for (std::size_t customer = 0; customer < customers_; ++customer) {
    double first = INF, second = INF;
    for (std::size_t site = 0; site < sites_; ++site) {
      if (!open_[site]) continue;
      const double cost = instance_.allocation_cost(customer, site);
      if (cost < first) second = first, first = cost;
      else if (cost < second) second = cost;
    }
    regret[customer] = second - first;
  }
  std::vector<std::size_t> order(customers_);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return regret[a] > regret[b]; });
  for (std::size_t customer : order) {
    const double demand = instance_.demand(customer);
    std::size_t best = NONE;
    double best_cost = INF;
    for (std::size_t site = 0; site < sites_; ++site) {
      if (open_[site] && fits(site, demand) && instance_.allocation_cost(customer, site) < best_cost) {
        best = site, best_cost = instance_.allocation_cost(customer, site);
      }
    }
    if (best == NONE && !fixed_count_) {
      for (std::size_t site = 0; site < sites_; ++site) {
        const double cost = instance_.fixed_cost(site) + instance_.allocation_cost(customer, site);
        if (!open_[site] && fits(site, demand) && cost < best_cost) best = site, best_cost = cost;
      }
    }
    if (best == NONE) return false;
    assign(customer, best);
  }
  improve(move_budget, stop);
  keep_if_better();
  return true;
}

void SscflpSearch::adopt(const SingleSourceSolution& solution, std::uint64_t move_budget,
                         const std::function<bool()>& stop) {
  if (!single_source_feasible(instance_, solution)) return;
  open_.assign(sites_, 0);
  for (std::size_t site : solution.open_sites) open_[site] = 1;
  site_of_.assign(customers_, NONE);
  load_.assign(sites_, 0.0);
  served_.assign(sites_, 0);
  for (std::size_t customer = 0; customer < customers_; ++customer) assign(customer, solution.site_of_customer[customer]);
  improve(move_budget, stop);
  keep_if_better();
}

void SscflpSearch::improve(std::uint64_t move_budget, const std::function<bool()>& stop) {
  moves_ = 0;
  close_empty_sites();
  while (moves_ < move_budget && !stop()) {
    if (shift_pass() || swap_pass()) continue;
    if (!fixed_count_ && (close_move() || open_move())) continue;
    if (exchange_move()) continue;
    break;
  }
}

void SscflpSearch::close_empty_sites() {
  if (fixed_count_) return;
  for (std::size_t site = 0; site < sites_; ++site) {
    if (served_[site] == 0) open_[site] = 0;
  }
}

// Each customer to its cheapest open site with room, when that gains.
bool SscflpSearch::shift_pass() {
  bool improved = false;
  for (std::size_t customer = 0; customer < customers_; ++customer) {
    const std::size_t from = site_of_[customer];
    const double demand = instance_.demand(customer), current = instance_.allocation_cost(customer, from);
    // Emptying a site closes it (without an open count), saving its fixed cost.
    const double freed = !fixed_count_ && served_[from] == 1 ? instance_.fixed_cost(from) : 0.0;
    std::size_t best = NONE;
    double best_delta = -GAIN_TOLERANCE * std::max(1.0, current);
    for (std::size_t site = 0; site < sites_; ++site) {
      if (site == from || !open_[site] || !fits(site, demand)) continue;
      ++moves_;
      const double delta = instance_.allocation_cost(customer, site) - current - freed;
      if (delta < best_delta) best = site, best_delta = delta;
    }
    if (best != NONE) {
      assign(customer, best);
      close_empty_sites();
      improved = true;
    }
  }
  return improved;
}

// Two customers at different sites trade places, when both still fit and the cost drops.
bool SscflpSearch::swap_pass() {
  bool improved = false;
  for (std::size_t first = 0; first < customers_; ++first) {
    for (std::size_t second = first + 1; second < customers_; ++second) {
      const std::size_t a = site_of_[first], b = site_of_[second];
      if (a == b) continue;
      ++moves_;
      const double delta = instance_.allocation_cost(first, b) + instance_.allocation_cost(second, a) -
                           instance_.allocation_cost(first, a) - instance_.allocation_cost(second, b);
      if (delta >= -GAIN_TOLERANCE * std::max(1.0, instance_.allocation_cost(first, a))) continue;
      const double d_first = instance_.demand(first), d_second = instance_.demand(second);
      if (!fits(a, d_second - d_first) || !fits(b, d_first - d_second)) continue;
      assign(first, b), assign(second, a);
      improved = true;
    }
  }
  return improved;
}

// The customers of `closing` (largest demand first) each go to the cheapest site of `targets`
// with room; returns the allocation cost change and the moves, or +inf when one cannot move.
namespace {
struct Relocation {
  double delta = INF;
  std::vector<std::pair<std::size_t, std::size_t>> moves;  // (customer, site)
};
}  // namespace

bool SscflpSearch::close_move() {
  Relocation best;
  std::size_t best_site = NONE;
  std::vector<double> load;
  // The open sites, ascending: the targets scanned below in the order of a scan over every site.
  std::vector<std::size_t> open_sites;
  for (std::size_t site = 0; site < sites_; ++site)
    if (open_[site]) open_sites.push_back(site);
  for (std::size_t closing : open_sites) {
    load = load_;
    Relocation relocation;
    relocation.delta = -instance_.fixed_cost(closing);
    std::vector<std::size_t> members;
    for (std::size_t customer = 0; customer < customers_; ++customer)
      if (site_of_[customer] == closing) members.push_back(customer);
    std::stable_sort(members.begin(), members.end(),
                     [&](std::size_t a, std::size_t b) { return instance_.demand(a) > instance_.demand(b); });
    for (std::size_t customer : members) {
      std::size_t target = NONE;
      double cost = INF;
      for (std::size_t site : open_sites) {
        if (site == closing) continue;
        ++moves_;
        const double capacity = instance_.capacity(site);
        if (load[site] + instance_.demand(customer) > capacity + LOAD_TOLERANCE * std::max(1.0, capacity)) continue;
        if (instance_.allocation_cost(customer, site) < cost) target = site, cost = instance_.allocation_cost(customer, site);
      }
      if (target == NONE) { relocation.delta = INF; break; }
      load[target] += instance_.demand(customer);
      relocation.delta += cost - instance_.allocation_cost(customer, closing);
      relocation.moves.emplace_back(customer, target);
    }
    if (relocation.delta < best.delta) best = std::move(relocation), best_site = closing;
  }
  if (best_site == NONE || best.delta >= -GAIN_TOLERANCE * std::max(1.0, instance_.fixed_cost(best_site))) return false;
  for (const auto& [customer, site] : best.moves) assign(customer, site);
  open_[best_site] = 0;
  return true;
}

// Open a closed site and move to it the customers that gain most, while it has room.
bool SscflpSearch::open_move() {
  double best_delta = 0;
  std::size_t best_site = NONE;
  std::vector<std::size_t> best_members;
  std::vector<std::pair<double, std::size_t>> gains;
  for (std::size_t opening = 0; opening < sites_; ++opening) {
    if (open_[opening]) continue;
    gains.clear();
    for (std::size_t customer = 0; customer < customers_; ++customer) {
      ++moves_;
      const double gain = instance_.allocation_cost(customer, site_of_[customer]) - instance_.allocation_cost(customer, opening);
      if (gain > 0) gains.emplace_back(gain, customer);
    }
    std::stable_sort(gains.begin(), gains.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    double delta = instance_.fixed_cost(opening), load = 0;
    std::vector<std::size_t> members;
    for (const auto& [gain, customer] : gains) {
      if (load + instance_.demand(customer) > instance_.capacity(opening)) continue;
      load += instance_.demand(customer), delta -= gain, members.push_back(customer);
    }
    if (delta < best_delta - GAIN_TOLERANCE * std::max(1.0, instance_.fixed_cost(opening))) {
      best_delta = delta, best_site = opening, best_members = std::move(members);
    }
  }
  if (best_site == NONE) return false;
  for (std::size_t customer : best_members) assign(customer, best_site);
  close_empty_sites();
  return true;
}

// Close an open site and open a closed one in its place; the closed site's customers go to the
// cheapest site with room, the new one included. Keeps the open count.
bool SscflpSearch::exchange_move() {
  double best_delta = 0;
  std::size_t best_close = NONE, best_open = NONE;
  std::vector<std::pair<std::size_t, std::size_t>> best_moves, moves;
  std::vector<double> load;
  // The open sites, ascending; per exchange the targets are these less the closing site plus the
  // opening one, in ascending order, so ties go where a scan over every site would send them.
  std::vector<std::size_t> open_sites, targets;
  for (std::size_t site = 0; site < sites_; ++site)
    if (open_[site]) open_sites.push_back(site);
  for (std::size_t closing : open_sites) {
    std::vector<std::size_t> members;
    for (std::size_t customer = 0; customer < customers_; ++customer)
      if (site_of_[customer] == closing) members.push_back(customer);
    std::stable_sort(members.begin(), members.end(),
                     [&](std::size_t a, std::size_t b) { return instance_.demand(a) > instance_.demand(b); });
    for (std::size_t opening = 0; opening < sites_; ++opening) {
      if (open_[opening]) continue;
      load = load_;
      moves.clear();
      targets.clear();
      for (std::size_t site : open_sites)
        if (site != closing) targets.push_back(site);
      targets.insert(std::lower_bound(targets.begin(), targets.end(), opening), opening);
      double delta = instance_.fixed_cost(opening) - instance_.fixed_cost(closing);
      for (std::size_t customer : members) {
        std::size_t target = NONE;
        double cost = INF;
        for (std::size_t site : targets) {
          ++moves_;
          const double capacity = instance_.capacity(site);
          if (load[site] + instance_.demand(customer) > capacity + LOAD_TOLERANCE * std::max(1.0, capacity)) continue;
          if (instance_.allocation_cost(customer, site) < cost) target = site, cost = instance_.allocation_cost(customer, site);
        }
        if (target == NONE) { delta = INF; break; }
        load[target] += instance_.demand(customer);
        delta += cost - instance_.allocation_cost(customer, closing);
        moves.emplace_back(customer, target);
      }
      if (delta < best_delta - GAIN_TOLERANCE * std::max(1.0, std::abs(best_delta))) {
        best_delta = delta, best_close = closing, best_open = opening, best_moves = moves;
      }
    }
  }
  if (best_close == NONE) return false;
  open_[best_open] = 1;
  for (const auto& [customer, site] : best_moves) assign(customer, site);
  open_[best_close] = 0;
  // Without an open count the new site may stay empty (all went elsewhere): close it then.
  close_empty_sites();
  return true;
}

void SscflpSearch::keep_if_better() {
  SingleSourceSolution candidate;
  for (std::size_t site = 0; site < sites_; ++site)
    if (open_[site]) candidate.open_sites.push_back(site);
  candidate.site_of_customer = site_of_;
  if (!single_source_feasible(instance_, candidate)) return;
  const double cost = single_source_cost(instance_, candidate);
  if (cost < best_cost_) best_cost_ = cost, best_ = std::move(candidate);
}

}  // namespace guarantor::plan::detail
