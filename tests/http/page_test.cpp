// The browser pages as HTTP: every page URL answers with the shell, scripts and styles with
// their MIME types, all without credentials (they hold no data) and under a Content-Security-
// Policy that admits nothing but this server; the API's route table does not list them.
#include <fstream>
#include <iterator>

#include "asset_reply.hpp"
#include "guarantor/core/sha256.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class Pages : public HttpTest {};

TEST_P(Pages, EveryPageUrlServesTheShellWithoutCredentials) {
  auto client = server_->client();
  for (const char* path :
       {"/", "/login", "/gaps", "/pledges", "/plans", "/sites", "/brief", "/monitoring", "/users", "/account"}) {
    auto result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(result->body.find("<script type=\"module\" src=\"/assets/app.js\"></script>"), std::string::npos) << path;
    const std::string policy = result->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << path;
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(policy.find("connect-src 'self'"), std::string::npos) << path;
  }
}

TEST_P(Pages, ScriptsAndStylesCarryTheirTypes) {
  auto client = server_->client();
  const std::pair<const char*, const char*> files[] = {{"/assets/app.js", "text/javascript; charset=utf-8"},
                                                       {"/assets/pages/gaps.js", "text/javascript; charset=utf-8"},
                                                       {"/assets/app.css", "text/css; charset=utf-8"}};
  for (const auto& [path, type] : files) {
    auto result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Content-Type"), type) << path;
    EXPECT_FALSE(result->body.empty()) << path;
  }
}

