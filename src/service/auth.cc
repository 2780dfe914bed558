#include "service/auth.h"

#include <fmt/format.h>

#include <sstream>

#include "common/file.h"
#include "common/sha256.h"
#include "common/strings.h"

namespace embargo::service {

ApiKeys ApiKeys::FromHashes(std::map<std::string, Role> hashes) {
  ApiKeys keys;
  keys.hashes_ = std::move(hashes);
  return keys;
}

Result<ApiKeys> ApiKeys::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  std::map<std::string, Role> hashes;
  std::istringstream in(*bytes);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = Trim(line);
    if (text.empty() || text[0] == '#') continue;
    std::istringstream fields{std::string(text)};
    std::string role, hash, extra;
    fields >> role >> hash >> extra;
    if (role != "user" && role != "admin") {
      return MakeError(path, number,
                       fmt::format("unknown role '{}': expected user or admin", role));
    }
    bool hex = hash.size() == 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex || !extra.empty()) {
      return MakeError(path, number,
                       "expected '<role> <sha256-hex>' (make one with: embargo keys hash KEY)");
    }
    hashes[hash] = role == "admin" ? Role::kAdmin : Role::kUser;
  }
  if (hashes.empty()) return MakeError(path, 0, "no keys in the file");
  return FromHashes(std::move(hashes));
}

std::optional<Role> ApiKeys::Authenticate(const std::string& authorization) const {
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

}  // namespace embargo::service
