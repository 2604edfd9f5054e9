#pragma once
// HiGHS as the second MILP solver of the textbook baselines (SolveOptions::textbook_milp_solver):
// Node runs highs_milp.cjs, which solves the MPS file with the npm package "highs" (HiGHS compiled
// to WebAssembly, single-threaded) and prints its answer as JSON. Installed by scripts/setup.sh
// (package.json); nothing is downloaded when it runs.
#include <string>

#include "guarantor/plan/solve_result.hpp"

namespace guarantor::highs {

/// Empty when Node and the npm package are installed; otherwise what is missing.
std::string missing();

/// The solver. Throws guarantor::Error (code solver) naming what failed when Node, the package
/// or HiGHS cannot run the model.
plan::ExternalMilpSolver milp_solver();

}  // namespace guarantor::highs
