// The workspace in the browser: every page URL answers with the same small HTML shell, and the
// shell's scripts (web/app.js and web/pages/*.js) draw the page from the JSON API with the
// caller's session. Pages and scripts are public because they hold no data; the data behind
// them is checked by role on every API request as for any client.
#include <fmt/format.h>

#include "web_assets.hpp"
#include "web_routes.hpp"

namespace guarantor::server {

namespace {
// The pages a user can open; web/app.js knows the same list (its PAGES table) and draws each.
constexpr std::string_view PAGE_PATHS[] = {"/", "/login", "/gaps", "/pledges", "/plans", "/sites", "/brief", "/monitoring"};

// Only this server's own origin: no CDN, no tile server, no web font, no inline script. Styles
// may be inline because milsymbol and Leaflet set style attributes on the elements they draw.
constexpr std::string_view CONTENT_SECURITY_POLICY =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const WebAsset& asset_named(std::string_view name) {
  for (const auto& asset : web_assets())
    if (asset.name == name) return asset;
  // The page list and web/'s file list are fixed at build time; a miss is a build mistake.
  throw ApiError(500, "internal", fmt::format("web/{} is not built into this server", name));
}

Reply file_reply(const WebAsset& asset) {
  Reply reply;
  reply.headers["Content-Security-Policy"] = std::string(CONTENT_SECURITY_POLICY);
  reply.headers["Referrer-Policy"] = "no-referrer";
  reply.stream = [&asset](httplib::Response& response) {
    response.set_content(std::string(asset.body), std::string(asset.content_type));
  };
  return reply;
}

}  // namespace

std::string regex_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::vector<Route> page_routes() {
  std::vector<Route> table;
  for (const auto path : PAGE_PATHS)
    table.push_back({"GET", std::string(path), {}, [](Context&) { return file_reply(asset_named("shell.html")); }, true});
  for (const auto& asset : web_assets()) {
    if (asset.name == "shell.html") continue;
    const WebAsset* file = &asset;
    table.push_back({"GET", "/assets/" + regex_escaped(asset.name), {}, [file](Context&) { return file_reply(*file); }, true});
  }
  for (auto& route : map_asset_routes()) table.push_back(std::move(route));
  for (auto& route : print_routes()) table.push_back(std::move(route));
  return table;
}

}  // namespace guarantor::server
