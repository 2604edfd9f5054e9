#include "guarantor/core/sha256.hpp"

// OpenSSL's SHA-256 uses the CPU's SHA extensions (SHA-NI) or AVX2 where present, about six
// times libsodium's portable code on this project's machines; the evidence log of a million
// reports hashes 2 GB. Its low-level SHA256_CTX is a plain struct, so a state is copied by value
// (the log copies one per entry, docs/verifier.md "Benchmark"); the EVP interface would allocate
// per copy. The low-level calls are deprecated in OpenSSL 3 but kept by it; same digests.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <type_traits>

namespace guarantor {

namespace {
static_assert(std::is_trivially_copyable_v<SHA256_CTX>, "the hash state is copied as bytes");

SHA256_CTX* as_state(unsigned char* raw) {
  static_assert(sizeof(SHA256_CTX) <= 128, "state buffer too small");
  return reinterpret_cast<SHA256_CTX*>(raw);
}

std::string to_hex(const unsigned char* digest) {
  constexpr char DIGITS[] = "0123456789abcdef";
  std::string hex(SHA256_DIGEST_LENGTH * 2, '\0');
  for (std::size_t index = 0; index < SHA256_DIGEST_LENGTH; ++index) {
    hex[2 * index] = DIGITS[digest[index] >> 4];
    hex[2 * index + 1] = DIGITS[digest[index] & 0x0f];
  }
  return hex;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return to_hex(digest);
}

Sha256::Sha256() { SHA256_Init(as_state(state_)); }

void Sha256::update(std::string_view bytes) {
  SHA256_Update(as_state(state_), bytes.data(), bytes.size());
}

std::string Sha256::finish_hex() {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, as_state(state_));
  return to_hex(digest);
}

}  // namespace guarantor
