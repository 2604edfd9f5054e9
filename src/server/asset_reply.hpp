#pragma once
// Answers for the files the pages load (web/, the theatre and bands, the npm libraries): each
// carries an ETag of its bytes and Cache-Control "no-cache", so a browser keeps its copy and asks
// again on each page load, getting 304 and no bytes while the file is unchanged. "no-cache" and
// not a long max-age because the URLs are fixed (/assets/lib/leaflet.js): a server upgraded or
// started on another scenario must be seen at the next load, never after a cache expires.
#include <memory>
#include <string>
#include <string_view>

#include "api.hpp"

namespace guarantor::server {

/// Only this server's own origin: no CDN, no tile server, no web font, no inline script. Styles
/// may be inline because milsymbol and Leaflet set style attributes on the elements they draw.
inline constexpr std::string_view PAGE_CONTENT_SECURITY_POLICY =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// A file's bytes, their gzip form and their validator, made once per content: cpp-httplib
/// compresses a response anew on every request (0.17 s for milsymbol.js under load).
struct AssetBody {
  std::shared_ptr<const std::string> bytes;
  /// The bytes gzip-compressed (RFC 1952), or null where that does not make them smaller
  /// (images already compressed).
  std::shared_ptr<const std::string> gzip;
  std::string etag;  ///< "\"<first 32 hex digits of the bytes' SHA-256>\""
};

/// The bytes with their gzip form and ETag (hashes and compresses them: make it once per
/// content, not per request).
AssetBody asset_body(std::string bytes);

/// 200 with the bytes, or 304 without them when the request's If-None-Match names the ETag;
/// both with the ETag, Cache-Control "no-cache" and the pages' Content-Security-Policy. A
/// request that accepts gzip gets the kept gzip form (Content-Encoding: gzip), compressed no more.
Reply asset_reply(const httplib::Request& request, const AssetBody& body, std::string_view content_type);

/// Whether an If-None-Match value names `etag`: "*", or a comma-separated list of entity tags,
/// weak ones (W/"...") included, as RFC 9110 13.1.2 compares them for GET.
bool if_none_match_names(std::string_view header, std::string_view etag);

}  // namespace guarantor::server
