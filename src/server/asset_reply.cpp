#include "asset_reply.hpp"

#include <zlib.h>

#include "guarantor/core/sha256.hpp"

namespace guarantor::server {

namespace {
// 128 bits of the digest: ample to tell two versions of a file apart, and a shorter header.
constexpr std::size_t ETAG_HEX_DIGITS = 32;

// zlib's window bits for a gzip wrapper (15-bit window, +16: gzip header and trailer).
constexpr int GZIP_WINDOW_BITS = 15 + 16;
constexpr int ZLIB_MEMORY_LEVEL = 8;  // zlib's default

// The bytes gzip-compressed at the best level (each file is compressed once), or null when that
// fails or does not make them smaller.
std::shared_ptr<const std::string> gzipped(const std::string& bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, GZIP_WINDOW_BITS, ZLIB_MEMORY_LEVEL, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return nullptr;
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  // zlib's interface is C: it reads the input through a non-const pointer without writing it.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END || out.size() >= bytes.size()) return nullptr;
  return std::make_shared<const std::string>(std::move(out));
}

bool accepts_gzip(const httplib::Request& request) {
  const auto [first, last] = request.headers.equal_range("Accept-Encoding");
  for (auto it = first; it != last; ++it)
    if (it->second.find("gzip") != std::string::npos) return true;
  return false;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}
}  // namespace

AssetBody asset_body(std::string bytes) {
  std::string etag = "\"" + sha256_hex(bytes).substr(0, ETAG_HEX_DIGITS) + "\"";
  auto gzip = gzipped(bytes);
  return {std::make_shared<const std::string>(std::move(bytes)), std::move(gzip), std::move(etag)};
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
  reply.headers["Vary"] = "Accept-Encoding";
  if (if_none_match_names(request.get_header_value("If-None-Match"), body.etag)) {
    reply.status = 304;  // the browser's copy is current; no body (RFC 9110 15.4.5)
    reply.stream = [](httplib::Response&) {};
    return reply;
  }
  if (body.gzip && accepts_gzip(request)) {
    // httplib compresses a body itself when the request accepts gzip; without the header it
    // sends the kept gzip bytes as they are. It owns the request as a non-const object (see
    // offer_gzip_only in server.cpp), so changing a header of it is defined behaviour.
    const_cast<httplib::Request&>(request).headers.erase("Accept-Encoding");
    reply.headers["Content-Encoding"] = "gzip";
    reply.stream = [gzip = body.gzip, type = std::string(content_type)](httplib::Response& response) {
      response.set_content(*gzip, type);
    };
    return reply;
  }
  reply.stream = [bytes = body.bytes, type = std::string(content_type)](httplib::Response& response) {
    response.set_content(*bytes, type);
  };
  return reply;
}

}  // namespace guarantor::server
