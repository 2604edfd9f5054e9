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

namespace {

plan::GapInstance read_problem(TokenReader& reader) {
  const std::size_t agents = reader.next_count("the agent count m");
  const std::size_t jobs = reader.next_count("the job count n");
  std::vector<double> cost(agents * jobs), resource(agents * jobs), capacity(agents);
  for (double& value : cost) value = reader.next_number("a cost");
  for (double& value : resource) value = reader.next_number("a resource requirement");
  for (double& value : capacity) value = reader.next_number("an agent capacity");
  return {agents, jobs, std::move(cost), std::move(resource), std::move(capacity)};
}

}  // namespace

std::vector<plan::GapInstance> read_gap_file(const std::string& path) {
  // Single-instance layout: m, n and then exactly 2mn + m numbers.
  bool single = false;
  {
    TokenReader probe(path);
    const double first = probe.next_number("the problem count or the agent count");
    if (!probe.at_end()) {
      const double second = probe.next_number("the job count");
      std::size_t rest = 0;
      while (!probe.at_end()) probe.next_word("a number"), ++rest;
      single = first >= 1 && second >= 1 && static_cast<double>(rest) == 2 * first * second + first;
    }
  }
  TokenReader reader(path);
  std::vector<plan::GapInstance> instances;
  if (single) {
    instances.push_back(read_problem(reader));
  } else {
    const std::size_t problems = reader.next_count("the problem count");
    for (std::size_t problem = 0; problem < problems; ++problem) instances.push_back(read_problem(reader));
  }
  if (!reader.at_end()) reader.fail("extra data after the last problem");
  return instances;
}

}  // namespace guarantor::orlib
