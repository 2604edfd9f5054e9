#include "guarantor/verify/log_signing.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::verify {
namespace {

constexpr std::string_view SECRET_TAG = "guarantor-ed25519-secret";
constexpr std::string_view PUBLIC_TAG = "guarantor-ed25519-public";
// Domain separation: these bytes are never a prefix of anything else the project signs.
constexpr std::string_view CHECKPOINT_CONTEXT = "guarantor evidence log checkpoint v1\n";

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64 && crypto_sign_BYTES == 64);

void init_sodium() {
  if (sodium_init() < 0) throw Error(ErrorCode::Internal, "libsodium", "cannot initialise the crypto library");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

template <std::size_t N>
bool from_hex(std::string_view hex, std::array<unsigned char, N>& out) {
  std::size_t length = 0;
  const char* end = nullptr;
  return hex.size() == 2 * N &&
         sodium_hex2bin(out.data(), N, hex.data(), hex.size(), nullptr, &length, &end) == 0 && length == N &&
         end == hex.data() + hex.size();
}

template <std::size_t N>
std::array<unsigned char, N> read_key_file(const std::filesystem::path& path, std::string_view tag) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot read the key file");
  std::string word, hex;
  in >> word >> hex;
  std::array<unsigned char, N> bytes{};
  if (word != tag || !from_hex(hex, bytes))
    throw Error(ErrorCode::Syntax, path.string(),
                fmt::format("not a key file; expected one line \"{} <{} hex digits>\" (guarantor keygen writes it)",
                            tag, 2 * N));
  return bytes;
}

}  // namespace

std::string PublicKey::id() const { return to_hex(bytes.data(), bytes.size()); }

PublicKey SecretKey::public_key() const {
  PublicKey key;
  // libsodium's Ed25519 secret key is seed || public key.
  std::copy(bytes.begin() + 32, bytes.end(), key.bytes.begin());
  return key;
}

SecretKey generate_secret_key() {
  init_sodium();
  SecretKey key;
  std::array<unsigned char, 32> public_bytes{};
  crypto_sign_keypair(public_bytes.data(), key.bytes.data());
  return key;
}

void write_key_pair(const SecretKey& key, const std::filesystem::path& secret_path,
                    const std::filesystem::path& public_path) {
  // O_EXCL: never overwrite a key that may already sign logs; 0600: only the monitor reads it.
  const int fd = ::open(secret_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    throw Error(ErrorCode::OutputFailed, secret_path.string(),
                "cannot create the secret key file (it must not exist yet; a key is never overwritten)");
  const std::string secret = fmt::format("{} {}\n", SECRET_TAG, to_hex(key.bytes.data(), key.bytes.size()));
  const bool written = ::write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw Error(ErrorCode::OutputFailed, secret_path.string(), "cannot write the secret key");
  std::ofstream out(public_path, std::ios::trunc);
  out << PUBLIC_TAG << ' ' << key.public_key().id() << '\n';
  if (!out.flush()) throw Error(ErrorCode::OutputFailed, public_path.string(), "cannot write the public key");
}

SecretKey read_secret_key(const std::filesystem::path& path) {
  SecretKey key;
  key.bytes = read_key_file<64>(path, SECRET_TAG);
  // The embedded public key must be the one the seed gives, or signatures would not verify.
  init_sodium();
  std::array<unsigned char, 32> seed{}, public_bytes{};
  std::array<unsigned char, 64> rebuilt{};
  crypto_sign_ed25519_sk_to_seed(seed.data(), key.bytes.data());
  crypto_sign_seed_keypair(public_bytes.data(), rebuilt.data(), seed.data());
  if (rebuilt != key.bytes)
    throw Error(ErrorCode::Syntax, path.string(), "the secret key's embedded public key does not match its seed");
  return key;
}

PublicKey read_public_key(const std::filesystem::path& path) {
  PublicKey key;
  key.bytes = read_key_file<32>(path, PUBLIC_TAG);
  return key;
}

std::string checkpoint_message(std::uint64_t seq, std::string_view head) {
  return fmt::format("{}{}\n{}", CHECKPOINT_CONTEXT, seq, head);
}

nlohmann::json sign_checkpoint(const SecretKey& key, std::uint64_t seq, std::string_view head) {
  init_sodium();
  const std::string message = checkpoint_message(seq, head);
  std::array<unsigned char, 64> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), key.bytes.data());
  return {{"key", key.public_key().id()},
          {"seq", seq},
          {"head", head},
          {"signature", to_hex(signature.data(), signature.size())}};
}

CheckpointCheck check_checkpoint(const nlohmann::json& body, const std::vector<PublicKey>& keys) {
  if (!body.is_object() || !body.contains("key") || !body.contains("seq") || !body.contains("head") ||
      !body.contains("signature") || !body["key"].is_string() || !body["seq"].is_number_unsigned() ||
      !body["head"].is_string() || !body["signature"].is_string())
    return CheckpointCheck::Malformed;
  std::array<unsigned char, 64> signature{};
  if (!from_hex(body["signature"].get<std::string>(), signature)) return CheckpointCheck::Malformed;
  const std::string key_id = body["key"].get<std::string>();
  init_sodium();
  for (const PublicKey& key : keys) {
    if (key.id() != key_id) continue;
    const std::string message = checkpoint_message(body["seq"].get<std::uint64_t>(), body["head"].get<std::string>());
    return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), key.bytes.data()) == 0
               ? CheckpointCheck::Valid
               : CheckpointCheck::BadSignature;
  }
  return CheckpointCheck::UnknownKey;
}

}  // namespace guarantor::verify
