// Password changes and disabled users over HTTP: a user changes its password naming the current
// one (the session that did it stays, the others end, wrong guesses are rate-limited like
// logins); the secretariat disables and enables users and sets passwords, never disabling the
// last enabled secretariat user; a disabled user's session and token are refused at once.
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

constexpr const char* REPLACEMENT_PASSWORD = "a replacement password";

class AccountAdminApi : public HttpTest {
protected:
  // A new user of `role` (a fresh one per case: the suite's seeded users stay as they are).
  std::string add_user(const std::string& name, store::Role role, const std::string& nation = {}) const {
    workspace_->create_user(name, role, nation, PASSWORD, "test");
    return name;
  }
  // Logs in; the session cookie ("guarantor_session=…") and its CSRF token.
  static std::pair<std::string, std::string> session_of(httplib::Client& client, const std::string& user,
                                                        const std::string& password = PASSWORD) {
    auto result = client.Post("/api/v1/login", json{{"user", user}, {"password", password}}.dump(), "application/json");
    if (!result || result->status != 200) return {};
    const std::string set_cookie = result->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')), json::parse(result->body).at("csrf_token").get<std::string>()};
  }
  static httplib::Headers with_session(const std::pair<std::string, std::string>& session) {
    return {{"Cookie", session.first}, {"X-CSRF-Token", session.second}};
  }
};

TEST_P(AccountAdminApi, ChangingOnesPasswordKeepsThisSessionAndEndsTheOthers) {
  auto client = server_->client();
  const std::string user = add_user("planner.pw", store::Role::Planner);
  const auto here = session_of(client, user);
  const auto elsewhere = session_of(client, user);
  ASSERT_FALSE(here.first.empty());
  ASSERT_EQ(client.Get("/api/v1/session", with_session(elsewhere))->status, 200);

  const json body = {{"current_password", PASSWORD}, {"new_password", REPLACEMENT_PASSWORD}};
  // The session's CSRF token is needed, as for every write made with the cookie.
  EXPECT_EQ(client.Put("/api/v1/session/password", {{"Cookie", here.first}}, body.dump(), "application/json")->status,
            403);
  auto changed = client.Put("/api/v1/session/password", with_session(here), body.dump(), "application/json");
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(json_of(changed).at("sessions_ended"), 1);
  EXPECT_EQ(client.Get("/api/v1/session", with_session(here))->status, 200) << "the changing session ended";
  EXPECT_EQ(client.Get("/api/v1/session", with_session(elsewhere))->status, 401) << "another session survived";
  EXPECT_TRUE(session_of(client, user).first.empty()) << "the old password still logs in";
  EXPECT_FALSE(session_of(client, user, REPLACEMENT_PASSWORD).first.empty());

  // Bad bodies name the field and change nothing.
  const auto refused = [&](const json& bad) {
    return json_of(client.Put("/api/v1/session/password", with_session(here), bad.dump(), "application/json"));
  };
  EXPECT_EQ(refused({{"current_password", REPLACEMENT_PASSWORD}, {"new_password", "short"}}).at("where"),
            "/new_password");
  EXPECT_EQ(refused({{"current_password", REPLACEMENT_PASSWORD}}).at("where"), "/new_password");
  EXPECT_EQ(
      refused({{"current_password", REPLACEMENT_PASSWORD}, {"new_password", PASSWORD}, {"user", "x"}}).at("where"),
      "/user");
  const auto entries = workspace_->history("user", user);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries.back().action, "set_password");
  EXPECT_EQ(entries.back().actor, user);
  EXPECT_EQ(entries.back().after.dump().find("argon2"), std::string::npos);
}

TEST_P(AccountAdminApi, WrongCurrentPasswordsAreRateLimitedLikeLogins) {
  auto client = server_->client();
  const std::string user = add_user("monitor.pw", store::Role::Monitor);
  const auto token = workspace_->create_api_token(user, "script", "test").second;
  const httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  const json wrong = {{"current_password", "not the password"}, {"new_password", REPLACEMENT_PASSWORD}};
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto result = client.Put("/api/v1/session/password", bearer, wrong.dump(), "application/json");
    ASSERT_EQ(result->status, 403) << result->body;
    EXPECT_EQ(json_of(result).at("code"), "login_failed");
    EXPECT_EQ(json_of(result).at("where"), "/current_password");
  }
  const json right = {{"current_password", PASSWORD}, {"new_password", REPLACEMENT_PASSWORD}};
  auto limited = client.Put("/api/v1/session/password", bearer, right.dump(), "application/json");
  EXPECT_EQ(limited->status, 429) << limited->body;
  EXPECT_EQ(
      client.Post("/api/v1/login", json{{"user", user}, {"password", PASSWORD}}.dump(), "application/json")->status,
      429)
      << "password checks and logins count together";
  EXPECT_TRUE(workspace_->check_password(user, PASSWORD).has_value()) << "a limited change was applied";
}

