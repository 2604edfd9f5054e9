#include "guarantor/core/sha256.hpp"

#include <sodium.h>

#include "guarantor/core/error.hpp"

namespace guarantor {

namespace {
crypto_hash_sha256_state* as_state(unsigned char* raw) {
  static_assert(sizeof(crypto_hash_sha256_state) <= 128, "state buffer too small");
  return reinterpret_cast<crypto_hash_sha256_state*>(raw);
}

std::string to_hex(const unsigned char* digest) {
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, crypto_hash_sha256_BYTES);
  return std::string(hex);
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return to_hex(digest);
}

Sha256::Sha256() { crypto_hash_sha256_init(as_state(state_)); }

void Sha256::update(std::string_view bytes) {
  crypto_hash_sha256_update(as_state(state_), reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

std::string Sha256::finish_hex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(as_state(state_), digest);
  return to_hex(digest);
}

}  // namespace guarantor
