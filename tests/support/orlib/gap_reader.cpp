#include "gap_reader.hpp"

#include "token_reader.hpp"

namespace guarantor::orlib {

std::vector<plan::GapInstance> read_gap(const std::string& path, GapSense sense) {
  TokenReader reader(path);
  const std::size_t problems = reader.next_count("the problem count");
  std::vector<plan::GapInstance> instances;
  const double sign = sense == GapSense::MaximiseProfit ? -1.0 : 1.0;
  for (std::size_t problem = 0; problem < problems; ++problem) {
    const std::size_t agents = reader.next_count("the agent count m");
    const std::size_t jobs = reader.next_count("the job count n");
    std::vector<double> cost(agents * jobs), resource(agents * jobs), capacity(agents);
    for (double& value : cost) value = sign * reader.next_number("a cost");
    for (double& value : resource) value = reader.next_number("a resource requirement");
    for (double& value : capacity) value = reader.next_number("an agent capacity");
    instances.emplace_back(agents, jobs, std::move(cost), std::move(resource), std::move(capacity));
  }
  if (!reader.at_end()) reader.fail("extra data after the last problem");
  return instances;
}

}  // namespace guarantor::orlib
