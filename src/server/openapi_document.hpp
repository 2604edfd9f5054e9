#pragma once
// The OpenAPI 3 document of the API (docs/openapi.json), built into the server.
#include <string_view>

namespace guarantor::server {

/// The text of docs/openapi.json as it was when the server was built.
std::string_view openapi_document();

}  // namespace guarantor::server
