#pragma once
// The browser pages of the workspace: page URLs, their embedded scripts and styles, and the npm
// libraries they use, registered beside the JSON API's route table.
#include <string>
#include <string_view>
#include <vector>

#include "api.hpp"

namespace guarantor::server {

/// Page and asset routes (GET, public: they carry no data; every page reads the JSON API with
/// the caller's session). Kept out of routes() because they are not part of the API that
/// docs/openapi.json describes.
std::vector<Route> page_routes();

/// The maps' data and libraries (map_assets.cpp): /assets/theatre.json, the server's theatre as
/// the maps draw it, and /assets/lib/*, Leaflet and milsymbol read from ServerOptions::asset_dir.
std::vector<Route> map_asset_routes();

/// GET /print/<ticket>: the print browser's one-use entry to a page (brief_pdf_endpoint.cpp).
std::vector<Route> print_routes();

/// A file name as a route pattern that matches it literally (route patterns are regular
/// expressions; asset names contain dots).
std::string regex_escaped(std::string_view text);

}  // namespace guarantor::server
