#include "guarantor/plan/gap_generator.hpp"

#include <cmath>
#include <random>
#include <vector>

#include "guarantor/core/error.hpp"

namespace guarantor::plan {

namespace {

// Share of the average load each agent may carry: 0.8 in all three recipes.
constexpr double CAPACITY_SHARE = 0.8;

class Draws {
public:
  explicit Draws(std::uint64_t seed) : rng_(seed) {}
  /// Integer uniform in [low, high] (modulo draw: bias below 1e-17 for these ranges).
  double integer(int low, int high) {
    return static_cast<double>(low + static_cast<int>(rng_() % static_cast<std::uint64_t>(high - low + 1)));
  }
  /// Uniform in (0, 1]: 53 random bits, shifted up by one step so 0 never occurs.
  double open_unit() { return (static_cast<double>(rng_() >> 11) + 1.0) * 0x1.0p-53; }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

private:
  std::mt19937_64 rng_;
};

}  // namespace

std::optional<GapType> gap_type_from_string(std::string_view text) {
  if (text == "C" || text == "c") return GapType::C;
  if (text == "D" || text == "d") return GapType::D;
  if (text == "E" || text == "e") return GapType::E;
  return std::nullopt;
}

GapInstance generate_gap(GapType type, std::size_t agents, std::size_t jobs, std::uint64_t seed) {
  if (agents == 0 || jobs == 0) {
    throw Error(ErrorCode::Schema, "GAP generator", "expected at least one agent and one job");
  }
  Draws draws(seed);
  std::vector<double> cost(agents * jobs), resource(agents * jobs), capacity(agents);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    for (std::size_t job = 0; job < jobs; ++job) {
      const std::size_t pair = agent * jobs + job;
      switch (type) {
        case GapType::C:
          resource[pair] = draws.integer(5, 25);
          cost[pair] = draws.integer(10, 50);
          break;
        case GapType::D:
          resource[pair] = draws.integer(1, 100);
          cost[pair] = 111 - resource[pair] + draws.integer(-10, 10);
          break;
        case GapType::E:
          resource[pair] = std::floor(1 - 10 * std::log(draws.open_unit()));
          cost[pair] = std::floor(1000 / resource[pair] - 10 * draws.unit());
          break;
      }
    }
  }
  for (std::size_t agent = 0; agent < agents; ++agent) {
    double load = 0;
    for (std::size_t job = 0; job < jobs; ++job) load += resource[agent * jobs + job];
    capacity[agent] = std::floor(CAPACITY_SHARE * load / static_cast<double>(agents));
  }
  return {agents, jobs, std::move(cost), std::move(resource), std::move(capacity)};
}

}  // namespace guarantor::plan
