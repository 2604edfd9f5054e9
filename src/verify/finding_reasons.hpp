#pragma once
// The order of a finding's reasons (Finding::reasons), visited without copying them: the
// writers of a million findings call this instead of building the list per finding.
#include <functional>
#include <string>

#include "guarantor/verify/judge.hpp"

namespace guarantor::verify::detail {

/// Calls `visit` with each of finding.reasons() in order.
void for_each_reason(const Finding& finding, const std::function<void(const std::string&)>& visit);

}  // namespace guarantor::verify::detail
