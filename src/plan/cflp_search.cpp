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

}  // namespace guarantor::plan::detail
