#pragma once
// The browser pages of the workspace: page URLs, their embedded scripts and styles, and the npm
// libraries they use, registered beside the JSON API's route table.
#include <vector>

#include "api.hpp"

namespace guarantor::server {

/// Page and asset routes (GET, public: they carry no data; every page reads the JSON API with
/// the caller's session). Kept out of routes() because they are not part of the API that
/// docs/openapi.json describes.
std::vector<Route> page_routes();

}  // namespace guarantor::server
