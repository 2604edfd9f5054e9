#include "cflp_search.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "facility_capacity.hpp"

namespace guarantor::plan::detail {

namespace {
// A flow below this fraction of a customer counts as none (LP round-off).
constexpr double FLOW_TOLERANCE = 1e-9;
// A move must lower the cost by more than this relative amount (LP round-off is not a gain).
constexpr double MOVE_TOLERANCE = 1e-9;
}  // namespace

CflpSearch::CflpSearch(const FacilityLocationInstance& instance) : instance_(instance) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) total_demand_ += instance.demand(customer);
}

std::optional<FacilityLocationSolution> CflpSearch::price(const std::vector<std::size_t>& open) const {
  std::optional<FacilityLocationSolution> solution = allocate(instance_, open);
  if (!solution || instance_.open_count()) return solution;
  // Free form: a site that serves nothing only costs its fixed cost.
  const std::size_t sites = instance_.site_count();
  std::vector<std::size_t> serving;
  for (std::size_t site : solution->open_sites) {
    double flow = 0;
    for (std::size_t customer = 0; customer < instance_.customer_count(); ++customer) {
      flow += solution->fraction[customer * sites + site];
    }
    if (flow > FLOW_TOLERANCE) serving.push_back(site);
  }
  solution->open_sites = std::move(serving);
  return solution;
}

bool CflpSearch::offer(std::vector<std::size_t> open) {
  std::sort(open.begin(), open.end());
  if (!priced_.insert(open).second) return false;
  std::optional<FacilityLocationSolution> solution = price(open);
  if (!solution) return false;
  const double cost = facility_location_cost(instance_, *solution);
  if (best_ && cost >= best_cost_ - MOVE_TOLERANCE * std::max(1.0, best_cost_)) return false;
  best_ = std::move(solution), best_cost_ = cost;
  return true;
}

bool CflpSearch::offer_relaxed(const std::vector<double>& y, const std::vector<double>& priority) {
  std::optional<std::vector<std::size_t>> open = open_set_with_room(instance_, y, priority);
  return open && offer(std::move(*open));
}

bool CflpSearch::offer_relaxed_solution(const std::vector<double>& y) {
  std::vector<std::size_t> open;
  for (std::size_t site = 0; site < y.size(); ++site) {
    if (y[site] > 0) open.push_back(site);
  }
  offer(std::move(open));
  return true;
}

bool CflpSearch::offer_relaxed_if_promising(const std::vector<double>& y, const std::vector<double>& rho,
                                            double multiplier_sum) {
  std::optional<std::vector<std::size_t>> open = promising_open_set(
      instance_, y, rho, multiplier_sum, best_ ? best_cost_ : std::numeric_limits<double>::infinity());
  return open && offer(std::move(*open));
}

void CflpSearch::descend_guided(const std::vector<double>& rho, double multiplier_sum, std::size_t per_pass,
                                int passes, const std::function<bool()>& stop) {
  constexpr std::size_t NONE = static_cast<std::size_t>(-1);
  struct Move {
    double bound;
    std::size_t close, open;  // NONE: no site closed / opened
  };
  const std::size_t sites = instance_.site_count();
  for (int pass = 0; pass < passes && best_ && !stop(); ++pass) {
    const std::vector<std::size_t> current = best_->open_sites;
    std::vector<char> is_open(sites, 0);
    double base = multiplier_sum, room = 0;
    for (std::size_t site : current) is_open[site] = 1, base += rho[site], room += instance_.capacity(site);
    std::vector<Move> moves;
    const bool counted = instance_.open_count().has_value();
    for (std::size_t out = 0; out <= sites; ++out) {
      if (out < sites && !is_open[out]) continue;
      const double out_rho = out < sites ? rho[out] : 0, out_room = out < sites ? instance_.capacity(out) : 0;
      for (std::size_t in = 0; in <= sites; ++in) {
        if (in < sites && is_open[in]) continue;
        if (out == sites && in == sites) continue;
        if (counted && (out == sites || in == sites)) continue;
        const double in_rho = in < sites ? rho[in] : 0, in_room = in < sites ? instance_.capacity(in) : 0;
        if (room - out_room + in_room < total_demand_) continue;
        moves.push_back({base - out_rho + in_rho, out < sites ? out : NONE, in < sites ? in : NONE});
      }
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.bound < b.bound; });
    bool improved = false;
    std::size_t priced = 0;
    for (const Move& move : moves) {
      if (priced >= per_pass || stop()) break;
      // The bound says this set (and every later one) cannot beat the best.
      if (move.bound >= best_cost_ * (1 - MOVE_TOLERANCE)) break;
      std::vector<std::size_t> neighbour;
      for (std::size_t site : current) {
        if (site != move.close) neighbour.push_back(site);
      }
      if (move.open != NONE) neighbour.push_back(move.open);
      std::sort(neighbour.begin(), neighbour.end());
      if (priced_.count(neighbour)) continue;
      ++priced;
      improved = offer(std::move(neighbour)) || improved;
    }
    if (!improved) break;
  }
}

}  // namespace guarantor::plan::detail
