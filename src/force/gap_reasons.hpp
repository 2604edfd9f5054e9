#pragma once
// The gap reasons of a requirement line, shared by the force-generation result and its views.
#include <string>
#include <vector>

#include "guarantor/force/force_generation.hpp"

namespace guarantor::force::detail {

/// Why `truth` (a line as generate_force computed it) is short, one sentence per verdict among
/// the assessments of `shown` (the same line, or a view of it cut by disclose()), each naming
/// those assessments' reasons; the eligible total is the truth's. Empty sentences never appear.
std::vector<std::string> explain_gap(const LineResult& shown, const LineResult& truth);

}  // namespace guarantor::force::detail
