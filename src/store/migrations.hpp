#pragma once
// The numbered schema migrations of the workspace database. Each runs once, in order, inside one
// transaction, and is recorded in schema_migration; a database from a newer Guarantor (a
// version above the last one known here) is refused rather than guessed at.
#include <vector>

#include "database.hpp"

namespace guarantor::store::detail {

/// The schema version this build creates and understands.
int latest_schema_version();

/// Brings the database to latest_schema_version(); returns the versions applied now (empty
/// when it was current). `now` is the ISO 8601 time recorded with each migration.
std::vector<int> migrate(db::Connection& connection, const std::string& now);

/// The highest migration recorded in the database (0 for a new file).
int schema_version(db::Connection& connection);

}  // namespace guarantor::store::detail
