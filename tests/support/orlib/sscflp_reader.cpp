#include "sscflp_reader.hpp"

#include <vector>

#include <fmt/format.h>

#include "token_reader.hpp"

namespace guarantor::orlib {

SingleSourceFile read_sscflp_holmberg(const std::string& path) {
  TokenReader reader(path);
  const std::size_t sites = reader.next_count("the facility count |J|");
  const std::size_t customers = reader.next_count("the customer count |I|");
  if (sites == 0) reader.fail("got 0 facilities; expected at least one");
  std::vector<double> capacity(sites), fixed_cost(sites), demand(customers), cost(customers * sites);
  for (std::size_t site = 0; site < sites; ++site) {
    capacity[site] = reader.next_number("a facility capacity");
    fixed_cost[site] = reader.next_number("a facility fixed cost");
  }
  for (std::size_t customer = 0; customer < customers; ++customer) demand[customer] = reader.next_number("a customer demand");
  // Facility-major in the file, customer-major in the instance.
  for (std::size_t site = 0; site < sites; ++site) {
    for (std::size_t customer = 0; customer < customers; ++customer) {
      cost[customer * sites + site] = reader.next_number("an allocation cost");
    }
  }
  std::optional<double> optimum;
  if (!reader.at_end()) optimum = reader.next_number("the optimal value (optional, last)");
  if (!reader.at_end()) {
    reader.fail(fmt::format("extra data after the {} x {} cost matrix and the optimal value", sites, customers));
  }
  return {plan::FacilityLocationInstance(std::move(capacity), std::move(fixed_cost), std::move(demand), std::move(cost)),
          optimum};
}

}  // namespace guarantor::orlib
