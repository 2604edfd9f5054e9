#pragma once
// Small seeded random instances for the brute-force oracles.
#include <cstddef>
#include <random>
#include <vector>

namespace guarantor::plan::testing {

/// Integer-valued matrix of `count` entries uniform in [low, high], from `rng`.
inline std::vector<double> random_values(std::mt19937_64& rng, std::size_t count, int low, int high) {
  std::uniform_int_distribution<int> draw(low, high);
  std::vector<double> values(count);
  for (double& value : values) value = draw(rng);
  return values;
}

/// Calls visit(subset) for every subset of {0..n-1} of size k, in lexicographic order.
template <class Visit>
void for_each_subset(std::size_t n, std::size_t k, Visit&& visit) {
  std::vector<std::size_t> subset(k);
  for (std::size_t i = 0; i < k; ++i) subset[i] = i;
  if (k > n) return;
  while (true) {
    visit(subset);
    std::size_t i = k;
    while (i > 0 && subset[i - 1] == n - k + i - 1) --i;
    if (i == 0) return;
    ++subset[i - 1];
    for (std::size_t j = i; j < k; ++j) subset[j] = subset[j - 1] + 1;
  }
}

}  // namespace guarantor::plan::testing
