#pragma once
// Who may use the workspace: users with a role (and, for a liaison, a nation), browser sessions
// and API tokens. Passwords are stored as argon2id hashes (libsodium crypto_pwhash); session and
// API tokens only as SHA-256 digests, so a copy of the database lets nobody log in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guarantor::store {

/// The roles of the coalition workspace (docs/workspace.md has what each may do).
enum class Role { Secretariat, Liaison, HostNation, Planner, Monitor, Observer };
std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);
/// "secretariat, liaison, host_nation, planner, monitor, observer", for messages.
std::string_view role_names();

struct User {
  std::string name;
  Role role = Role::Observer;
  std::string nation;  ///< ISO 3166-1 alpha-2 of a liaison's nation; empty for other roles
  bool disabled = false;
  std::string created_at;
};

/// A new browser session: the token goes into the HttpOnly cookie, the CSRF token to the page.
struct NewSession {
  std::string token;
  std::string csrf_token;
  std::int64_t expires_epoch = 0;  ///< seconds since 1970-01-01 UTC
};

struct Session {
  User user;
  std::string csrf_token;
  std::int64_t expires_epoch = 0;
};

struct ApiToken {
  std::int64_t id = 0;
  std::string user;
  std::string label;
  std::string created_at;
  std::string revoked_at;  ///< empty while the token is valid
};

/// The argon2id hash of a password in libsodium's self-describing string form.
std::string hash_password(std::string_view password);
/// True when `password` matches `hash`; constant time in the password.
bool password_matches(const std::string& hash, std::string_view password);
/// 32 random bytes as 64 hex digits (libsodium's CSPRNG).
std::string random_token();

}  // namespace guarantor::store
