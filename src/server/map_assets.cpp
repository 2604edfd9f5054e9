// What the pages' maps load besides web/: the theatre's geography (countries with Crimea as
// Ukraine's, oblasts, occupied areas, places, sites: the scenario the server was started with,
// clipped and simplified as the offline pages draw it), the bands plans and agreements keep
// (threat axes of the planner parameters, pull-back and buffer bands of the agreement) and the
// map libraries from the npm packages (Leaflet, milsymbol) in the asset directory. Nothing comes from another server; like
// the pages, these carry no workspace data (no pledge, no negotiation) and need no login.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "asset_reply.hpp"
#include "guarantor/report/theatre_map.hpp"
#include "guarantor/verify/agreement.hpp"
#include "web_routes.hpp"

namespace guarantor::server {

namespace {
// The library files a page may load, by URL below /assets/lib/, with their file below the asset
// directory. A fixed list: no request names a path of its own.
struct LibraryFile {
  std::string_view url_name;
  std::string_view path;
  std::string_view content_type;
};
constexpr LibraryFile LIBRARY_FILES[] = {
    {"leaflet.js", "leaflet/dist/leaflet.js", "text/javascript; charset=utf-8"},
    {"leaflet.css", "leaflet/dist/leaflet.css", "text/css; charset=utf-8"},
    // leaflet.css names its images relative to itself (images/layers.png, ...).
    {"images/layers.png", "leaflet/dist/images/layers.png", "image/png"},
    {"images/layers-2x.png", "leaflet/dist/images/layers-2x.png", "image/png"},
    {"images/marker-icon.png", "leaflet/dist/images/marker-icon.png", "image/png"},
    {"images/marker-icon-2x.png", "leaflet/dist/images/marker-icon-2x.png", "image/png"},
    {"images/marker-shadow.png", "leaflet/dist/images/marker-shadow.png", "image/png"},
    {"milsymbol.js", "milsymbol/dist/milsymbol.js", "text/javascript; charset=utf-8"},
};

// The library files as last read, each with its ETag; a file is read and hashed again only when
// its size or modification time changed (an npm update under a running server).
class LibraryCache {
public:
  AssetBody body(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    const auto modified = error ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(path, error);
    if (error) throw std::system_error(error);
    {
      const std::lock_guard lock(mutex_);
      if (const auto found = files_.find(path);
          found != files_.end() && found->second.size == size && found->second.modified == modified)
        return found->second.body;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::system_error(std::make_error_code(std::errc::io_error));
    auto body = asset_body(std::move(text).str());
    const std::lock_guard lock(mutex_);
    files_.insert_or_assign(path, Entry{size, modified, body});
    return body;
  }

private:
  struct Entry {
    std::uintmax_t size;
    std::filesystem::file_time_type modified;
    AssetBody body;
  };
  std::mutex mutex_;
  std::map<std::filesystem::path, Entry> files_;
};

Reply library_reply(const Context& context, LibraryCache& cache, const LibraryFile& file) {
  const auto& dir = context.server.options.asset_dir;
  const auto path = dir / file.path;
  AssetBody body;
  try {
    if (dir.empty()) throw std::system_error(std::make_error_code(std::errc::no_such_file_or_directory));
    body = cache.body(path);
  } catch (const std::system_error&) {
    throw ApiError(404, "not_found",
                   fmt::format("the map library file {} is not installed: run scripts/setup.sh (npm packages) or start "
                               "the server with --assets naming the node_modules directory",
                               dir.empty() ? std::string(file.path) : path.string()));
  }
  return asset_reply(context.request, body, file.content_type);
}

// {threat_axes: [{id, name, country, points, band_km}], pull_back: [{provision, kind, label,
// distance_m}]}: the planner's threat axes (threat_axes.json, read at start) and the agreement's
// bands around the line of contact (a buffer zone, weapon pull-backs). Either is empty when the
// server has no planner parameters or no agreement.
std::string bands_document(const Server::Impl& server) {
  json axes = json::array();
  if (server.planning) {
    for (const auto& axis : server.planning->threat.axes) {
      json points = json::array();
      for (const auto& point : axis.points) points.push_back({point.lon, point.lat});
      axes.push_back({{"id", axis.id}, {"name", axis.name}, {"country", axis.country}, {"points", points}, {"band_km", axis.band_km}});
    }
  }
  json bands = json::array();
  if (const auto& path = server.options.verify.agreement; !path.empty()) {
    for (const auto& provision : verify::load_agreement(path).provisions) {
      if (provision.zone.kind != verify::Zone::Kind::Band || provision.zone.line_ref != "line_of_contact") continue;
      if (provision.weapon_bands.empty()) {
        bands.push_back({{"provision", provision.id}, {"kind", "buffer"}, {"label", provision.title}, {"distance_m", provision.zone.distance_m}});
        continue;
      }
      for (const auto& band : provision.weapon_bands)
        bands.push_back({{"provision", provision.id}, {"kind", "pull_back"},
                         {"label", fmt::format("{} pulled back", verify::to_string(band.weapon))}, {"distance_m", band.distance_m}});
    }
  }
  return json{{"threat_axes", axes}, {"pull_back", bands}}.dump();
}

}  // namespace

std::vector<Route> map_asset_routes() {
  std::vector<Route> table;
  // The theatre and the bands never change while the server runs: encoded and hashed once, on
  // first use, per server.
  struct Encoded {
    std::once_flag once;
    AssetBody body;
  };
  auto theatre = std::make_shared<Encoded>();
  table.push_back({"GET",
                   "/assets/theatre\\.json",
                   {},
                   [theatre](Context& context) {
                     std::call_once(theatre->once, [&] {
                       const auto& base = context.server.base;
                       theatre->body =
                           asset_body(report::theatre_map_json(base.theatre, base.as_of, report::PageOptions{}).dump());
                     });
                     return asset_reply(context.request, theatre->body, "application/json");
                   },
                   true});
  auto bands = std::make_shared<Encoded>();
  table.push_back({"GET",
                   "/assets/bands\\.json",
                   {},
                   [bands](Context& context) {
                     std::call_once(bands->once, [&] { bands->body = asset_body(bands_document(context.server)); });
                     return asset_reply(context.request, bands->body, "application/json");
                   },
                   true});
  auto libraries = std::make_shared<LibraryCache>();
  for (const auto& file : LIBRARY_FILES)
    table.push_back({"GET",
                     "/assets/lib/" + regex_escaped(file.url_name),
                     {},
                     [&file, libraries](Context& context) { return library_reply(context, *libraries, file); },
                     true});
  return table;
}

}  // namespace guarantor::server
