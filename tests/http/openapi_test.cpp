// The OpenAPI document against the route table: every route documented with its method and
// roles, every documented operation routed, and the served document equal to docs/openapi.json.
#include <fstream>
#include <set>
#include <sstream>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// "/api/v1/pledges/([A-Za-z0-9._-]{1,64})" -> "/api/v1/pledges/{}": each group is a parameter;
// an escaped character ("brief\.pdf") is the character itself.
std::string canonical_route(const std::string& pattern) {
  std::string out;
  int depth = 0;
  for (const char c : pattern) {
    if (c == '\\' && depth == 0) continue;
    if (c == '(' && depth++ == 0) out += "{}";
    else if (c == ')') --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

// "/api/v1/pledges/{id}" -> "/api/v1/pledges/{}".
std::string canonical_path(const std::string& path) {
  std::string out;
  bool inside = false;
  for (const char c : path) {
    if (c == '{') inside = true, out += "{}";
    else if (c == '}') inside = false;
    else if (!inside) out += c;
  }
  return out;
}

json repo_document() {
  std::ifstream file(std::string(GUARANTOR_TEST_SOURCE_DIR) + "/docs/openapi.json");
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str());
}

TEST(OpenApi, DocumentsEveryRouteWithItsMethodAndRoles) {
  const json document = repo_document();
  ASSERT_EQ(document.at("openapi").get<std::string>().substr(0, 2), "3.");
  std::map<std::pair<std::string, std::string>, std::set<std::string>> documented;  // (METHOD, path) -> roles
  for (const auto& [path, operations] : document.at("paths").items())
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ASSERT_TRUE(operation.contains("x-roles")) << method << " " << path;
      ASSERT_TRUE(operation.contains("responses")) << method << " " << path;
      documented[{upper, canonical_path(path)}] = operation.at("x-roles").get<std::set<std::string>>();
    }
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : server::route_table()) {
    const std::pair<std::string, std::string> key{route.method, canonical_route(route.pattern)};
    routed.insert(key);
    auto it = documented.find(key);
    ASSERT_NE(it, documented.end()) << route.method << " " << route.pattern << " is served but not documented";
    EXPECT_EQ(it->second, std::set<std::string>(route.roles.begin(), route.roles.end()))
        << route.method << " " << route.pattern << ": x-roles differ from the route table";
  }
  for (const auto& [key, roles] : documented)
    EXPECT_TRUE(routed.contains(key)) << key.first << " " << key.second << " is documented but not served";
}

class OpenApiServed : public HttpTest {};

TEST_P(OpenApiServed, IsPublicAndTheRepositoryFile) {
  auto client = server_->client();
  auto result = client.Get("/api/v1/openapi.json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(json_of(result), repo_document());
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(OpenApiServed);

}  // namespace
}  // namespace guarantor::testing
