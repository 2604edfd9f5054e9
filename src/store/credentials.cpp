// Password hashing, random tokens and the role vocabulary.
#include <stdexcept>

#include <sodium.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/model/enum_names.hpp"
#include "guarantor/store/accounts.hpp"

namespace guarantor::store {

namespace {
constexpr model::detail::NameTable<Role, 6> ROLE_NAMES{{
    {Role::Secretariat, "secretariat"},
    {Role::Liaison, "liaison"},
    {Role::HostNation, "host_nation"},
    {Role::Planner, "planner"},
    {Role::Monitor, "monitor"},
    {Role::Observer, "observer"},
}};
// libsodium's "interactive" argon2id cost (2 passes, 64 MiB): its documented choice for online
// logins, about a tenth of a second per attempt here, which with the login rate limit makes
// guessing slow while logging in stays quick.
constexpr unsigned long long PWHASH_OPS = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t PWHASH_MEM = crypto_pwhash_MEMLIMIT_INTERACTIVE;
constexpr std::size_t TOKEN_BYTES = 32;

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it returns -1 only if the library is unusable.
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium", "initialisation failed");
}
}  // namespace

std::string_view to_string(Role role) { return model::detail::name_of(ROLE_NAMES, role); }
std::optional<Role> role_from_string(std::string_view text) { return model::detail::parse_name(ROLE_NAMES, text); }
std::string_view role_names() { return "secretariat, liaison, host_nation, planner, monitor, observer"; }

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), PWHASH_OPS, PWHASH_MEM,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Error(ErrorCode::Internal, "password hashing", "out of memory while hashing a password");
  }
  return out;
}

bool password_matches(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[TOKEN_BYTES];
  randombytes_buf(bytes, sizeof bytes);
  char hex[TOKEN_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

}  // namespace guarantor::store
