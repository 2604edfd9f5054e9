// Loading the inlined libraries. Images named by leaflet.css become data: URIs, because a
// relative url() would be a request for a file next to the page that does not exist there.
#include "page_assets.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/report/html_escape.hpp"

namespace guarantor::report::detail {

namespace {

constexpr std::string_view LEAFLET_JS = "leaflet/dist/leaflet.js";
constexpr std::string_view LEAFLET_CSS = "leaflet/dist/leaflet.css";
constexpr std::string_view MILSYMBOL_JS = "milsymbol/dist/milsymbol.js";
constexpr std::string_view REMEDY = "run scripts/setup.sh to install the npm packages, or pass the directory "
                                    "that holds them (node_modules) as the asset directory";

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

std::string base64(std::string_view bytes) {
  constexpr std::string_view ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k)
      chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    for (std::size_t k = 0; k < 4; ++k)
      out += k <= n ? ALPHABET[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
  }
  return out;
}

std::string_view mime_type(std::string_view name) {
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".gif")) return "image/gif";
  return "image/png";
}

// Replaces url(images/NAME) in leaflet.css by data: URIs; records unreadable images in `sink`.
std::string inline_css_images(std::string_view css, const std::filesystem::path& css_dir, DiagnosticSink& sink) {
  constexpr std::string_view PREFIX = "url(images/";
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = css.find(PREFIX, pos);
    const std::size_t end = start == std::string_view::npos ? start : css.find(')', start);
    if (end == std::string_view::npos) break;
    const std::string_view name = css.substr(start + PREFIX.size(), end - start - PREFIX.size());
    out.append(css.substr(pos, start - pos));
    const std::filesystem::path image = css_dir / "images" / std::string(name);
    if (const auto bytes = read_file(image)) {
      out += fmt::format("url(data:{};base64,{})", mime_type(name), base64(*bytes));
    } else {
      sink.add(ErrorCode::FileNotFound, image.string(),
               fmt::format("cannot read an image named by leaflet.css; {}", REMEDY));
      out.append(css.substr(start, end + 1 - start));
    }
    pos = end + 1;
  }
  out.append(css.substr(pos));
  return out;
}

}  // namespace

PageAssets load_page_assets(const std::filesystem::path& asset_dir) {
  DiagnosticSink sink;
  const auto load = [&](std::string_view relative) {
    const std::filesystem::path path = asset_dir / relative;
    auto content = read_file(path);
    if (!content) {
      sink.add(ErrorCode::FileNotFound, path.string(),
               fmt::format("cannot read {}, a library the page inlines; {}", relative, REMEDY));
      return std::string{};
    }
    return std::move(*content);
  };
  PageAssets assets;
  assets.leaflet_js = script_safe_source(load(LEAFLET_JS));
  const std::string css = load(LEAFLET_CSS);
  assets.milsymbol_js = script_safe_source(load(MILSYMBOL_JS));
  if (!css.empty())
    assets.leaflet_css = script_safe_source(inline_css_images(css, (asset_dir / LEAFLET_CSS).parent_path(), sink));
  sink.throw_if_any();
  return assets;
}

std::string classic_script(std::string_view module_source) {
  std::string out(module_source);
  constexpr std::string_view EXPORT = "export ";
  for (std::size_t at = 0; (at = out.find(EXPORT, at)) != std::string::npos;) {
    if (at == 0 || out[at - 1] == '\n') out.erase(at, EXPORT.size());
    else at += EXPORT.size();
  }
  return out;
}

}  // namespace guarantor::report::detail
