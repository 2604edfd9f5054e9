#include "pmed_reader.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "token_reader.hpp"

namespace guarantor::orlib {

plan::PMedianInstance read_pmed(const std::string& path) {
  TokenReader reader(path);
  const std::size_t vertices = reader.next_count("the vertex count n");
  const std::size_t edges = reader.next_count("the edge count");
  const std::size_t p = reader.next_count("p");
  constexpr double INF = std::numeric_limits<double>::infinity();
  std::vector<double> distance(vertices * vertices, INF);
  for (std::size_t vertex = 0; vertex < vertices; ++vertex) distance[vertex * vertices + vertex] = 0;
  for (std::size_t edge = 0; edge < edges; ++edge) {
    const std::size_t from = reader.next_count("an edge's first vertex");
    const std::size_t to = reader.next_count("an edge's second vertex");
    const double cost = reader.next_number("an edge cost");
    if (from < 1 || from > vertices || to < 1 || to > vertices) {
      reader.fail(fmt::format("edge {}-{}: expected vertices in 1..{}", from, to, vertices));
    }
    if (cost < 0) reader.fail(fmt::format("edge cost {}: expected a non-negative number", cost));
    // OR-Library: a repeated edge overwrites the earlier one (last wins).
    distance[(from - 1) * vertices + (to - 1)] = cost;
    distance[(to - 1) * vertices + (from - 1)] = cost;
  }
  if (!reader.at_end()) reader.fail(fmt::format("extra data after {} edges", edges));
  for (std::size_t via = 0; via < vertices; ++via) {
    const double* via_row = distance.data() + via * vertices;
    for (std::size_t from = 0; from < vertices; ++from) {
      const double to_via = distance[from * vertices + via];
      if (to_via == INF) continue;
      double* row = distance.data() + from * vertices;
      for (std::size_t to = 0; to < vertices; ++to) row[to] = std::min(row[to], to_via + via_row[to]);
    }
  }
  if (std::find(distance.begin(), distance.end(), INF) != distance.end()) {
    reader.fail("the graph is not connected; every vertex must reach every other");
  }
  return plan::PMedianInstance(vertices, vertices, std::move(distance), std::vector<double>(vertices, 1.0), p);
}

}  // namespace guarantor::orlib
