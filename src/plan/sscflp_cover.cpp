#include "sscflp_cover.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace guarantor::plan::detail {

namespace {
// Cells (sites × requirement values) the exact table may use; one byte each for reconstruction.
constexpr std::size_t COVER_CELL_BUDGET = 10'000'000;
// Requirements within this of an integer count as that integer (integral data).
constexpr double INTEGRAL_TOLERANCE = 1e-9;

}  // namespace

std::size_t SiteCover::cell_of(double requirement) const {
  return static_cast<std::size_t>(std::ceil(requirement / unit_ - INTEGRAL_TOLERANCE));
}

void SiteCover::build(std::vector<CoverSite> sites, double max_requirement, bool integral) {
  sites_ = std::move(sites);
  std::stable_sort(sites_.begin(), sites_.end(), [](const CoverSite& a, const CoverSite& b) {
    return a.rho / a.capacity < b.rho / b.capacity;
  });
  std::uint64_t divisor = 0;
  for (const CoverSite& site : sites_) {
    divisor = std::gcd(divisor, static_cast<std::uint64_t>(std::llround(site.capacity)));
  }
  unit_ = integral && divisor > 0 ? static_cast<double>(divisor) : 1.0;
  const std::size_t cells = max_requirement > 0 ? cell_of(max_requirement) + 1 : 1;
  exact_ = integral && sites_.size() * cells <= COVER_CELL_BUDGET;
  if (!exact_) return;
  cost_.assign(cells, INF);
  cost_[0] = 0;
  take_.assign(sites_.size() * cells, 0);
  for (std::size_t k = 0; k < sites_.size(); ++k) {
    const auto capacity = static_cast<std::size_t>(std::llround(sites_[k].capacity / unit_));
    std::uint8_t* row = take_.data() + k * cells;
    // Requirement descending, so each site is used at most once.
    for (std::size_t r = cells - 1; r >= 1; --r) {
      const double with = cost_[r > capacity ? r - capacity : 0] + sites_[k].rho;
      if (with < cost_[r]) cost_[r] = with, row[r] = 1;
    }
  }
}

double SiteCover::value(double requirement) const {
  if (requirement <= INTEGRAL_TOLERANCE) return 0;
  if (exact_ && cell_of(requirement) < cost_.size()) return cost_[cell_of(requirement)];
  return lp_value(requirement, nullptr);
}

void SiteCover::choose(double requirement, std::vector<double>& y) const {
  if (requirement <= INTEGRAL_TOLERANCE) return;
  if (!exact_ || cell_of(requirement) >= cost_.size() || !(cost_[cell_of(requirement)] < INF)) {
    static_cast<void>(lp_value(requirement, &y));
    return;
  }
  const std::size_t cells = cost_.size();
  std::size_t r = cell_of(requirement);
  for (std::size_t k = sites_.size(); k-- > 0 && r > 0;) {
    if (take_[k * cells + r]) {
      y[sites_[k].site] = 1;
      const auto capacity = static_cast<std::size_t>(std::llround(sites_[k].capacity / unit_));
      r = r > capacity ? r - capacity : 0;
    }
  }
}

double SiteCover::lp_value(double requirement, std::vector<double>* y) const {
  double value = 0, covered = 0;
  for (const CoverSite& site : sites_) {
    if (covered >= requirement) break;
    const double share = std::min(1.0, (requirement - covered) / site.capacity);
    value += share * site.rho, covered += share * site.capacity;
    if (y) (*y)[site.site] = share;
  }
  return covered >= requirement * (1 - INTEGRAL_TOLERANCE) ? value : INF;
}

}  // namespace guarantor::plan::detail
