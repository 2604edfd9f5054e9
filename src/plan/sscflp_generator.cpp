#include "guarantor/plan/sscflp_generator.hpp"

#include <cmath>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::plan {

namespace {

// Holmberg et al. (1999) ranges: grid, demand, capacity before scaling, fixed cost.
constexpr int GRID_LOW = 10, GRID_HIGH = 200;
constexpr int DEMAND_LOW = 10, DEMAND_HIGH = 50;
constexpr int CAPACITY_LOW = 100, CAPACITY_HIGH = 500;
constexpr int FIXED_LOW = 300, FIXED_HIGH = 700;
// Transport cost per unit of demand and grid unit.
constexpr double COST_PER_UNIT_DISTANCE = 0.1;

// Integer uniform in [low, high] (modulo draw: bias below 1e-17 for these ranges).
double draw(std::mt19937_64& rng, int low, int high) {
  return static_cast<double>(low + static_cast<int>(rng() % static_cast<std::uint64_t>(high - low + 1)));
}

}  // namespace

FacilityLocationInstance generate_single_source_cflp(std::size_t sites, std::size_t customers, std::uint64_t seed,
                                                     double capacity_ratio) {
  if (sites == 0 || customers == 0) {
    throw Error(ErrorCode::Schema, "single-source CFLP generator", "expected at least one site and one customer");
  }
  if (!(capacity_ratio >= 1) || !std::isfinite(capacity_ratio)) {
    throw Error(ErrorCode::Schema, "single-source CFLP generator capacity ratio",
                fmt::format("got {}; expected a finite number >= 1", capacity_ratio));
  }
  std::mt19937_64 rng(seed);
  std::vector<double> site_x(sites), site_y(sites), customer_x(customers), customer_y(customers);
  std::vector<double> capacity(sites), fixed_cost(sites), demand(customers), cost(customers * sites);
  for (std::size_t site = 0; site < sites; ++site) {
    site_x[site] = draw(rng, GRID_LOW, GRID_HIGH), site_y[site] = draw(rng, GRID_LOW, GRID_HIGH);
  }
  for (std::size_t customer = 0; customer < customers; ++customer) {
    customer_x[customer] = draw(rng, GRID_LOW, GRID_HIGH), customer_y[customer] = draw(rng, GRID_LOW, GRID_HIGH);
  }
  double total_demand = 0, total_capacity = 0;
  for (std::size_t customer = 0; customer < customers; ++customer) {
    demand[customer] = draw(rng, DEMAND_LOW, DEMAND_HIGH);
    total_demand += demand[customer];
  }
  for (std::size_t site = 0; site < sites; ++site) {
    capacity[site] = draw(rng, CAPACITY_LOW, CAPACITY_HIGH);
    fixed_cost[site] = draw(rng, FIXED_LOW, FIXED_HIGH);
    total_capacity += capacity[site];
  }
  const double scale = capacity_ratio * total_demand / total_capacity;
  for (double& room : capacity) room = std::max(std::round(room * scale), static_cast<double>(DEMAND_HIGH));
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t site = 0; site < sites; ++site) {
      const double distance = std::hypot(customer_x[customer] - site_x[site], customer_y[customer] - site_y[site]);
      cost[customer * sites + site] = std::floor(distance * demand[customer] * COST_PER_UNIT_DISTANCE + 0.5);
    }
  }
  return {std::move(capacity), std::move(fixed_cost), std::move(demand), std::move(cost)};
}

}  // namespace guarantor::plan
