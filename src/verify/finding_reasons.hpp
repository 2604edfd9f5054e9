#pragma once
// The order of a finding's reasons (Finding::reasons), visited one at a time: the writers of a
// million findings call this instead of building the list per finding.
#include <functional>
#include <string>

#include "guarantor/verify/judge.hpp"

namespace guarantor::verify::detail {

/// A zone test's reason for an incident located only to an admin area: "location too coarse to
/// judge", naming the area and its uncertainty, then the test's own reason.
std::string coarse_location_reason(const std::string& area, double uncertainty_m, const std::string& reason);

/// Calls `visit` with each of finding.reasons() in order.
void for_each_reason(const Finding& finding, const std::function<void(const std::string&)>& visit);

}  // namespace guarantor::verify::detail
