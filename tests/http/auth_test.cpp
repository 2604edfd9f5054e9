// Logging in and out, the session cookie and its CSRF token, the login rate limit, API token
// revocation, and the loopback-only rule for plain HTTP.
#include <atomic>
#include <memory>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class Auth : public HttpTest {
protected:
  // Logs in; returns the session cookie ("guarantor_session=...") and the CSRF token.
  std::pair<std::string, std::string> login(httplib::Client& client, const std::string& user) {
    auto result = client.Post("/api/v1/login", nlohmann::json{{"user", user}, {"password", PASSWORD}}.dump(), "application/json");
    EXPECT_TRUE(result && result->status == 200) << (result ? result->body : "no answer");
    const std::string set_cookie = result->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return {set_cookie.substr(0, set_cookie.find(';')), json_of(result).at("csrf_token").get<std::string>()};
  }
};

TEST_P(Auth, SessionWritesNeedTheCsrfToken) {
  auto client = server_->client();
  const auto [cookie, csrf] = login(client, "liaison.fr");
  const nlohmann::json sharing = {{"sharing", "capability_only"}};
  const auto version = workspace_->nation("FR")->version;
  httplib::Headers headers = {{"Cookie", cookie}, {"If-Match", "\"" + std::to_string(version) + "\""}};
  auto refused = client.Put("/api/v1/nations/FR/sharing", headers, sharing.dump(), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(json_of(refused).at("code"), "csrf_failed");
  headers.emplace("X-CSRF-Token", "not-the-token");
  EXPECT_EQ(client.Put("/api/v1/nations/FR/sharing", headers, sharing.dump(), "application/json")->status, 403);
  EXPECT_EQ(workspace_->nation("FR")->sharing, store::SharingLevel::Full);
  headers.erase("X-CSRF-Token");
  headers.emplace("X-CSRF-Token", csrf);
  auto accepted = client.Put("/api/v1/nations/FR/sharing", headers, sharing.dump(), "application/json");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_EQ(workspace_->nation("FR")->sharing, store::SharingLevel::CapabilityOnly);
  // Reads need no CSRF token.
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", cookie}})->status, 200);
  // After logout the cookie is worthless.
  EXPECT_EQ(client.Post("/api/v1/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json")->status, 204);
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", cookie}})->status, 401);
}

TEST_P(Auth, FailedLoginsLookAlikeAndAreRateLimited) {
  auto client = server_->client();
  auto wrong = client.Post("/api/v1/login", R"({"user":"planner","password":"wrong password!"})", "application/json");
  auto unknown = client.Post("/api/v1/login", R"({"user":"nobody","password":"wrong password!"})", "application/json");
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(wrong->body, unknown->body) << "the answer tells an unknown user from a wrong password";
  for (int attempt = 0; attempt < 4; ++attempt)
    client.Post("/api/v1/login", R"({"user":"planner","password":"wrong password!"})", "application/json");
  // Five failures for the name: now even the right password is refused for a while.
  auto limited = client.Post("/api/v1/login", nlohmann::json{{"user", "planner"}, {"password", PASSWORD}}.dump(), "application/json");
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(json_of(limited).at("code"), "too_many_attempts");
  auto malformed = client.Post("/api/v1/login", R"({"user":"planner"})", "application/json");
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(json_of(malformed).at("where"), "/password");
}

TEST_P(Auth, RevokedTokenIsRefusedAtOnce) {
  auto client = server_->client();
  auto created = client.Post("/api/v1/tokens", as("monitor"), R"({"label":"feed"})", "application/json");
  ASSERT_TRUE(created && created->status == 201) << (created ? created->body : "");
  const auto token = json_of(created).at("token").get<std::string>();
  const auto id = json_of(created).at("id").get<std::int64_t>();
  const httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  EXPECT_EQ(client.Get("/api/v1/session", bearer)->status, 200);
  // Another user cannot revoke it (and learns nothing of it); its owner can.
  EXPECT_EQ(client.Delete("/api/v1/tokens/" + std::to_string(id), as("planner"))->status, 404);
  EXPECT_EQ(client.Get("/api/v1/session", bearer)->status, 200);
  EXPECT_EQ(client.Delete("/api/v1/tokens/" + std::to_string(id), bearer)->status, 200);
  EXPECT_EQ(client.Get("/api/v1/session", bearer)->status, 401);
  EXPECT_EQ(client.Get("/api/v1/session", {{"Authorization", "Basic abc"}})->status, 401);
}

// A session verified a moment ago is answered from memory; it still ends at its expiry to the
// second, and a logout still ends it at once.
TEST_P(Auth, SessionIsRefusedFromItsExpiry) {
  auto now = std::make_shared<std::atomic<std::int64_t>>(1'000'000);
  server::ServerOptions options;
  options.session_seconds = 60;
  options.now_epoch = [now] { return now->load(); };
  server_ = std::make_unique<RunningServer>(*workspace_, *base_, options);
  auto client = server_->client();
  const auto [cookie, csrf] = login(client, "planner");
  for (const std::int64_t at : {1'000'000, 1'000'030, 1'000'059}) {
    *now = at;
    EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", cookie}})->status, 200) << "at +" << at - 1'000'000 << " s";
  }
  *now = 1'000'060;
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", cookie}})->status, 401) << "served at its expiry";
  *now = 1'000'059;
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", cookie}})->status, 401) << "an expired session came back";

  *now = 2'000'000;
  const auto [second, second_csrf] = login(client, "planner");
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", second}})->status, 200);
  EXPECT_EQ(client.Post("/api/v1/logout", {{"Cookie", second}, {"X-CSRF-Token", second_csrf}}, "", "application/json")
                ->status,
            204);
  EXPECT_EQ(client.Get("/api/v1/session", {{"Cookie", second}})->status, 401) << "a logged-out session still served";
}

TEST_P(Auth, PlainHttpBindsOnlyToLoopback) {
  server::ServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  server::Server exposed(*workspace_, *base_, options);
  try {
    exposed.bind();
    FAIL() << "plain HTTP was bound to every address";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Usage);
    EXPECT_NE(std::string(error.what()).find("--insecure-bind"), std::string::npos);
  }
  EXPECT_TRUE(server::is_loopback("127.0.0.1"));
  EXPECT_TRUE(server::is_loopback("::1"));
  EXPECT_FALSE(server::is_loopback("10.0.0.1"));
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(Auth);

}  // namespace
}  // namespace guarantor::testing
