#pragma once
// The brief's findings section: what the findings versions published since the last close say,
// per provision and party, against what the newest version published by that close said.
#include "api.hpp"

namespace guarantor::server {

/// From two week snapshots (their "findings": the versions published by each close, oldest
/// first), the versions new in `after` and, for each provision and party, the outcome counts of
/// the newest new version beside those of the newest version in `before` (null where `before`
/// had none). A snapshot frozen before findings were kept reads as having none.
json findings_since(store::Workspace& workspace, const json& before, const json& after);

}  // namespace guarantor::server
