// POST /api/v1/login, POST /api/v1/logout, GET /api/v1/session.
#include <fmt/format.h>

#include "api.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> ALL_ROLES = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                  Role::Planner,     Role::Monitor, Role::Observer};

json user_json(const store::User& user) {
  json out = {{"name", user.name}, {"role", store::to_string(user.role)}};
  if (!user.nation.empty()) out["nation"] = user.nation;
  return out;
}

std::string cookie(Context& context, const std::string& value, std::int64_t max_age) {
  // HttpOnly: page scripts cannot read it; SameSite=Strict: other sites' pages cannot send it.
  return fmt::format("guarantor_session={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", value, max_age,
                     context.server.tls ? "; Secure" : "");
}

Reply login(Context& context) {
  const json body = context.body();
  const auto text = [&](const char* key) {
    auto it = body.find(key);
    if (!body.is_object() || it == body.end() || !it->is_string())
      throw ApiError(400, "schema", fmt::format("missing or not a string; expected the {}", key), std::string("/") + key);
    return it->get<std::string>();
  };
  const std::string name = text("user");
  const std::string password = text("password");
  auto& server = context.server;
  const std::int64_t now = server.options.now_epoch();
  const std::string by_user = "user:" + name;
  const std::string by_address = "address:" + context.request.remote_addr;
  if (!server.limiter.allows(by_user, now) || !server.limiter.allows(by_address, now))
    throw ApiError(429, "too_many_attempts", "too many failed logins; wait and try again");
  auto user = server.workspace.check_password(name, password);
  if (!user) {
    server.limiter.record_failure(by_user, now);
    server.limiter.record_failure(by_address, now);
    // One message for an unknown name and a wrong password: the answer reveals no user names.
    throw ApiError(401, "login_failed", "the user name or password is wrong");
  }
  const auto session = server.workspace.create_session(user->name, now + server.options.session_seconds);
  Reply reply{200, {{"user", user_json(*user)}, {"csrf_token", session.csrf_token}, {"expires_epoch", session.expires_epoch}}, {}};
  reply.headers["Set-Cookie"] = cookie(context, session.token, server.options.session_seconds);
  return reply;
}

Reply logout(Context& context) {
  const std::string token = session_token_of(context.request);
  if (!token.empty()) context.server.workspace.end_session(token);
  Reply reply{204, nullptr, {}};
  reply.headers["Set-Cookie"] = cookie(context, "", 0);
  return reply;
}

// PUT /api/v1/session/password: the caller changes its own password, naming the current one.
// A wrong current password counts as a failed login (same keys, same limit), so a stolen session
// cannot be used to guess the password it would need to take the account over for good.
Reply change_password(Context& context) {
  const json body = context.body();
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [key, value] : body.items())
    if (key != "current_password" && key != "new_password")
      throw ApiError(400, "schema",
                     fmt::format("unknown member \"{}\"; expected current_password and new_password", key), "/" + key);
  const auto text = [&](const char* key) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_string())
      throw ApiError(400, "schema", "missing or not a string; expected a string", std::string("/") + key);
    return it->get<std::string>();
  };
  const std::string current = text("current_password");
  const std::string replacement = text("new_password");
  auto& server = context.server;
  const std::string& name = context.user().name;
  const std::int64_t now = server.options.now_epoch();
  const std::string by_user = "user:" + name;
  const std::string by_address = "address:" + context.request.remote_addr;
  if (!server.limiter.allows(by_user, now) || !server.limiter.allows(by_address, now))
    throw ApiError(429, "too_many_attempts", "too many failed password checks; wait and try again");
  if (!server.workspace.check_password(name, current)) {
    server.limiter.record_failure(by_user, now);
    server.limiter.record_failure(by_address, now);
    throw ApiError(403, "login_failed", "the current password is wrong", "/current_password");
  }
  try {
    // The session making the change stays; every other session of the user ends.
    const std::string kept = context.principal.via_session ? session_token_of(context.request) : std::string();
    const auto ended = server.workspace.set_password(name, replacement, kept, name);
    return {200, {{"user", user_json(context.user())}, {"sessions_ended", ended}}, {}};
  } catch (const Error& error) {
    // The rules of a password name /password; this body calls it /new_password.
    if (error.where() == "/password")
      throw ApiError(400, "schema", error.diagnostics().front().message, "/new_password");
    throw;
  }
}

Reply session(Context& context) {
  json out = {{"user", user_json(context.user())}, {"via", context.principal.via_session ? "session" : "api_token"}};
  if (context.principal.via_session) out["csrf_token"] = context.principal.csrf_token;
  return {200, out, {}};
}
}  // namespace

std::string session_token_of(const httplib::Request& request) {
  const std::string header = request.get_header_value("Cookie");
  const auto at = header.find("guarantor_session=");
  if (at == std::string::npos) return {};
  const auto start = at + std::string_view("guarantor_session=").size();
  return header.substr(start, header.find(';', start) - start);
}

void add_auth_routes(std::vector<Route>& table) {
  table.push_back({"POST", "/api/v1/login", {}, login, true});
  table.push_back({"POST", "/api/v1/logout", ALL_ROLES, logout});
  table.push_back({"GET", "/api/v1/session", ALL_ROLES, session});
  table.push_back({"PUT", "/api/v1/session/password", ALL_ROLES, change_password});
}

}  // namespace guarantor::server
