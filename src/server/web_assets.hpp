#pragma once
// The workspace's own pages (HTML, CSS, JavaScript under web/), compiled into the binary by
// embed_web.cmake so the server needs no file and no network at run time.
#include <span>
#include <string_view>

namespace guarantor::server {

/// One file of web/: its path below web/ (also its URL below /assets/), MIME type and bytes.
struct WebAsset {
  std::string_view name;
  std::string_view content_type;
  std::string_view body;
};

/// Every embedded file, in the order web/'s list in src/server/CMakeLists.txt gives them.
std::span<const WebAsset> web_assets();

}  // namespace guarantor::server
