#include "sscflp_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace guarantor::plan::detail {

namespace {

// build_sscflp_model adds the site columns first, then the x columns in `pair` order.
std::size_t first_pair_column(const SscflpModel& model) {
  return static_cast<std::size_t>(
      std::count_if(model.site_column.begin(), model.site_column.end(), [](int column) { return column >= 0; }));
}

}  // namespace

SscflpModel build_sscflp_model(const FacilityLocationInstance& instance, const std::vector<signed char>& site_fixed,
                               const std::vector<char>& pair_removed, bool aggregate_row) {
  SscflpModel out;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  auto fixed = [&](std::size_t site) { return site_fixed.empty() ? 0 : site_fixed[site]; };
  auto removed = [&](std::size_t customer, std::size_t site) {
    return fixed(site) < 0 || instance.demand(customer) > instance.capacity(site) ||
           (!pair_removed.empty() && pair_removed[customer * sites + site]);
  };
  out.site_column.assign(sites, -1);
  for (std::size_t site = 0; site < sites; ++site) {
    if (fixed(site) >= 0) {
      out.site_column[site] = out.model.add_column(instance.fixed_cost(site), fixed(site) > 0 ? 1.0 : 0.0, 1.0, true);
    }
  }
  std::vector<std::vector<int>> site_members(sites);
  std::vector<std::vector<double>> site_demands(sites);
  std::vector<int> columns;
  std::vector<double> ones;
  double total_demand = 0;
  for (std::size_t customer = 0; customer < customers; ++customer) {
    total_demand += instance.demand(customer);
    columns.clear();
    for (std::size_t site = 0; site < sites; ++site) {
      if (removed(customer, site)) continue;
      const int column = out.model.add_column(instance.allocation_cost(customer, site), 0.0, 1.0, true);
      out.pair.emplace_back(customer, site);
      columns.push_back(column);
      site_members[site].push_back(column);
      site_demands[site].push_back(instance.demand(customer));
      // x_cs <= y_s: the strong linking row, which makes the LP bound worth branching on.
      const int link[] = {column, out.site_column[site]};
      const double sign[] = {1.0, -1.0};
      out.model.add_row(-MilpModel::INF, 0.0, link, sign);
    }
    if (columns.empty()) out.customer_without_pair = true;
    ones.assign(columns.size(), 1.0);
    out.model.add_row(1.0, 1.0, columns, ones);
  }
  for (std::size_t site = 0; site < sites; ++site) {
    if (out.site_column[site] < 0) continue;
    site_members[site].push_back(out.site_column[site]);
    site_demands[site].push_back(-instance.capacity(site));
    out.model.add_row(-MilpModel::INF, 0.0, site_members[site], site_demands[site]);
  }
  columns.clear(), ones.clear();
  std::vector<double> capacities;
  for (std::size_t site = 0; site < sites; ++site) {
    if (out.site_column[site] < 0) continue;
    columns.push_back(out.site_column[site]);
    capacities.push_back(instance.capacity(site));
    ones.push_back(1.0);
  }
  if (aggregate_row) out.model.add_row(total_demand, MilpModel::INF, columns, capacities);
  if (const auto count = instance.open_count()) {
    out.model.add_row(static_cast<double>(*count), static_cast<double>(*count), columns, ones);
  }
  return out;
}

void add_lagrangian_site_cuts(const FacilityLocationInstance& instance, SscflpModel& model,
                              const std::vector<double>& multipliers, const std::vector<double>& reduced_costs) {
  const std::size_t sites = instance.site_count();
  const std::size_t first_x = first_pair_column(model);
  std::vector<std::vector<int>> columns(sites);
  std::vector<std::vector<double>> profits(sites);
  for (std::size_t k = 0; k < model.pair.size(); ++k) {
    const auto [customer, site] = model.pair[k];
    columns[site].push_back(static_cast<int>(first_x + k));
    profits[site].push_back(multipliers[customer] - instance.allocation_cost(customer, site));
  }
  for (std::size_t site = 0; site < sites; ++site) {
    if (model.site_column[site] < 0 || columns[site].empty() || !std::isfinite(reduced_costs[site])) continue;
    columns[site].push_back(model.site_column[site]);
    profits[site].push_back(-(instance.fixed_cost(site) - reduced_costs[site]));
    model.model.add_row(-MilpModel::INF, 0.0, columns[site], profits[site]);
  }
}

SingleSourceSolution read_sscflp_solution(const FacilityLocationInstance& instance, const SscflpModel& model,
                                          const std::vector<double>& values) {
  SingleSourceSolution solution;
  const std::size_t sites = instance.site_count();
  solution.site_of_customer.assign(instance.customer_count(), std::numeric_limits<std::size_t>::max());
  const std::size_t first_x = first_pair_column(model);
  for (std::size_t k = 0; k < model.pair.size(); ++k) {
    if (values[first_x + k] > 0.5) solution.site_of_customer[model.pair[k].first] = model.pair[k].second;
  }
  for (std::size_t site = 0; site < sites; ++site) {
    if (model.site_column[site] >= 0 && values[static_cast<std::size_t>(model.site_column[site])] > 0.5) {
      solution.open_sites.push_back(site);
    }
  }
  return solution;
}

}  // namespace guarantor::plan::detail
