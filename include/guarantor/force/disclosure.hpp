#pragma once
// The force-generation result as one viewer may see it. A nation chooses how much of its
// pledges others see (in full, by capability only, or only in total); the gap board shown to
// such a viewer is this cut of the one result, never a second computation, so its figures
// (required, filled, status, rotation) are the coalition's true ones.
#include <functional>
#include <string>

#include "guarantor/force/force_generation.hpp"

namespace guarantor::force {

/// How much of one nation's pledges a viewer may see.
enum class Disclosure {
  Full,            ///< every pledge with the reason for its verdict (caveats, conditions, dates)
  CapabilityOnly,  ///< each pledge by id, nation, quantity and readiness; its terms never named
  Aggregate,       ///< no single pledge: summed per line with other such nations' pledges
};

/// `result` with every pledge assessment cut to what `disclosure_of(nation)` allows and each
/// line's gap reasons written again from the cut assessments (detail in docs/workspace.md, "The
/// gap board as shared"). Line, phase and rotation figures are `result`'s own.
ForceGenerationResult disclose(const ForceGenerationResult& result,
                               const std::function<Disclosure(const std::string& nation)>& disclosure_of);

}  // namespace guarantor::force
