// API keys and who holds them. The keys file holds one key per line as
// "<role> <sha256-hex> [<user>]" ('#' starts a comment), so the file never
// holds a usable key; `embargo keys hash KEY --role R --user U` prints a
// line. Roles, each allowed what the one before it is: viewer (reads and
// screens), analyst (decides alerts), reviewer (approves others'
// decisions), admin (/admin/ endpoints). "user", the role keys had before
// there were others, is read as analyst. A key without a user name is
// "key:" and the first 8 hex digits of its hash, so the audit trail still
// tells keys apart. Clients send "Authorization: ApiKey <key>"; what the
// audit trail records as the actor is the key's user, never a name the
// client sends. Immutable after loading; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "embargo/status.h"

namespace embargo::service {

enum class Role { kViewer, kAnalyst, kReviewer, kAdmin };

std::string_view RoleName(Role role);
// "viewer", "analyst", "reviewer", "admin", or "user" (analyst).
std::optional<Role> ParseRole(std::string_view text);
// A user name a keys file may give: 1 to 64 of A-Z a-z 0-9 . _ @ -.
bool ValidUserName(std::string_view name);

// Who sent a request: the user its key belongs to and the key's role.
struct KeyHolder {
  std::string user;
  Role role = Role::kViewer;
};

class ApiKeys {
 public:
  static Result<ApiKeys> Load(const std::string& path);
  static ApiKeys FromHashes(std::map<std::string, KeyHolder> hashes);

  // The holder of the key in an Authorization header value, or nullopt.
  std::optional<KeyHolder> Authenticate(const std::string& authorization) const;
  bool empty() const { return hashes_.empty(); }
  // The highest role any key of `user` has, or nullopt when no key is theirs.
  std::optional<Role> RoleOf(const std::string& user) const;

 private:
  std::map<std::string, KeyHolder> hashes_;  // sha256 hex -> holder
};

}  // namespace embargo::service
