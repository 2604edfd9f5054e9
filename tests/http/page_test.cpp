// The browser pages as HTTP: every page URL answers with the shell, scripts and styles with
// their MIME types, all without credentials (they hold no data) and under a Content-Security-
// Policy that admits nothing but this server; the API's route table does not list them.
#include <fstream>
#include <iterator>

#include "guarantor/core/sha256.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class Pages : public HttpTest {};

TEST_P(Pages, EveryPageUrlServesTheShellWithoutCredentials) {
  auto client = server_->client();
  for (const char* path : {"/", "/login", "/gaps", "/pledges", "/plans", "/sites", "/brief", "/monitoring"}) {
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

TEST(PageRoutes, AreNotPartOfTheApiRouteTable) {
  for (const auto& route : server::route_table())
    EXPECT_EQ(route.pattern.rfind("/api/v1/", 0), 0U) << route.pattern << " is in the API table but outside /api/v1";
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(Pages);

}  // namespace
}  // namespace guarantor::testing
