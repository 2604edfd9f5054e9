#pragma once
// Raising the single-source CFLP's bound by levels (a cut-and-solve in the manner of Climer &
// Zhang 2006 and Gadegaard, Klose & Nielsen 2018, with the reduced-cost fixing of the Lagrangian
// as the cut): for a level L between the bound and the incumbent, every solution of cost below L
// uses only the sites and pairs that reduced-cost fixing at threshold L leaves, so CBC on that
// reduced MILP with cutoff L either finds the best solution below L (then optimal: nothing
// cheaper lies outside the model) or proves there is none (then L is a lower bound). The
// Lagrangian bound at the root is already the knapsack-hull bound (a longer or better-aimed
// subgradient, and fixing pairs or sites before re-solving the dual, did not move it), while a
// level just above it leaves a model of a few thousand columns that CBC settles in seconds. Each
// level's model may carry the sites' Lagrangian cuts at the same multipliers
// (add_lagrangian_site_cuts), which lift CBC's LP from the strong LP to the Lagrangian bound.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "guarantor/plan/facility_location.hpp"
#include "sscflp_lagrangian.hpp"
#include "sscflp_search.hpp"
#include "stopwatch.hpp"

namespace guarantor::plan::detail {

// Columns of the first level's reduced model, and the factor between levels. CBC's time grows
// much faster than linearly in the columns (measured on generated 100 × 500 and 200 × 1000:
// 1,600–3,200 columns took 0.3–11 s, 5,000–6,600 columns 47–78 s), so small steps keep each
// level's proof short and leave what cannot be finished to the last one.
inline constexpr std::size_t FIRST_LEVEL_COLUMNS = 1500;
inline constexpr double LEVEL_GROWTH = 1.5;
// A level's model gets the sites' Lagrangian cuts when they lift CBC's LP (to the Lagrangian
// bound) by at least this many times the distance from that bound to the level. Measured on
// generated instances, levels alone: 200 × 1000 seeds 1 and 2 (lift 126 and 159; levels 8–34
// above the bound) proved their levels 3–5 times faster with the cuts (seed 1, 3,709 columns:
// 6.9 s against over 29 s), while 100 × 500 seed 1 (lift 55; levels 35–81 above) took 2–8 times
// longer with them (5,028 columns: 19.8 s against 2.5–2.8 s).
inline constexpr double LAGRANGIAN_CUT_RATIO = 2.0;

struct LevelSettings {
  double bound = 0;                                 ///< proven lower bound before the phase
  double step = 0;                                  ///< objective resolution (1 for integer costs, else 0)
  std::uint64_t move_budget = 0;                    ///< local-search moves per solution CBC finds
  std::uint64_t node_limit = 0;                     ///< CBC nodes per level (deterministic mode), 0 = clock only
  double solve_limit_s = 0;                         ///< the whole solve's limit (CBC's grace past its deadline)
  std::size_t column_limit = 0;                     ///< largest reduced model handed to CBC
  std::size_t first_columns = FIRST_LEVEL_COLUMNS;  ///< the first level's reduced model, columns
  double cut_ratio = LAGRANGIAN_CUT_RATIO;          ///< −inf: every level's model gets the Lagrangian cuts
};

struct LevelOutcome {
  double bound = 0;          ///< the highest level proven free of cheaper solutions
  bool optimal = false;      ///< the incumbent is proven optimal
  bool out_of_time = false;  ///< a level's CBC run ended unfinished (the clock or its nodes)
  std::size_t levels = 0;    ///< levels proven
  std::size_t columns = 0;   ///< columns of the last reduced model handed to CBC
};

/// Raises the bound level by level from `settings.bound` toward the incumbent, each level's
/// reduced model about `LEVEL_GROWTH` times the previous one's columns, until the incumbent is
/// proven, a level's CBC run does not finish, or the next model would pass the column limit.
/// `multipliers`: the best root multipliers (the fixing is taken there). Requires an incumbent.
LevelOutcome raise_bound_by_levels(const FacilityLocationInstance& instance, SscflpLagrangian& lagrangian,
                                   const std::vector<double>& multipliers, SscflpSearch& search,
                                   const LevelSettings& settings, const Stopwatch& clock,
                                   const std::function<bool()>& stop);

}  // namespace guarantor::plan::detail
