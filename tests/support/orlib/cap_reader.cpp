#include "cap_reader.hpp"

#include <vector>

#include <fmt/format.h>

#include "token_reader.hpp"

namespace guarantor::orlib {

plan::FacilityLocationInstance read_cap(const std::string& path, std::optional<double> capacity_override) {
  TokenReader reader(path);
  const std::size_t sites = reader.next_count("the warehouse count m");
  const std::size_t customers = reader.next_count("the customer count n");
  std::vector<double> capacity(sites), fixed_cost(sites), demand(customers), cost(customers * sites);
  for (std::size_t site = 0; site < sites; ++site) {
    if (capacity_override) {
      const std::string word = reader.next_word("a warehouse capacity");
      if (word != "capacity") reader.fail(fmt::format("got '{}'; expected the placeholder 'capacity'", word));
      capacity[site] = *capacity_override;
    } else {
      capacity[site] = reader.next_number("a warehouse capacity");
    }
    fixed_cost[site] = reader.next_number("a warehouse fixed cost");
  }
  for (std::size_t customer = 0; customer < customers; ++customer) {
    demand[customer] = reader.next_number("a customer demand");
    for (std::size_t site = 0; site < sites; ++site) {
      cost[customer * sites + site] = reader.next_number("an allocation cost");
    }
  }
  if (!reader.at_end()) reader.fail(fmt::format("extra data after {} customers", customers));
  return plan::FacilityLocationInstance(std::move(capacity), std::move(fixed_cost), std::move(demand), std::move(cost));
}

}  // namespace guarantor::orlib
