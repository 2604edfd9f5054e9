#pragma once
// OR-Library cap files (Beasley 1988): "m n"; per warehouse "capacity fixed_cost"; per customer
// "demand" then m costs of serving all of its demand from each warehouse.
#include <optional>
#include <string>

#include "guarantor/plan/facility_location.hpp"

namespace guarantor::orlib {

/// Reads a cap file. capa/capb/capc hold the literal word "capacity": pass capacity_override
/// (one of Beasley's four values per file) for them. Throws Error(Syntax) with "file:line".
plan::FacilityLocationInstance read_cap(const std::string& path, std::optional<double> capacity_override = {});

}  // namespace guarantor::orlib
