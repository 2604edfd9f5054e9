#include "guarantor/plan/p_median.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::plan {

PMedianInstance::PMedianInstance(std::size_t customer_count, std::size_t site_count,
                                 std::vector<double> distance, std::vector<double> weight, std::size_t p)
    : customer_count_(customer_count), site_count_(site_count), p_(p), cost_(std::move(distance)) {
  DiagnosticSink sink;
  if (cost_.size() != customer_count * site_count) {
    sink.add(ErrorCode::Schema, "p-median distance matrix",
             fmt::format("got {} entries; expected customers × sites = {} × {}", cost_.size(),
                         customer_count, site_count));
  }
  if (weight.size() != customer_count) {
    sink.add(ErrorCode::Schema, "p-median weights",
             fmt::format("got {} weights; expected one per customer ({})", weight.size(), customer_count));
  }
  sink.throw_if_any();
  for (std::size_t customer = 0; customer < customer_count; ++customer) {
    if (!(weight[customer] >= 0) || !std::isfinite(weight[customer])) {
      sink.add(ErrorCode::Schema, fmt::format("p-median weights[{}]", customer),
               fmt::format("got {}; expected a finite non-negative number", weight[customer]));
    }
    for (std::size_t site = 0; site < site_count; ++site) {
      double& entry = cost_[customer * site_count + site];
      if (!(entry >= 0) || !std::isfinite(entry)) {
        sink.add(ErrorCode::Schema, fmt::format("p-median distance[{}][{}]", customer, site),
                 fmt::format("got {}; expected a finite non-negative number", entry));
      }
      entry *= weight[customer];
    }
  }
  sink.throw_if_any();
}

double p_median_cost(const PMedianInstance& instance, const std::vector<std::size_t>& open_sites) {
  double total = 0;
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    double nearest = std::numeric_limits<double>::infinity();
    for (std::size_t site : open_sites) nearest = std::min(nearest, instance.cost(customer, site));
    total += nearest;
  }
  return total;
}

PMedianSolution p_median_assign(const PMedianInstance& instance, std::vector<std::size_t> open_sites) {
  std::sort(open_sites.begin(), open_sites.end());
  PMedianSolution solution;
  solution.assigned_site.resize(instance.customer_count());
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    std::size_t best_site = open_sites.empty() ? 0 : open_sites.front();
    for (std::size_t site : open_sites) {
      // Ties go to the lowest site index, so the assignment is reproducible.
      if (instance.cost(customer, site) < instance.cost(customer, best_site)) best_site = site;
    }
    solution.assigned_site[customer] = best_site;
  }
  solution.open_sites = std::move(open_sites);
  return solution;
}

}  // namespace guarantor::plan