TEST_P(AccountAdminApi, SecretariatDisablesEnablesAndResetsAtOnce) {
  auto client = server_->client();
  const std::string user = add_user("liaison.pw", store::Role::Liaison, "FR");
  const auto token = workspace_->create_api_token(user, "script", "test").second;
  const httplib::Headers bearer = {{"Authorization", "Bearer " + token}};
  const auto session = session_of(client, user);
  ASSERT_EQ(client.Get("/api/v1/pledges/FR-1", bearer)->status, 200);
  ASSERT_EQ(client.Get("/api/v1/session", with_session(session))->status, 200);

  const std::string path = "/api/v1/users/" + user;
  auto disabled = client.Put(path + "/disabled", as("secretariat"), R"({"disabled": true})", "application/json");
  ASSERT_EQ(disabled->status, 200) << disabled->body;
  EXPECT_EQ(json_of(disabled).at("disabled"), true);
  EXPECT_EQ(client.Get("/api/v1/pledges/FR-1", bearer)->status, 401) << "a disabled user's token still served";
  EXPECT_EQ(client.Get("/api/v1/session", with_session(session))->status, 401);
  auto login = client.Post("/api/v1/login", json{{"user", user}, {"password", PASSWORD}}.dump(), "application/json");
  EXPECT_EQ(login->status, 401);
  EXPECT_EQ(json_of(login).at("code"), "login_failed") << "a disabled user's login looks like any failure";

  EXPECT_EQ(client.Put(path + "/disabled", as("secretariat"), R"({"disabled": false})", "application/json")->status,
            200);
  EXPECT_EQ(client.Get("/api/v1/pledges/FR-1", bearer)->status, 200);
  const auto again = session_of(client, user);
  ASSERT_FALSE(again.first.empty());

  // A reset password: the user's sessions end, the new password logs in.
  auto reset = client.Put(path + "/password", as("secretariat"), json{{"password", REPLACEMENT_PASSWORD}}.dump(),
                          "application/json");
  ASSERT_EQ(reset->status, 200) << reset->body;
  EXPECT_EQ(json_of(reset).at("sessions_ended"), 1);
  EXPECT_EQ(client.Get("/api/v1/session", with_session(again))->status, 401);
  EXPECT_FALSE(session_of(client, user, REPLACEMENT_PASSWORD).first.empty());

  // Errors: unknown users, bad bodies; nothing in the history holds a password or a hash.
  EXPECT_EQ(client.Put("/api/v1/users/nobody/disabled", as("secretariat"), R"({"disabled": true})", "application/json")
                ->status,
            404);
  EXPECT_EQ(json_of(client.Put(path + "/disabled", as("secretariat"), R"({"disabled": "yes"})", "application/json"))
                .at("where"),
            "/disabled");
  EXPECT_EQ(json_of(client.Put(path + "/password", as("secretariat"), R"({"password": "short"})", "application/json"))
                .at("where"),
            "/password");
  for (const auto& entry : workspace_->history("user", user)) {
    const std::string text = entry.before.dump() + entry.after.dump();
    EXPECT_EQ(text.find("argon2"), std::string::npos);
    EXPECT_EQ(text.find(REPLACEMENT_PASSWORD), std::string::npos);
  }
}

TEST_P(AccountAdminApi, TheLastEnabledSecretariatUserCannotBeDisabled) {
  auto client = server_->client();
  const std::string second = add_user("secretariat.two", store::Role::Secretariat);
  const auto second_token = workspace_->create_api_token(second, "script", "test").second;
  // Two enabled: one may go; then the other is the last and stays.
  ASSERT_EQ(
      client
          .Put("/api/v1/users/" + second + "/disabled", as("secretariat"), R"({"disabled": true})", "application/json")
          ->status,
      200);
  auto refused =
      client.Put("/api/v1/users/secretariat/disabled", as("secretariat"), R"({"disabled": true})", "application/json");
  EXPECT_EQ(refused->status, 409) << refused->body;
  EXPECT_EQ(json_of(refused).at("where"), "/disabled");
  EXPECT_FALSE(workspace_->user("secretariat")->disabled);
  EXPECT_EQ(client.Get("/api/v1/users", {{"Authorization", "Bearer " + second_token}})->status, 401);
  ASSERT_EQ(
      client
          .Put("/api/v1/users/" + second + "/disabled", as("secretariat"), R"({"disabled": false})", "application/json")
          ->status,
      200);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(AccountAdminApi);

}  // namespace
}  // namespace guarantor::testing
