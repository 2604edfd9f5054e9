#include "sjc_reader.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "token_reader.hpp"

namespace guarantor::orlib {

plan::CoveringInstance read_sjc(const std::string& path, double radius_m) {
  TokenReader reader(path);
  const std::size_t nodes = reader.next_count("the node count n");
  // The rest of the header ("9999 p S") holds placeholders: p and S are chosen per experiment.
  reader.next_word("the header's second field");
  reader.next_word("the header's placeholder p");
  reader.next_word("the header's placeholder S");
  std::vector<double> x(nodes), y(nodes), demand(nodes);
  for (std::size_t node = 0; node < nodes; ++node) {
    x[node] = reader.next_number("a node's x coordinate (m)");
    y[node] = reader.next_number("a node's y coordinate (m)");
    demand[node] = reader.next_number("a node's demand");
    if (demand[node] < 0) reader.fail(fmt::format("demand {}: expected a non-negative number", demand[node]));
  }
  if (!reader.at_end()) reader.fail(fmt::format("extra data after {} nodes", nodes));
  std::vector<std::vector<std::size_t>> covering(nodes);
  for (std::size_t node = 0; node < nodes; ++node) {
    for (std::size_t site = 0; site < nodes; ++site) {
      if (std::hypot(x[node] - x[site], y[node] - y[site]) <= radius_m) covering[node].push_back(site);
    }
  }
  return plan::CoveringInstance(nodes, std::move(demand), std::move(covering));
}

}  // namespace guarantor::orlib
