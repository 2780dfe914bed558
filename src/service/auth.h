// API keys. The keys file holds one key per line as "<role> <sha256-hex>"
// (role: user or admin; '#' starts a comment), so the file never holds a
// usable key; `embargo keys hash KEY` prints a line for a new key. Clients
// send "Authorization: ApiKey <key>". Immutable after loading; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "embargo/status.h"

namespace embargo::service {

enum class Role { kUser, kAdmin };

class ApiKeys {
 public:
  static Result<ApiKeys> Load(const std::string& path);
  static ApiKeys FromHashes(std::map<std::string, Role> hashes);

  // The role of the key in an Authorization header value, or nullopt.
  std::optional<Role> Authenticate(const std::string& authorization) const;
  bool empty() const { return hashes_.empty(); }

 private:
  std::map<std::string, Role> hashes_;  // sha256 hex -> role
};

}  // namespace embargo::service
