// GET /api/v1/openapi.json: the API's OpenAPI 3 document, public so tools can read it before
// anyone logs in; and the route table as data, for the test that holds the two together.
#include "api.hpp"
#include "openapi_document.hpp"

namespace guarantor::server {

namespace {
Reply document(Context&) { return {200, json::parse(openapi_document()), {}}; }
}  // namespace

void add_openapi_route(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/openapi.json", {}, document, true});
}

std::vector<RouteInfo> route_table() {
  std::vector<RouteInfo> rows;
  for (const auto& route : routes()) {
    RouteInfo row{route.method, route.pattern, {}, route.is_public};
    for (const auto role : route.roles) row.roles.emplace_back(store::to_string(role));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace guarantor::server
