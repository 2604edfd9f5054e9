// Users, sessions and API tokens in the workspace database; every change to a user or a token
// is recorded in the history (never a password hash or a token).
#include <chrono>
#include <regex>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"
#include "workspace_impl.hpp"

namespace guarantor::store {

namespace {
// Long enough that an offline guess of an argon2id hash is impractical (NIST SP 800-63B asks for
// at least 8; 12 is the common organisational floor).
constexpr std::size_t MIN_PASSWORD_CHARS = 12;
constexpr std::size_t MAX_PASSWORD_CHARS = 1024;

User read_user(const db::Statement& row) {
  User user;
  user.name = row.text(0);
  user.role = role_from_string(row.text(1)).value_or(Role::Observer);
  user.nation = row.text(2);
  user.disabled = row.integer(3) != 0;
  user.created_at = row.text(4);
  return user;
}

constexpr std::string_view USER_COLUMNS = "name, role, coalesce(nation, ''), disabled, created_at";

std::optional<User> find_user(db::Connection& connection, const std::string& name) {
  auto select = connection.prepare(fmt::format("SELECT {} FROM app_user WHERE name = ?1", USER_COLUMNS));
  select.bind(1, name);
  if (!select.step()) return std::nullopt;
  return read_user(select);
}

void check_password_rules(std::string_view password, DiagnosticSink& sink) {
  if (password.size() < MIN_PASSWORD_CHARS || password.size() > MAX_PASSWORD_CHARS)
    sink.add(
        ErrorCode::Schema, "/password",
        fmt::format("got {} characters; expected {} to {}", password.size(), MIN_PASSWORD_CHARS, MAX_PASSWORD_CHARS));
}

// A user as the history records it: never a password hash.
nlohmann::json user_record(const User& user) {
  return {{"name", user.name}, {"role", to_string(user.role)}, {"nation", user.nation}, {"disabled", user.disabled}};
}

// Ends the user's sessions but the one with digest `kept_digest`; returns how many ended.
std::int64_t end_sessions_of(db::Connection& connection, const std::string& user, const std::string& kept_digest) {
  auto count = connection.prepare("SELECT count(*) FROM user_session WHERE user_name = ?1 AND token_digest <> ?2");
  count.bind(1, user).bind(2, kept_digest).step();
  const std::int64_t ended = count.integer(0);
  connection.prepare("DELETE FROM user_session WHERE user_name = ?1 AND token_digest <> ?2")
      .bind(1, user)
      .bind(2, kept_digest)
      .run();
  return ended;
}

ApiToken read_token(const db::Statement& row) {
  return {row.integer(0), row.text(1), row.text(2), row.text(3), row.is_null(4) ? std::string() : row.text(4)};
}
}  // namespace

User Workspace::create_user(const std::string& name, Role role, const std::string& nation, std::string_view password,
                            const std::string& actor) {
  static const std::regex NAME_PATTERN("[a-z0-9._-]{1,64}");
  DiagnosticSink sink;
  if (!std::regex_match(name, NAME_PATTERN))
    sink.add(ErrorCode::Schema, "/name", fmt::format("got \"{}\"; expected 1-64 characters of a-z, 0-9, '.', '_', '-'", name));
  check_password_rules(password, sink);
  if (role == Role::Liaison && nation.empty())
    sink.add(ErrorCode::Schema, "/nation", "missing; a liaison acts for one nation (its ISO 3166-1 alpha-2 code)");
  if (role != Role::Liaison && !nation.empty())
    sink.add(ErrorCode::Schema, "/nation", fmt::format("got \"{}\"; only a liaison has a nation", nation));
  sink.throw_if_any();
  const std::string hash = hash_password(password);  // slow by design: outside the lock

  return impl_->grouped_write<User>([&](db::Connection& connection) -> User {
    if (role == Role::Liaison && detail::read_nations(connection, nation).empty())
      throw Error(ErrorCode::Reference, "/nation", fmt::format("\"{}\" is not a nation of the workspace", nation));
    if (find_user(connection, name))
      throw Error(ErrorCode::Consistency, "/name", fmt::format("a user \"{}\" exists; expected a new name", name));
    User user{name, role, nation, false, impl_->clock()};
    auto insert = connection.prepare(
        "INSERT INTO app_user (name, role, nation, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, name).bind(2, to_string(role));
    if (nation.empty()) insert.bind_null(3);
    else insert.bind(3, nation);
    insert.bind(4, hash).bind(5, user.created_at).run();
    detail::append_history(connection, user.created_at, actor, "create", "user", name, nullptr,
                           {{"name", name}, {"role", to_string(role)}, {"nation", nation}});
    return user;
  });
}

std::int64_t Workspace::set_password(const std::string& name, std::string_view password,
                                     const std::string& kept_session_token, const std::string& actor) {
  DiagnosticSink sink;
  check_password_rules(password, sink);
  sink.throw_if_any();
  const std::string hash = hash_password(password);  // slow by design: outside the lock
  // No stored digest is empty, so an empty one keeps no session.
  const std::string kept_digest = kept_session_token.empty() ? std::string() : sha256_hex(kept_session_token);
  const auto ended = impl_->grouped_write<std::int64_t>([&](db::Connection& connection) -> std::int64_t {
    if (!find_user(connection, name)) throw NotFound("user", name);
    connection.prepare("UPDATE app_user SET password_hash = ?1 WHERE name = ?2").bind(1, hash).bind(2, name).run();
    const std::int64_t sessions_ended = end_sessions_of(connection, name, kept_digest);
    detail::append_history(connection, impl_->clock(), actor, "set_password", "user", name, nullptr,
                           {{"name", name}, {"sessions_ended", sessions_ended}});
    return sessions_ended;
  });
  impl_->credentials.forget_user(name);
  return ended;
}

User Workspace::set_user_disabled(const std::string& name, bool disabled, const std::string& actor) {
  auto changed = impl_->grouped_write<User>([&](db::Connection& connection) -> User {
    auto user = find_user(connection, name);
    if (!user) throw NotFound("user", name);
    if (user->disabled == disabled) return *user;  // nothing changes, nothing is recorded
    if (disabled && user->role == Role::Secretariat) {
      auto others = connection.prepare("SELECT count(*) FROM app_user WHERE role = ?1 AND disabled = 0 AND name <> ?2");
      others.bind(1, to_string(Role::Secretariat)).bind(2, name).step();
      if (others.integer(0) == 0)
        throw Error(ErrorCode::Consistency, "/disabled",
                    fmt::format("\"{}\" is the last enabled secretariat user; enable or add another secretariat user "
                                "first, or nobody could administer the workspace",
                                name));
    }
    const User before = *user;
    user->disabled = disabled;
    connection.prepare("UPDATE app_user SET disabled = ?1 WHERE name = ?2")
        .bind(1, static_cast<std::int64_t>(disabled ? 1 : 0))
        .bind(2, name)
        .run();
    if (disabled) end_sessions_of(connection, name, {});
    detail::append_history(connection, impl_->clock(), actor, "update", "user", name, user_record(before),
                           user_record(*user));
    return *user;
  });
  impl_->credentials.forget_user(name);
  return changed;
}

std::vector<User> Workspace::users() const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(fmt::format("SELECT {} FROM app_user ORDER BY name", USER_COLUMNS));
  std::vector<User> users;
  while (select.step()) users.push_back(read_user(select));
  return users;
}

std::optional<User> Workspace::user(const std::string& name) const {
  const auto reader = impl_->read();
  return find_user(reader.connection(), name);
}

std::optional<User> Workspace::check_password(const std::string& name, std::string_view password) const {
  std::string hash;
  std::optional<User> found;
  {
    const auto reader = impl_->read();
    auto select = reader.connection().prepare("SELECT password_hash FROM app_user WHERE name = ?1 AND disabled = 0");
    select.bind(1, name);
    if (select.step()) {
      hash = select.text(0);
      found = find_user(reader.connection(), name);
    }
  }
  // An unknown user still costs one argon2id verification, against a hash of a random secret.
  static const std::string DECOY_HASH = hash_password(random_token());
  const bool matches = password_matches(hash.empty() ? DECOY_HASH : hash, password);
  if (!found || !matches) return std::nullopt;
  return found;
}

NewSession Workspace::create_session(const std::string& user, std::int64_t expires_epoch) {
  NewSession session{random_token(), random_token(), expires_epoch};
  impl_->writes.run([&](db::Connection& connection) {
    connection
        .prepare(
            "INSERT INTO user_session (token_digest, user_name, csrf_token, expires_epoch) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, sha256_hex(session.token))
        .bind(2, user)
        .bind(3, session.csrf_token)
        .bind(4, expires_epoch)
        .run();
  });
  return session;
}

std::optional<Session> Workspace::find_session(const std::string& token, std::int64_t now_epoch) {
  const std::string digest = sha256_hex(token);
  using Kind = CredentialCache::Kind;
  if (auto known = impl_->credentials.find(digest, Kind::Session, now_epoch))
    return Session{std::move(known->user), std::move(known->csrf_token), known->expires_epoch};
  const auto generation = impl_->credentials.generation();
  {
    // The usual case, a live session, is a read; only an expired one (found once) takes the
    // writer to remove expired sessions, so that an expired session never comes back.
    const auto reader = impl_->read();
    auto& connection = reader.connection();
    auto select = connection.prepare("SELECT user_name, csrf_token, expires_epoch FROM user_session WHERE token_digest = ?1");
    select.bind(1, digest);
    // A refusal drops what an earlier check kept, so a session found ended stays refused.
    const auto refuse = [&]() -> std::optional<Session> {
      impl_->credentials.forget(digest);
      return std::nullopt;
    };
    if (!select.step()) return refuse();
    if (select.integer(2) > now_epoch) {
      auto user = find_user(connection, select.text(0));
      if (!user || user->disabled) return refuse();
      Session session{*user, select.text(1), select.integer(2)};
      impl_->credentials.remember(
          digest, {Kind::Session, session.user, session.csrf_token, session.expires_epoch, now_epoch}, generation);
      return session;
    }
  }
  impl_->writes.run([&](db::Connection& connection) {
    connection.prepare("DELETE FROM user_session WHERE expires_epoch <= ?1").bind(1, now_epoch).run();
  });
  impl_->credentials.forget(digest);
  return std::nullopt;
}

void Workspace::end_session(const std::string& token) {
  const std::string digest = sha256_hex(token);
  impl_->writes.run([&](db::Connection& connection) {
    connection.prepare("DELETE FROM user_session WHERE token_digest = ?1").bind(1, digest).run();
  });
  impl_->credentials.forget(digest);
}

std::pair<ApiToken, std::string> Workspace::create_api_token(const std::string& user, const std::string& label,
                                                             const std::string& actor) {
  const std::string token = random_token();
  return impl_->grouped_write<std::pair<ApiToken, std::string>>(
      [&](db::Connection& connection) -> std::pair<ApiToken, std::string> {
        if (!find_user(connection, user)) throw NotFound("user", user);
        ApiToken record{0, user, label, impl_->clock(), ""};
        auto insert = connection.prepare(
            "INSERT INTO api_token (user_name, label, token_digest, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id");
        insert.bind(1, user).bind(2, label).bind(3, sha256_hex(token)).bind(4, record.created_at).step();
        record.id = insert.integer(0);
        insert.run();
        detail::append_history(connection, record.created_at, actor, "create", "api_token", std::to_string(record.id),
                               nullptr, {{"user", user}, {"label", label}});
        return {record, token};
      });
}

std::vector<ApiToken> Workspace::api_tokens(const std::string& user) const {
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(
      "SELECT id, user_name, label, created_at, revoked_at FROM api_token WHERE user_name = ?1 ORDER BY id");
  select.bind(1, user);
  std::vector<ApiToken> tokens;
  while (select.step()) tokens.push_back(read_token(select));
  return tokens;
}

std::optional<User> Workspace::user_of_token(const std::string& token) const {
  return user_of_token(
      token,
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

std::optional<User> Workspace::user_of_token(const std::string& token, std::int64_t now_epoch) const {
  const std::string digest = sha256_hex(token);
  using Kind = CredentialCache::Kind;
  if (auto known = impl_->credentials.find(digest, Kind::ApiToken, now_epoch)) return std::move(known->user);
  const auto generation = impl_->credentials.generation();
  const auto reader = impl_->read();
  auto select = reader.connection().prepare(
      "SELECT user_name FROM api_token WHERE token_digest = ?1 AND revoked_at IS NULL");
  select.bind(1, digest);
  // A refusal drops what an earlier check kept, so a token found revoked stays refused.
  const auto refuse = [&]() -> std::optional<User> {
    impl_->credentials.forget(digest);
    return std::nullopt;
  };
  if (!select.step()) return refuse();
  auto user = find_user(reader.connection(), select.text(0));
  if (!user || user->disabled) return refuse();
  impl_->credentials.remember(digest, {Kind::ApiToken, *user, {}, 0, now_epoch}, generation);
  return user;
}

ApiToken Workspace::revoke_api_token(std::int64_t id, const std::string& actor) {
  std::string digest;
  auto revoked = impl_->grouped_write<ApiToken>([&](db::Connection& connection) -> ApiToken {
    auto select = connection.prepare(
        "SELECT id, user_name, label, created_at, revoked_at, token_digest FROM api_token WHERE id = ?1");
    select.bind(1, id);
    if (!select.step()) throw NotFound("api_token", std::to_string(id));
    ApiToken token = read_token(select);
    digest = select.text(5);
    if (token.revoked_at.empty()) {
      token.revoked_at = impl_->clock();
      connection.prepare("UPDATE api_token SET revoked_at = ?1 WHERE id = ?2")
          .bind(1, token.revoked_at)
          .bind(2, id)
          .run();
      detail::append_history(connection, token.revoked_at, actor, "revoke", "api_token", std::to_string(id), nullptr,
                             {{"user", token.user}, {"label", token.label}});
    }
    return token;
  });
  impl_->credentials.forget(digest);
  return revoked;
}

}  // namespace guarantor::store
