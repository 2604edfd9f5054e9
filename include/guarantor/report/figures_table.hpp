#pragma once
// The headline figures (guarantor/force/figures.hpp) as every page prints them: one row per
// figure, its value and its definition, the same rows in the same order on the theatre page's
// force-generation section and on the plan page.
#include <string>
#include <string_view>

#include "guarantor/force/figures.hpp"

namespace guarantor::report {

/// The figures a rotation pool recorded, for printing: a force-generation phase's
/// (force::RotationPool) or a plan's (planner::RotationPool), which hold the same figures.
template <typename Pool>
force::ForceFigures figures_of(const Pool& pool) {
  force::ForceFigures f;
  f.pledged_personnel = pool.pledged_personnel;
  f.eligible_personnel = pool.eligible_personnel;
  f.deployed_personnel = pool.deployed_personnel;
  f.rotating_personnel = pool.rotating_personnel;
  f.rotation_factor = pool.rotation_factor;
  f.required_pool = pool.required_pool;
  f.pool_personnel = pool.pool_personnel;
  f.shortfall = pool.shortfall;
  return f;
}

/// An HTML table (id `table_id`) of the figures with their definitions; `source` is the rotation
/// factor's source, printed under it.
std::string figures_table(const force::ForceFigures& figures, std::string_view table_id, std::string_view source);

}  // namespace guarantor::report
