#include "service/auth.h"

#include <fmt/format.h>

#include <sstream>

#include "common/file.h"
#include "common/sha256.h"
#include "common/strings.h"

namespace embargo::service {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer: return "viewer";
    case Role::kAnalyst: return "analyst";
    case Role::kReviewer: return "reviewer";
    case Role::kAdmin: return "admin";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role role : {Role::kViewer, Role::kAnalyst, Role::kReviewer, Role::kAdmin}) {
    if (text == RoleName(role)) return role;
  }
  if (text == "user") return Role::kAnalyst;
  return std::nullopt;
}

bool ValidUserName(std::string_view name) {
  return !name.empty() && name.size() <= 64 &&
         name.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@-") ==
             std::string_view::npos;
}

ApiKeys ApiKeys::FromHashes(std::map<std::string, KeyHolder> hashes) {
  ApiKeys keys;
  keys.hashes_ = std::move(hashes);
  return keys;
}

Result<ApiKeys> ApiKeys::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  std::map<std::string, KeyHolder> hashes;
  std::istringstream in(*bytes);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = Trim(line);
    if (text.empty() || text[0] == '#') continue;
    std::istringstream fields{std::string(text)};
    std::string role_text, hash, user, extra;
    fields >> role_text >> hash >> user >> extra;
    std::optional<Role> role = ParseRole(role_text);
    if (!role) {
      return MakeError(
          path, number,
          fmt::format("unknown role '{}': expected viewer, analyst, reviewer or admin", role_text));
    }
    bool hex = hash.size() == 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex || !extra.empty()) {
      return MakeError(path, number,
                       "expected '<role> <sha256-hex> [<user>]' (make one with: embargo keys hash "
                       "KEY --role ROLE --user NAME)");
    }
    if (!user.empty() && !ValidUserName(user)) {
      return MakeError(path, number,
                       fmt::format("user name '{}' must be 1 to 64 of A-Z a-z 0-9 . _ @ -", user));
    }
    if (user.empty()) user = "key:" + hash.substr(0, 8);
    if (!hashes.emplace(hash, KeyHolder{user, *role}).second)
      return MakeError(path, number, "this key is listed twice");
  }
  if (hashes.empty()) return MakeError(path, 0, "no keys in the file");
  return FromHashes(std::move(hashes));
}

std::optional<KeyHolder> ApiKeys::Authenticate(const std::string& authorization) const {
  constexpr std::string_view kScheme = "ApiKey ";  // any case, as HTTP schemes are
  if (authorization.size() <= kScheme.size() ||
      !EqualsIgnoreCase(std::string_view(authorization).substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  auto it = hashes_.find(
      Sha256Hex(std::string(Trim(std::string_view(authorization).substr(kScheme.size())))));
  if (it == hashes_.end()) return std::nullopt;
  return it->second;
}

std::optional<Role> ApiKeys::RoleOf(const std::string& user) const {
  std::optional<Role> best;
  for (const auto& [hash, holder] : hashes_) {
    if (holder.user == user && (!best || holder.role > *best)) best = holder.role;
  }
  return best;
}

}  // namespace embargo::service
