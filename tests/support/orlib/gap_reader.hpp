#pragma once
// OR-Library gap files: problem count P, then per problem "m n", the m×n cost (or profit)
// matrix by agent, the m×n resource matrix by agent, the m capacities.
#include <string>
#include <vector>

#include "guarantor/plan/generalized_assignment.hpp"

namespace guarantor::orlib {

/// How to read the matrix: OR-Library's gap1–12 optima are for maximising it as a profit.
enum class GapSense { MinimiseCost, MaximiseProfit };

/// Reads every problem of a gap file. MaximiseProfit negates the matrix, so the instance's
/// minimum is minus the maximum profit. Throws Error(Syntax) with "file:line".
std::vector<plan::GapInstance> read_gap(const std::string& path, GapSense sense);

/// Reads a GAP file in either layout, telling them apart by the token count: OR-Library (problem
/// count P first) or single instance ("m n", costs, resources, capacities, no count: Yagiura's
/// C/D/E files). The matrix is kept as written; the solver is told the sense. Throws
/// Error(Syntax) with "file:line".
std::vector<plan::GapInstance> read_gap_file(const std::string& path);

}  // namespace guarantor::orlib
