#include "cflp_model.hpp"

namespace guarantor::plan::detail {

CflpModel build_cflp_model(const FacilityLocationInstance& instance, const std::vector<signed char>& site_fixed) {
  CflpModel out;
  const std::size_t sites = instance.site_count(), customers = instance.customer_count();
  auto fixed = [&](std::size_t site) { return site_fixed.empty() ? 0 : site_fixed[site]; };
  out.site_column.assign(sites, -1);
  for (std::size_t site = 0; site < sites; ++site) {
    if (fixed(site) < 0) continue;
    out.site_column[site] =
        out.model.add_column(instance.fixed_cost(site), fixed(site) > 0 ? 1.0 : 0.0, 1.0, true);
    out.kept_sites.push_back(site);
  }
  const std::size_t kept = out.kept_sites.size();
  const int first_x = static_cast<int>(kept);
  for (std::size_t customer = 0; customer < customers; ++customer) {
    for (std::size_t site : out.kept_sites) out.model.add_column(instance.allocation_cost(customer, site), 0.0, 1.0, false);
  }
  auto x = [&](std::size_t customer, std::size_t pos) { return first_x + static_cast<int>(customer * kept + pos); };
  std::vector<int> columns;
  std::vector<double> coefficients;
  double total_demand = 0;
  for (std::size_t customer = 0; customer < customers; ++customer) {
    columns.clear();
    for (std::size_t pos = 0; pos < kept; ++pos) columns.push_back(x(customer, pos));
    coefficients.assign(kept, 1.0);
    out.model.add_row(1.0, 1.0, columns, coefficients);
    total_demand += instance.demand(customer);
  }
  for (std::size_t pos = 0; pos < kept; ++pos) {
    const std::size_t site = out.kept_sites[pos];
    columns.assign(1, static_cast<int>(pos));
    coefficients.assign(1, -instance.capacity(site));
    for (std::size_t customer = 0; customer < customers; ++customer) {
      columns.push_back(x(customer, pos));
      coefficients.push_back(instance.demand(customer));
      // A site fixed open needs no link: its y is 1.
      if (fixed(site) > 0) continue;
      const int link[] = {x(customer, pos), static_cast<int>(pos)};
      const double sign[] = {1.0, -1.0};
      out.model.add_row(-MilpModel::INF, 0.0, link, sign);
    }
    out.model.add_row(-MilpModel::INF, 0.0, columns, coefficients);
  }
  columns.clear(), coefficients.clear();
  for (std::size_t pos = 0; pos < kept; ++pos) {
    columns.push_back(static_cast<int>(pos));
    coefficients.push_back(instance.capacity(out.kept_sites[pos]));
  }
  out.model.add_row(total_demand, MilpModel::INF, columns, coefficients);
  if (const auto count = instance.open_count()) {
    coefficients.assign(kept, 1.0);
    out.model.add_row(static_cast<double>(*count), static_cast<double>(*count), columns, coefficients);
  }
  return out;
}

FacilityLocationSolution read_cflp_solution(const FacilityLocationInstance& instance, const CflpModel& model,
                                            const std::vector<double>& values) {
  const std::size_t sites = instance.site_count(), kept = model.kept_sites.size();
  FacilityLocationSolution solution;
  solution.fraction.assign(instance.customer_count() * sites, 0.0);
  for (std::size_t pos = 0; pos < kept; ++pos) {
    // Binary columns come back as 0/1 up to CBC's integrality tolerance.
    if (values[pos] > 0.5) solution.open_sites.push_back(model.kept_sites[pos]);
  }
  for (std::size_t customer = 0; customer < instance.customer_count(); ++customer) {
    for (std::size_t pos = 0; pos < kept; ++pos) {
      solution.fraction[customer * sites + model.kept_sites[pos]] = values[kept + customer * kept + pos];
    }
  }
  return solution;
}

}  // namespace guarantor::plan::detail
