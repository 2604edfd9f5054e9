#pragma once
// OR-Library pmed files: "n edges p", then "i j cost" lines (1-based). The cost matrix is built as
// OR-Library prescribes (last duplicate edge wins, then all-pairs shortest paths).
#include <string>

#include "guarantor/plan/p_median.hpp"

namespace guarantor::orlib {

/// Reads a pmed file into an instance (every vertex a customer of weight 1 and a site).
/// Throws Error(FileNotFound) or Error(Syntax) with "file:line".
plan::PMedianInstance read_pmed(const std::string& path);

}  // namespace guarantor::orlib
