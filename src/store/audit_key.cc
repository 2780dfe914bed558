#include "store/audit_key.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "common/file.h"
#include "common/sha256.h"
#include "common/strings.h"

namespace embargo::store {
namespace {

constexpr size_t kKeyBytes = 32;

std::optional<std::string> FromHex(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = digit(hex[i]), low = digit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

}  // namespace

AuditKey::AuditKey(std::string secret, std::string path)
    : secret_(std::move(secret)), id_(Sha256Hex(secret_).substr(0, 16)), path_(std::move(path)) {}

Result<AuditKey> AuditKey::Load(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return MakeError(path, 0, fmt::format("cannot read the audit key: {}", std::strerror(errno)));
  }
  if (!S_ISREG(info.st_mode)) return MakeError(path, 0, "the audit key is not a regular file");
  if ((info.st_mode & 077) != 0) {
    return MakeError(path, 0,
                     fmt::format("the audit key is open to other users (mode {:04o}): chmod 600 {}",
                                 info.st_mode & 0777, path));
  }
  auto text = ReadFileBytes(path);
  if (!text.ok()) return text.error();
  auto secret = FromHex(Trim(*text));
  if (!secret || secret->size() != kKeyBytes) {
    return MakeError(path, 1,
                     "expected 64 hexadecimal characters (a key made by 'embargo audit init-key')");
  }
  return AuditKey(std::move(*secret), path);
}

Result<AuditKey> AuditKey::Create(const std::string& path) {
  unsigned char raw[kKeyBytes];
  if (RAND_bytes(raw, sizeof raw) != 1) return MakeError("OpenSSL could not make a random key");
  std::string secret(reinterpret_cast<const char*>(raw), sizeof raw);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    return MakeError(path, 0,
                     "already exists: not overwritten (anchors made with that key would no "
                     "longer verify)");
  }
  if (fd < 0) return MakeError(path, 0, fmt::format("cannot create: {}", std::strerror(errno)));
  std::string line = HexLower(secret) + "\n";
  bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  bool synced = written && fsync(fd) == 0;
  close(fd);
  if (!synced) {
    unlink(path.c_str());
    return MakeError(path, 0, "cannot write the key");
  }
  return AuditKey(std::move(secret), path);
}

std::string AuditKey::HeadMac(int64_t seq, const std::string& hash) const {
  return HmacSha256Hex(secret_, fmt::format("embargo audit head\n{}\n{}", seq, hash));
}

std::string AuditKeyPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("EMBARGO_AUDIT_KEY_FILE"); env != nullptr && *env != '\0') {
    return env;
  }
  return "";
}

}  // namespace embargo::store
