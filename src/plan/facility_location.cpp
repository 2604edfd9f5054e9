#include "guarantor/plan/facility_location.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "milp.hpp"

namespace guarantor::plan {

namespace {

void check_non_negative(DiagnosticSink& sink, const char* what, const std::vector<double>& values) {
  for (std::size_t index = 0; index < values.size(); ++index) {
    if (!(values[index] >= 0) || !std::isfinite(values[index])) {
      sink.add(ErrorCode::Schema, fmt::format("facility location {}[{}]", what, index),
               fmt::format("got {}; expected a finite non-negative number", values[index]));
    }
  }
}

}  // namespace

FacilityLocationInstance::FacilityLocationInstance(std::vector<double> capacity, std::vector<double> fixed_cost,
                                                   std::vector<double> demand, std::vector<double> allocation_cost,
                                                   std::optional<std::size_t> open_count)
    : capacity_(std::move(capacity)), fixed_cost_(std::move(fixed_cost)), demand_(std::move(demand)),
      allocation_cost_(std::move(allocation_cost)), open_count_(open_count) {
  DiagnosticSink sink;
  if (fixed_cost_.size() != capacity_.size()) {
    sink.add(ErrorCode::Schema, "facility location fixed costs",
             fmt::format("got {}; expected one per site ({})", fixed_cost_.size(), capacity_.size()));
  }
  if (allocation_cost_.size() != demand_.size() * capacity_.size()) {
    sink.add(ErrorCode::Schema, "facility location allocation costs",
             fmt::format("got {} entries; expected customers × sites = {} × {}", allocation_cost_.size(),
                         demand_.size(), capacity_.size()));
  }
  sink.throw_if_any();
  check_non_negative(sink, "capacity", capacity_);
  check_non_negative(sink, "fixed cost", fixed_cost_);
  check_non_negative(sink, "demand", demand_);
  check_non_negative(sink, "allocation cost", allocation_cost_);
  sink.throw_if_any();
}

double facility_location_cost(const FacilityLocationInstance& instance, const FacilityLocationSolution& solution) {
  double total = 0;
  for (std::size_t site : solution.open_sites) total += instance.fixed_cost(site);
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    for (std::size_t site = 0; site < instance.site_count(); ++site) {
      total += solution.fraction[customer * instance.site_count() + site] * instance.allocation_cost(customer, site);
    }
  }
  return total;
}

std::optional<FacilityLocationSolution> allocate(const FacilityLocationInstance& instance,
                                                 std::vector<std::size_t> open_sites) {
  std::sort(open_sites.begin(), open_sites.end());
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  double open_capacity = 0, total_demand = 0;
  for (std::size_t site : open_sites) open_capacity += instance.capacity(site);
  for (std::size_t customer = 0; customer < customers; ++customer) total_demand += instance.demand(customer);
  if (open_capacity < total_demand) return std::nullopt;
  // Transportation LP: x_cs = fraction of c served by open s.
  detail::MilpModel model;
  std::vector<int> columns;
  std::vector<double> coefficients(open_sites.size(), 1.0);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    columns.clear();
    for (std::size_t site : open_sites) {
      columns.push_back(model.add_column(instance.allocation_cost(customer, site), 0.0, 1.0, false));
    }
    model.add_row(1.0, 1.0, columns, coefficients);
  }
  for (std::size_t pos = 0; pos < open_sites.size(); ++pos) {
    columns.clear();
    std::vector<double> demands;
    for (std::size_t customer = 0; customer < customers; ++customer) {
      columns.push_back(static_cast<int>(customer * open_sites.size() + pos));
      demands.push_back(instance.demand(customer));
    }
    model.add_row(-detail::MilpModel::INF, instance.capacity(open_sites[pos]), columns, demands);
  }
  const detail::LpOutcome lp = detail::solve_lp(model);
  if (!lp.optimal) return std::nullopt;
  FacilityLocationSolution solution;
  solution.fraction.assign(customers * sites, 0.0);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t pos = 0; pos < open_sites.size(); ++pos) {
      solution.fraction[customer * sites + open_sites[pos]] = lp.values[customer * open_sites.size() + pos];
    }
  }
  solution.open_sites = std::move(open_sites);
  return solution;
}

}  // namespace guarantor::plan
