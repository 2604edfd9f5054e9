#pragma once
// Signed checkpoints of the evidence log. The hash chain alone only shows changes by someone who
// cannot re-hash the file; whoever can write it can rewrite and re-hash it whole. So each run
// ends with a checkpoint entry carrying an Ed25519 signature (libsodium) over the hash of the
// run's last entry; the chain makes that hash commit to every entry before it. Without the
// monitor's secret key no rewritten log can carry valid checkpoints.
//
// Key files are one line of text: "guarantor-ed25519-secret <128 hex digits>" (libsodium's 64-byte
// secret key, which embeds the public key) and "guarantor-ed25519-public <64 hex digits>".
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace guarantor::verify {

struct PublicKey {
  std::array<unsigned char, 32> bytes{};
  /// Lower-case hex of the 32 bytes: how checkpoints name the key that signed them.
  [[nodiscard]] std::string id() const;
};

struct SecretKey {
  std::array<unsigned char, 64> bytes{};
  [[nodiscard]] PublicKey public_key() const;
};

/// A fresh key pair from the system's random source.
SecretKey generate_secret_key();
/// Writes the secret key (file mode 0600, refused if the file exists) and the public key.
/// Throws Error(OutputFailed) naming the file.
void write_key_pair(const SecretKey& key, const std::filesystem::path& secret_path,
                    const std::filesystem::path& public_path);
/// Throw Error (FileNotFound, Syntax) naming the file and what was expected.
SecretKey read_secret_key(const std::filesystem::path& path);
PublicKey read_public_key(const std::filesystem::path& path);

/// The bytes a checkpoint signs: a fixed context, the entry's sequence number and hash, so a
/// signature cannot be replayed for another log position.
std::string checkpoint_message(std::uint64_t seq, std::string_view head);

/// Body of a checkpoint entry signing entry `seq` whose hash is `head`:
/// {"key": <public key id>, "seq": n, "head": hash, "signature": <128 hex digits>}.
nlohmann::json sign_checkpoint(const SecretKey& key, std::uint64_t seq, std::string_view head);

/// Outcome of checking one checkpoint body against the keys given.
enum class CheckpointCheck { Valid, UnknownKey, BadSignature, Malformed };
CheckpointCheck check_checkpoint(const nlohmann::json& body, const std::vector<PublicKey>& keys);

}  // namespace guarantor::verify
