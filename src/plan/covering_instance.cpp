#include "guarantor/plan/covering_instance.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::plan {

CoveringInstance::CoveringInstance(std::size_t site_count, std::vector<double> demand_weight,
                                   std::vector<std::vector<std::size_t>> covering_sites,
                                   std::vector<double> site_cost)
    : site_count_(site_count),
      demand_weight_(std::move(demand_weight)),
      site_cost_(std::move(site_cost)),
      covering_sites_(std::move(covering_sites)) {
  DiagnosticSink sink;
  if (site_cost_.empty()) site_cost_.assign(site_count, 1.0);
  if (site_cost_.size() != site_count) {
    sink.add(ErrorCode::Schema, "covering site costs",
             fmt::format("got {} costs; expected one per site ({})", site_cost_.size(), site_count));
  }
  if (covering_sites_.size() != demand_weight_.size()) {
    sink.add(ErrorCode::Schema, "covering sites",
             fmt::format("got {} lists; expected one per demand point ({})", covering_sites_.size(),
                         demand_weight_.size()));
  }
  sink.throw_if_any();
  for (std::size_t site = 0; site < site_count; ++site) {
    if (!(site_cost_[site] >= 0) || !std::isfinite(site_cost_[site])) {
      sink.add(ErrorCode::Schema, fmt::format("covering site costs[{}]", site),
               fmt::format("got {}; expected a finite non-negative number", site_cost_[site]));
    }
  }
  covered_demands_.resize(site_count);
  for (std::size_t demand = 0; demand < demand_weight_.size(); ++demand) {
    if (!(demand_weight_[demand] >= 0) || !std::isfinite(demand_weight_[demand])) {
      sink.add(ErrorCode::Schema, fmt::format("covering demand weights[{}]", demand),
               fmt::format("got {}; expected a finite non-negative number", demand_weight_[demand]));
    }
    std::vector<std::size_t>& sites = covering_sites_[demand];
    std::sort(sites.begin(), sites.end());
    sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
    for (std::size_t site : sites) {
      if (site >= site_count) {
        sink.add(ErrorCode::Schema, fmt::format("covering sites[{}]", demand),
                 fmt::format("site {} out of range; expected < {}", site, site_count));
      } else {
        covered_demands_[site].push_back(demand);
      }
    }
  }
  sink.throw_if_any();
}

double covered_weight(const CoveringInstance& instance, const std::vector<std::size_t>& open_sites) {
  const CoveringSolution solution = covering_solution(instance, open_sites);
  double total = 0;
  for (std::size_t demand = 0; demand < instance.demand_count(); ++demand) {
    if (solution.covered[demand]) total += instance.demand_weight(demand);
  }
  return total;
}

CoveringSolution covering_solution(const CoveringInstance& instance, std::vector<std::size_t> open_sites) {
  std::sort(open_sites.begin(), open_sites.end());
  CoveringSolution solution;
  solution.covered.assign(instance.demand_count(), 0);
  for (std::size_t site : open_sites) {
    for (std::size_t demand : instance.covered_demands(site)) solution.covered[demand] = 1;
  }
  solution.open_sites = std::move(open_sites);
  return solution;
}

}  // namespace guarantor::plan
