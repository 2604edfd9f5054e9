#pragma once
// Single-source CFLP files in the layout of the Holmberg, Rönnqvist & Yuan (1999) sets as
// distributed by Guastaroba & Speranza (Brescia OR group; the same layout carries their
// OR-Library and Yang et al. sets): "|J| |I|"; per facility "capacity fixed_cost"; the |I|
// demands; then the cost matrix facility by facility, c_ji = cost of serving all of customer
// i's demand from facility j; optionally a last number, the optimal value.
// (OR-Library's own cap layout, customer-major, is read by cap_reader.)
#include <optional>
#include <string>

#include "guarantor/plan/facility_location.hpp"

namespace guarantor::orlib {

/// An instance and the optimum the file states, if any.
struct SingleSourceFile {
  plan::FacilityLocationInstance instance;
  std::optional<double> stated_optimum;
};

/// Reads a file of that layout. Throws Error(FileNotFound), or Error(Syntax) at "file:line"
/// naming what was expected, or Error(Schema) for negative numbers.
SingleSourceFile read_sscflp_holmberg(const std::string& path);

}  // namespace guarantor::orlib
