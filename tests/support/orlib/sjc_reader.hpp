#pragma once
// SJC maximal-covering networks (Lorena & Pereira 2002): "n 9999 p S", then n lines "x y demand"
// (planar metres). Every node is a demand point and a candidate site.
#include <string>

#include "guarantor/plan/covering_instance.hpp"

namespace guarantor::orlib {

/// Reads an SJC file; site s covers node d when their Euclidean distance is <= radius_m.
/// Throws Error(FileNotFound) or Error(Syntax) with "file:line".
plan::CoveringInstance read_sjc(const std::string& path, double radius_m);

}  // namespace guarantor::orlib
