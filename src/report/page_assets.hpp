#pragma once
// The third-party libraries a page inlines, read from the npm packages directory at run time.
#include <filesystem>
#include <string>
#include <string_view>

namespace guarantor::report::detail {

/// Library code ready to inline: already made safe for <script> / <style> raw text.
struct PageAssets {
  std::string leaflet_js;
  std::string leaflet_css;  ///< with every url(images/...) replaced by a data: URI
  std::string milsymbol_js;
};

/// Reads leaflet/dist/leaflet.js, leaflet/dist/leaflet.css (and the images it names) and
/// milsymbol/dist/milsymbol.js under asset_dir. Throws guarantor::Error (FileNotFound) listing
/// every missing file at once, with the remedy (run scripts/setup.sh or pass --assets).
PageAssets load_page_assets(const std::filesystem::path& asset_dir);

/// An ES module of the web front end (web/band_geometry.js, which imports nothing) as a classic
/// script: the offline pages are one file that runs from disk without modules, so its exports
/// become plain declarations.
std::string classic_script(std::string_view module_source);

}  // namespace guarantor::report::detail
