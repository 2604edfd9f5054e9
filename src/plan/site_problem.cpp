#include "site_problem.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "objective_step.hpp"

namespace guarantor::plan::detail {

namespace {
constexpr std::size_t NONE = static_cast<std::size_t>(-1);
bool integral(double value) { return std::abs(value - std::round(value)) <= 1e-9; }
}  // namespace

SiteProblem::SiteProblem(const FacilityLocationInstance& instance)
    : instance_(instance), rho_(instance.site_count(), 0.0), fixed_(instance.site_count(), 0) {
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer)
    total_demand_ += instance.demand(customer);
  for (std::size_t site = 0; site < instance.site_count(); ++site) {
    integral_capacity_ = integral_capacity_ && integral(instance.capacity(site));
  }
}

void SiteProblem::fix_sites(std::vector<signed char> site_fixed) {
  fixed_ = site_fixed.empty() ? std::vector<signed char>(instance_.site_count(), 0) : std::move(site_fixed);
}

double SiteProblem::solve(const std::vector<double>& rho, std::vector<double>& y) {
  const std::size_t sites = instance_.site_count();
  rho_ = rho;
  y.assign(sites, 0.0);
  if (instance_.open_count()) {
    order_.clear();
    for (std::size_t site = 0; site < sites; ++site) {
      if (fixed_[site] >= 0) order_.push_back(site);
    }
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return std::make_pair(-fixed_[a], rho_[a]) < std::make_pair(-fixed_[b], rho_[b]);
    });
    return count_value(NONE, false, 0, &y);
  }
  always_sum_ = 0, always_capacity_ = 0;
  double largest_always = 0;
  std::vector<CoverSite> cover_sites;
  for (std::size_t site = 0; site < sites; ++site) {
    if (fixed_[site] < 0) continue;
    if (always_open(site)) {
      always_sum_ += rho_[site], always_capacity_ += instance_.capacity(site);
      largest_always = std::max(largest_always, instance_.capacity(site));
      y[site] = 1;
    } else if (instance_.capacity(site) > 0) {
      cover_sites.push_back({site, rho_[site], instance_.capacity(site)});
    }
  }
  // Requirements asked later: the one left, and that plus one closed site's capacity.
  const double left = total_demand_ - always_capacity_;
  cover_.build(std::move(cover_sites), std::min(total_demand_, left + largest_always), integral_capacity_);
  cover_.choose(left, y);
  return always_sum_ + cover_.value(left);
}

double SiteProblem::count_value(std::size_t forced, bool forced_open, double forced_rho, std::vector<double>* y) const {
  const std::size_t count = *instance_.open_count();
  double value = 0;
  std::size_t opened = 0;
  if (forced != NONE && forced_open) {
    value += forced_rho, ++opened;
    if (y) (*y)[forced] = 1;
  }
  for (std::size_t pos = 0; pos < order_.size() && opened < count; ++pos) {
    const std::size_t site = order_[pos];
    if (site == forced) continue;
    value += rho_[site], ++opened;
    if (y) (*y)[site] = 1;
  }
  return opened == count ? value : INF;
}

double SiteProblem::value_closed(std::size_t site) const {
  if (instance_.open_count()) return count_value(site, false, 0, nullptr);
  const double left = total_demand_ - always_capacity_;
  return always_open(site) ? always_sum_ - rho_[site] + cover_.value(left + instance_.capacity(site))
                           : always_sum_ + cover_.value(left);
}

double SiteProblem::value_open(std::size_t site, double rho_open) const {
  if (instance_.open_count()) return count_value(site, true, rho_open, nullptr);
  const double left = total_demand_ - always_capacity_;
  return always_open(site) ? always_sum_ - rho_[site] + rho_open + cover_.value(left)
                           : always_sum_ + rho_open + cover_.value(left - instance_.capacity(site));
}

std::vector<signed char> SiteProblem::fixings(double multiplier_sum, double threshold) const {
  std::vector<signed char> fixed = fixed_;
  for (std::size_t site = 0; site < instance_.site_count(); ++site) {
    if (fixed_[site] != 0) continue;
    if (bound_excludes(multiplier_sum + value_closed(site), threshold)) fixed[site] = 1;
    if (bound_excludes(multiplier_sum + value_open(site, rho_[site]), threshold)) fixed[site] = -1;
  }
  return fixed;
}

}  // namespace guarantor::plan::detail
