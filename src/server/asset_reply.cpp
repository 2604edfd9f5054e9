#include "asset_reply.hpp"

#include "guarantor/core/sha256.hpp"

namespace guarantor::server {

namespace {
// 128 bits of the digest: ample to tell two versions of a file apart, and a shorter header.
constexpr std::size_t ETAG_HEX_DIGITS = 32;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}
}  // namespace

AssetBody asset_body(std::string bytes) {
  std::string etag = "\"" + sha256_hex(bytes).substr(0, ETAG_HEX_DIGITS) + "\"";
  return {std::make_shared<const std::string>(std::move(bytes)), std::move(etag)};
}

bool if_none_match_names(std::string_view header, std::string_view etag) {
  if (trimmed(header) == "*") return true;
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto tag = trimmed(header.substr(0, comma));
    // GET compares weakly: W/"x" names the same representation as "x".
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

Reply asset_reply(const httplib::Request& request, const AssetBody& body, std::string_view content_type) {
  Reply reply;
  reply.headers["ETag"] = body.etag;
  reply.headers["Cache-Control"] = "no-cache";
  reply.headers["Content-Security-Policy"] = std::string(PAGE_CONTENT_SECURITY_POLICY);
  reply.headers["Referrer-Policy"] = "no-referrer";
  if (if_none_match_names(request.get_header_value("If-None-Match"), body.etag)) {
    reply.status = 304;  // the browser's copy is current; no body (RFC 9110 15.4.5)
    reply.stream = [](httplib::Response&) {};
    return reply;
  }
  reply.stream = [bytes = body.bytes, type = std::string(content_type)](httplib::Response& response) {
    response.set_content(*bytes, type);
  };
  return reply;
}

}  // namespace guarantor::server
