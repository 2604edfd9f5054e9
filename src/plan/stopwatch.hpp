#pragma once
// Wall-clock time since a solve began; every phase asks it how much of the limit is left.
#include <chrono>

namespace guarantor::plan::detail {

class Stopwatch {
public:
  explicit Stopwatch(double limit_s) : start_(std::chrono::steady_clock::now()), limit_s_(limit_s) {}
  /// Seconds since construction.
  [[nodiscard]] double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  /// Seconds left before the limit, never negative.
  [[nodiscard]] double remaining() const {
    const double left = limit_s_ - elapsed();
    return left > 0 ? left : 0;
  }
  [[nodiscard]] bool expired() const { return remaining() <= 0; }

private:
  std::chrono::steady_clock::time_point start_;
  double limit_s_;
};

}  // namespace guarantor::plan::detail
