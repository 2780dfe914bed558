// The audit key: a 256-bit secret kept outside the database, in a file only
// its owner may read (made by `embargo audit init-key`). It MACs the audit
// chain's head (store/audit_head.h), so someone who can rewrite the store's
// rows and recompute their SHA-256 chain, but cannot read this file, cannot
// produce a valid anchor for the result. An AuditKey is an immutable value
// (thread-safe); the secret never leaves it except through HeadMac.
#pragma once

#include <cstdint>
#include <string>

#include "embargo/status.h"

namespace embargo::store {

class AuditKey {
 public:
  // Reads a key file: one line of 64 hexadecimal characters. Refuses a file
  // that is not a regular file or that its group or others may read or
  // write ("chmod 600"), like ssh does with private keys.
  static Result<AuditKey> Load(const std::string& path);
  // Writes a new random key (OpenSSL RAND_bytes) to `path`, created with
  // mode 0600; refuses to overwrite an existing file, since the anchors
  // made with the old key would no longer verify.
  static Result<AuditKey> Create(const std::string& path);

  // HMAC-SHA256 (hex) of the chain head: row `seq` whose hash is `hash`.
  std::string HeadMac(int64_t seq, const std::string& hash) const;
  // Names the key without revealing it: the first 16 hex digits of the
  // SHA-256 of the secret.
  const std::string& id() const { return id_; }
  const std::string& path() const { return path_; }

 private:
  AuditKey(std::string secret, std::string path);
  std::string secret_;
  std::string id_;
  std::string path_;
};

// The key file to use: `flag` (--audit-key-file) when set, else
// $EMBARGO_AUDIT_KEY_FILE, else "" (no key: heads are published unkeyed).
std::string AuditKeyPath(const std::string& flag);

}  // namespace embargo::store
