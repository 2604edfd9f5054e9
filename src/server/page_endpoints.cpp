// The workspace in the browser: every page URL answers with the same small HTML shell, and the
// shell's scripts (web/app.js and web/pages/*.js) draw the page from the JSON API with the
// caller's session. Pages and scripts are public because they hold no data; the data behind
// them is checked by role on every API request as for any client.
#include <vector>

#include <fmt/format.h>

#include "asset_reply.hpp"
#include "web_assets.hpp"
#include "web_routes.hpp"

namespace guarantor::server {

namespace {
// The pages a user can open; web/app.js knows the same list (its PAGES table) and draws each.
constexpr std::string_view PAGE_PATHS[] = {"/",      "/login", "/gaps",       "/pledges", "/plans",
                                           "/sites", "/brief", "/monitoring", "/users",   "/account"};

// Every file of web/ with its ETag, hashed once per process (the files are compiled in).
const AssetBody& body_of(const WebAsset& asset) {
  static const std::vector<AssetBody> bodies = [] {
    std::vector<AssetBody> all;
    for (const auto& each : web_assets()) all.push_back(asset_body(std::string(each.body)));
    return all;
  }();
  return bodies.at(static_cast<std::size_t>(&asset - web_assets().data()));
}

const WebAsset& asset_named(std::string_view name) {
  for (const auto& asset : web_assets())
    if (asset.name == name) return asset;
  // The page list and web/'s file list are fixed at build time; a miss is a build mistake.
  throw ApiError(500, "internal", fmt::format("web/{} is not built into this server", name));
}

Reply file_reply(const Context& context, const WebAsset& asset) {
  return asset_reply(context.request, body_of(asset), asset.content_type);
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
    table.push_back({"GET",
                     std::string(path),
                     {},
                     [](Context& context) { return file_reply(context, asset_named("shell.html")); },
                     true});
  for (const auto& asset : web_assets()) {
    if (asset.name == "shell.html") continue;
    const WebAsset* file = &asset;
    table.push_back({"GET",
                     "/assets/" + regex_escaped(asset.name),
                     {},
                     [file](Context& context) { return file_reply(context, *file); },
                     true});
  }
  for (auto& route : map_asset_routes()) table.push_back(std::move(route));
  for (auto& route : print_routes()) table.push_back(std::move(route));
  return table;
}

}  // namespace guarantor::server
