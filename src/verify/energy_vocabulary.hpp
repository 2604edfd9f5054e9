#pragma once
// The target vocabulary in English, Ukrainian and Russian: which words name which kind of
// target, energy kinds first. Measured on tests/data/verify/energy_labelled.csv (docs/verifier.md).
#include <string_view>

#include "guarantor/verify/report.hpp"

namespace guarantor::verify::detail {

/// The target kind `lower` (already lower-cased by to_lower_utf8) names, Unknown when none.
TargetKind classify_target_lower(std::string_view lower);

}  // namespace guarantor::verify::detail
