// SHA-256 (OpenSSL EVP) as lowercase hex: one-shot for a string, or
// incremental for streams (downloads, list contents, the audit chain); and
// HMAC-SHA256 (the audit chain's keyed anchor). The functions are
// thread-safe; Sha256 is a move-only value, not thread-safe, one per stream.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace embargo {

// Lowercase hex SHA-256 of `text`.
std::string Sha256Hex(std::string_view text);

// Lowercase hex HMAC-SHA256 of `message` under `key` (raw bytes).
std::string HmacSha256Hex(std::string_view key, std::string_view message);

// `bytes` as lowercase hex.
std::string HexLower(std::string_view bytes);

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void Update(std::string_view bytes);
  // The hex digest of everything passed to Update; the hasher is then spent.
  std::string FinishHex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace embargo
