#pragma once
// The force-protection part of the plan page: each protection line (air and missile defence from
// the first arrival, surgery within 2 h, escort of forward sites) with its gaps and the days
// uncovered, then every site where units are with its figures.
#include <string>

#include "guarantor/planner/plan.hpp"

namespace guarantor::report::detail {

/// Static HTML (escaped); "" when the plan measured no protection lines.
std::string render_protection_section(const planner::Plan& plan);

}  // namespace guarantor::report::detail
