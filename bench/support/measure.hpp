#pragma once
// Shared measuring helpers for the benchmarks: wall time of a callable, medians of repeated runs
// and the process's peak resident set size.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

#include <sys/resource.h>

namespace guarantor::bench {

/// Wall seconds taken by f().
template <typename F>
double seconds_of(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Median, minimum and maximum of a sample (not empty).
struct Spread {
  double median = 0, min = 0, max = 0;
};
inline Spread spread_of(std::vector<double> sample) {
  std::sort(sample.begin(), sample.end());
  const std::size_t n = sample.size();
  const double median = n % 2 ? sample[n / 2] : (sample[n / 2 - 1] + sample[n / 2]) / 2.0;
  return {median, sample.front(), sample.back()};
}

/// Peak resident set size of this process so far, MiB (Linux reports ru_maxrss in KiB).
inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace guarantor::bench
