#pragma once
// The rows behind the workspace's spatial search (site_position, incident_position): written
// inside the caller's transaction, derived from what the workspace already stores.
#include <cstdint>
#include <string>

#include "database.hpp"

namespace guarantor::store::detail {

/// Replaces every site position with those of the theatre's site documents as stored.
void store_site_positions(db::Connection& connection);

/// Records the incidents of findings version `version_id` from its findings document.
void store_incident_positions(db::Connection& connection, std::int64_t version_id, const std::string& findings_json);

/// Fills both tables from the stored documents and findings versions (a workspace migrated from
/// schema version 7).
void fill_spatial_rows(db::Connection& connection);

}  // namespace guarantor::store::detail
