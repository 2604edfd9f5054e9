// /api/v1/users (secretariat: list, add, disable or enable, set a password) and /api/v1/tokens
// (every user, for its own scripts).
#include <fmt/format.h>

#include "api.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> ADMINS = {Role::Secretariat};
const std::set<Role> EVERYONE = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                 Role::Planner,     Role::Monitor, Role::Observer};

json user_json(const store::User& user) {
  return {{"name", user.name}, {"role", store::to_string(user.role)}, {"nation", user.nation},
          {"disabled", user.disabled}, {"created_at", user.created_at}};
}

json token_json(const store::ApiToken& token) {
  return {{"id", token.id}, {"user", token.user}, {"label", token.label}, {"created_at", token.created_at},
          {"revoked_at", token.revoked_at.empty() ? json() : json(token.revoked_at)}};
}

std::string string_member(const json& body, const char* key, bool required) {
  auto it = body.is_object() ? body.find(key) : body.end();
  if (!body.is_object() || it == body.end()) {
    if (required) throw ApiError(400, "schema", "missing; expected a string", std::string("/") + key);
    return {};
  }
  if (!it->is_string()) throw ApiError(400, "schema", "expected a string", std::string("/") + key);
  return it->get<std::string>();
}

Reply list_users(Context& context) {
  json items = json::array();
  for (const auto& user : context.server.workspace.users()) items.push_back(user_json(user));
  return {200, {{"items", items}, {"total", items.size()}}, {}};
}

Reply create_user(Context& context) {
  const json body = context.body();
  const auto role = store::role_from_string(string_member(body, "role", true));
  if (!role) throw ApiError(400, "schema", fmt::format("expected one of {}", store::role_names()), "/role");
  const auto user = context.server.workspace.create_user(string_member(body, "name", true), *role,
                                                         string_member(body, "nation", false),
                                                         string_member(body, "password", true), context.user().name);
  return {201, user_json(user), {}};
}

// The body of a user change: exactly one member `key` of JSON type `type`.
json only_member(const json& body, const char* key, json::value_t type, const char* expected) {
  if (!body.is_object()) throw ApiError(400, "schema", fmt::format("got {}; expected an object", body.type_name()), "");
  for (const auto& [member, value] : body.items())
    if (member != key)
      throw ApiError(400, "schema", fmt::format("unknown member \"{}\"; expected only {}", member, key), "/" + member);
  const auto it = body.find(key);
  if (it == body.end() || it->type() != type)
    throw ApiError(400, "schema", fmt::format("missing or of the wrong type; expected {}", expected),
                   std::string("/") + key);
  return *it;
}

// PUT /api/v1/users/{name}/disabled {"disabled": true|false}: a disabled user cannot log in and
// its sessions and tokens stop working at once; enabling lets it log in again.
Reply set_disabled(Context& context) {
  const bool disabled = only_member(context.body(), "disabled", json::value_t::boolean, "true or false").get<bool>();
  return {200,
          user_json(context.server.workspace.set_user_disabled(context.path_param(1), disabled, context.user().name)),
          {}};
}

// PUT /api/v1/users/{name}/password {"password": …}: the secretariat sets a new password (a user
// who forgot theirs). Every session of the user ends, but the caller's own when it resets itself.
Reply reset_password(Context& context) {
  const std::string password =
      only_member(context.body(), "password", json::value_t::string, "a string").get<std::string>();
  const std::string name = context.path_param(1);
  auto& workspace = context.server.workspace;
  if (!workspace.user(name)) throw store::NotFound("user", name);
  const bool own_session = context.principal.via_session && name == context.user().name;
  const auto ended = workspace.set_password(
      name, password, own_session ? session_token_of(context.request) : std::string(), context.user().name);
  return {200, {{"user", user_json(*workspace.user(name))}, {"sessions_ended", ended}}, {}};
}

Reply list_tokens(Context& context) {
  json items = json::array();
  for (const auto& token : context.server.workspace.api_tokens(context.user().name)) items.push_back(token_json(token));
  return {200, {{"items", items}, {"total", items.size()}}, {}};
}

Reply create_token(Context& context) {
  const std::string label = string_member(context.body(), "label", true);
  const auto [record, token] = context.server.workspace.create_api_token(context.user().name, label, context.user().name);
  json out = token_json(record);
  out["token"] = token;  // shown once; only its digest is stored
  return {201, out, {}};
}

Reply revoke_token(Context& context) {
  const std::int64_t id = std::stoll(context.path_param(1));
  auto& workspace = context.server.workspace;
  // A user revokes its own tokens; the secretariat any. Another user's token id is answered as
  // unknown, so ids reveal nothing.
  if (context.user().role != Role::Secretariat) {
    const auto own = workspace.api_tokens(context.user().name);
    if (std::none_of(own.begin(), own.end(), [&](const auto& token) { return token.id == id; }))
      throw store::NotFound("api_token", std::to_string(id));
  }
  return {200, token_json(workspace.revoke_api_token(id, context.user().name)), {}};
}
}  // namespace

void add_account_routes(std::vector<Route>& table) {
  table.push_back({"GET", "/api/v1/users", ADMINS, list_users});
  table.push_back({"POST", "/api/v1/users", ADMINS, create_user});
  table.push_back({"PUT", R"(/api/v1/users/([a-z0-9._-]{1,64})/disabled)", ADMINS, set_disabled});
  table.push_back({"PUT", R"(/api/v1/users/([a-z0-9._-]{1,64})/password)", ADMINS, reset_password});
  table.push_back({"GET", "/api/v1/tokens", EVERYONE, list_tokens});
  table.push_back({"POST", "/api/v1/tokens", EVERYONE, create_token});
  table.push_back({"DELETE", R"(/api/v1/tokens/([0-9]{1,12}))", EVERYONE, revoke_token});
}

}  // namespace guarantor::server
