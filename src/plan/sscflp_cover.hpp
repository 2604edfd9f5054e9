#pragma once
// The site part of the single-source CFLP Lagrangian: with every site of reduced fixed cost
// ρ_s <= 0 open, cover the remaining demand r by sites of ρ_s > 0 at least cost,
//   min Σ ρ_s y_s  subject to  Σ Q_s y_s >= r,  y binary
// (a 0-1 covering knapsack; keeping it integral is what lifts the bound above the LP's when
// capacities are lumpy, as in Beasley 1988's CFLP dual). Exact by dynamic programming over the
// requirement on integer capacities within a table budget; otherwise its LP (fill by ρ/Q), which
// is never larger, so the Lagrangian value stays a lower bound. The table counts in units of the
// capacities' greatest common divisor (Σ Q y ≥ r ⟺ Σ (Q/g) y ≥ ⌈r/g⌉ when every Q is a multiple
// of g), so equal capacities, as in OR-Library's capa–capc, need a table of a few cells.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace guarantor::plan::detail {

struct CoverSite {
  std::size_t site = 0;
  double rho = 0;       ///< > 0
  double capacity = 0;  ///< > 0
};

class SiteCover {
public:
  static constexpr double INF = std::numeric_limits<double>::infinity();

  /// Prepares requirements up to `max_requirement`; `integral`: capacities are integers.
  void build(std::vector<CoverSite> sites, double max_requirement, bool integral);
  /// Least cost covering at least `requirement` (0 when it is <= 0; +inf when every site
  /// together falls short). Exact within the prepared range when built exactly.
  [[nodiscard]] double value(double requirement) const;
  /// Sets y for the cover of `requirement` (1 per chosen site; the LP's last site fractional).
  void choose(double requirement, std::vector<double>& y) const;
  [[nodiscard]] bool exact() const { return exact_; }

private:
  [[nodiscard]] double lp_value(double requirement, std::vector<double>* y) const;

  [[nodiscard]] std::size_t cell_of(double requirement) const;

  std::vector<CoverSite> sites_;  // by ρ/Q ascending
  bool exact_ = false;
  double unit_ = 1;                 // DP: the capacities' greatest common divisor
  std::vector<double> cost_;        // DP: least cost covering at least r, r = 0..range
  std::vector<std::uint8_t> take_;  // DP: site k improved cell r (sites × cells)
};

}  // namespace guarantor::plan::detail
