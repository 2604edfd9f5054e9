#pragma once
// SHA-256 digests (OpenSSL libcrypto), for input provenance and the hash-chained evidence log.
#include <string>
#include <string_view>

namespace guarantor {

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

/// Incremental SHA-256 for large inputs.
class Sha256 {
public:
  Sha256();
  void update(std::string_view bytes);
  /// Lower-case hex digest; the object must not be updated afterwards.
  std::string finish_hex();

private:
  alignas(64) unsigned char state_[128];  // SHA256_CTX is 112 bytes; trivially copyable
};

}  // namespace guarantor
