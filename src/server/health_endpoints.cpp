// GET /api/v1/health (public: is the server up and its database readable, which schema, which
// back end; for load balancers and monitoring scripts, so it names no data) and GET
// /api/v1/status (the secretariat's view of the server's work since it started: the grouped
// writes and the open event streams).
#include <set>

#include "api.hpp"
#include "guarantor/store/workspace.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> STATUS_READERS = {Role::Secretariat};

std::string back_end_of(const store::Workspace& workspace) {
  return store::is_database_url(workspace.database_name()) ? "postgresql" : "sqlite";
}

Reply health(Context& context) {
  auto& workspace = context.server.workspace;
  // Reading the schema version is a read through the pool: a database that cannot be reached
  // throws, and the error mapper answers 500 without details.
  const int schema = workspace.schema_version();
  return {200, {{"status", "ok"}, {"schema_version", schema}, {"back_end", back_end_of(workspace)}}, {}};
}

Reply status(Context& context) {
  auto& server = context.server;
  const store::WriteStatistics writes = server.workspace.write_statistics();
  return {200,
          {{"status", "ok"},
           {"schema_version", server.workspace.schema_version()},
           {"back_end", back_end_of(server.workspace)},
           {"database", server.workspace.database_name()},
           {"writes",
            {{"groups", writes.groups},
             {"writes", writes.writes},
             {"largest_group", writes.largest_group},
             {"pending", writes.pending}}},
           {"event_streams", {{"open", server.open_streams.load()}, {"limit", server.options.max_event_streams}}}},
          {}};
}
}  // namespace

void add_health_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/health", {}, health, true});
  table.push_back({"GET", "/api/v1/status", STATUS_READERS, status});
}

}  // namespace guarantor::server