// The monitoring page labels findings made with the shipped example agreement or source registry
// ILLUSTRATIVE by their SHA-256, which the build writes into example_inputs.js from data/.
TEST_P(Pages, ExampleInputHashesAreThoseOfTheShippedFiles) {
  auto client = server_->client();
  auto result = client.Get("/assets/example_inputs.js");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  for (const char* file : {"data/agreements/default_agreement.json", "data/sources/source_registry.json"}) {
    std::ifstream in(std::string(GUARANTOR_TEST_SOURCE_DIR) + "/" + file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(text.empty()) << file;
    EXPECT_NE(result->body.find("'" + sha256_hex(text) + "'"), std::string::npos) << file << " hash missing from " << result->body;
  }
}

TEST_P(Pages, UnknownPagesAndAssetsAreNotFound) {
  auto client = server_->client();
  for (const char* path : {"/nowhere", "/assets/missing.js", "/assets/../server.cpp", "/assets/shell.html", "/assets/appXjs"}) {
    auto result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
  }
}

// A page load asks for the shell, its scripts, the libraries and the theatre every time; each
// answers with an ETag and "no-cache", and a browser holding the current copy gets 304 and no
// bytes (the libraries and the theatre are megabytes), while a changed file is sent in full.
TEST_P(Pages, PageFilesAreRevalidatedByETagAndUnchangedOnesAnswer304WithoutBytes) {
  server::ServerOptions options;
  options.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  RunningServer with_libraries(*workspace_, *base_, options);
  auto client = with_libraries.client();
  for (const char* path :
       {"/", "/plans", "/assets/app.js", "/assets/pages/plan_map.js", "/assets/app.css", "/assets/theatre.json",
        "/assets/bands.json", "/assets/lib/leaflet.js", "/assets/lib/milsymbol.js", "/assets/lib/images/layers.png"}) {
    auto first = client.Get(path);
    ASSERT_TRUE(first) << path;
    ASSERT_EQ(first->status, 200) << path;
    EXPECT_FALSE(first->body.empty()) << path;
    const std::string tag = first->get_header_value("ETag");
    EXPECT_EQ(tag.size(), 34U) << path << ": " << tag;
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache") << path;
    EXPECT_EQ(first->get_header_value_count("Cache-Control"), 1U) << path;

    auto again = client.Get(path, {{"If-None-Match", tag}});
    ASSERT_TRUE(again) << path;
    EXPECT_EQ(again->status, 304) << path;
    EXPECT_TRUE(again->body.empty()) << path;
    EXPECT_EQ(again->get_header_value("ETag"), tag) << path;
    // The forms a browser or proxy may send: a list, a weak validator, any version at all.
    for (const std::string& header : {"\"0000\", " + tag, "W/" + tag, std::string("*")}) {
      auto listed = client.Get(path, {{"If-None-Match", header}});
      ASSERT_TRUE(listed) << path;
      EXPECT_EQ(listed->status, 304) << path << " with If-None-Match: " << header;
    }
    auto stale = client.Get(path, {{"If-None-Match", "\"0123456789abcdef0123456789abcdef\""}});
    ASSERT_TRUE(stale) << path;
    EXPECT_EQ(stale->status, 200) << path;
    EXPECT_EQ(stale->body, first->body) << path;
  }
  // The ETag is the content's: two different files never share one, the same file always has it.
  auto app = client.Get("/assets/app.js");
  auto api = client.Get("/assets/api.js");
  ASSERT_TRUE(app && api);
  EXPECT_NE(app->get_header_value("ETag"), api->get_header_value("ETag"));
  std::ifstream in(std::string(GUARANTOR_TEST_ASSET_DIR) + "/leaflet/dist/leaflet.js", std::ios::binary);
  const std::string leaflet((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto library = client.Get("/assets/lib/leaflet.js");
  ASSERT_TRUE(library);
  EXPECT_EQ(library->get_header_value("ETag"), "\"" + sha256_hex(leaflet).substr(0, 32) + "\"");
}

// A browser accepts brotli, which Debian's cpp-httplib compresses at its slowest setting for each
// response (seconds for the map library); the server answers such a request in gzip.
TEST_P(Pages, ABrowsersRequestIsAnsweredInGzipNotBrotli) {
  server::ServerOptions options;
  options.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  RunningServer with_libraries(*workspace_, *base_, options);
  auto client = with_libraries.client();
  std::ifstream in(std::string(GUARANTOR_TEST_ASSET_DIR) + "/milsymbol/dist/milsymbol.js", std::ios::binary);
  const std::string library((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(library.empty());
  for (const char* accepted : {"gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8"}) {
    auto result = client.Get("/assets/lib/milsymbol.js", {{"Accept-Encoding", accepted}});
    ASSERT_TRUE(result) << accepted;
    EXPECT_EQ(result->status, 200) << accepted;
    EXPECT_EQ(result->get_header_value("Content-Encoding"), "gzip") << accepted;
    EXPECT_EQ(result->body, library) << accepted;  // decompressed by the client
  }
  auto api = client.Get("/api/v1/pledges", as("secretariat", {{"Accept-Encoding", "br"}}));
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  EXPECT_EQ(api->get_header_value("Content-Encoding"), "");
}

// Each file is compressed once, at the best level, when the server first reads it, and every
// request accepting gzip gets those kept bytes (httplib would compress each response anew, at its
// default level); a client without gzip gets the file as it is.
TEST_P(Pages, FilesAreSentInTheGzipFormKeptForThem) {
  server::ServerOptions options;
  options.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  RunningServer with_libraries(*workspace_, *base_, options);
  auto client = with_libraries.client();
  client.set_decompress(false);
  std::ifstream in(std::string(GUARANTOR_TEST_ASSET_DIR) + "/leaflet/dist/leaflet.js", std::ios::binary);
  const std::string library((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto kept = server::asset_body(library);
  ASSERT_TRUE(kept.gzip);
  EXPECT_LT(kept.gzip->size(), library.size() / 2);
  for (int request = 0; request < 2; ++request) {
    auto result = client.Get("/assets/lib/leaflet.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Encoding"), "gzip");
    EXPECT_EQ(result->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_TRUE(result->body == *kept.gzip)
        << "request " << request << ": " << result->body.size() << " bytes, kept " << kept.gzip->size();
  }
  auto plain = client.Get("/assets/lib/leaflet.js");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_TRUE(plain->body == library);
  // The pages' own files too, and images, already compressed, go as they are.
  auto script = client.Get("/assets/app.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Encoding"), "gzip");
  auto image = client.Get("/assets/lib/images/layers.png", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(image);
  EXPECT_EQ(image->status, 200);
  EXPECT_EQ(image->get_header_value("Content-Encoding"), "");
}

TEST_P(Pages, ApiAnswersAreNeverKept) {
  auto client = server_->client();
  auto result = client.Get("/api/v1/pledges", as("secretariat"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(result->get_header_value_count("Cache-Control"), 1U);
}

TEST(PageRoutes, AreNotPartOfTheApiRouteTable) {
  for (const auto& route : server::route_table())
    EXPECT_EQ(route.pattern.rfind("/api/v1/", 0), 0U) << route.pattern << " is in the API table but outside /api/v1";
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(Pages);

}  // namespace
}  // namespace guarantor::testing
