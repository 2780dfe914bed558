#include "common/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace embargo {
namespace {

// The error for a file that is not a regular file, from its mode.
Error NotRegular(const std::filesystem::path& path, mode_t mode) {
  if (S_ISDIR(mode)) return MakeError(path.string(), 0, "is a directory, expected a file");
  return MakeError(path.string(), 0, "not a regular file (a FIFO, socket or device); name a file");
}

Error TooLarge(const std::filesystem::path& path, uint64_t size, uint64_t max_bytes) {
  return MakeError(path.string(), 0,
                   fmt::format("{}, more than the {} limit for one file", ByteSizeText(size),
                               ByteSizeText(max_bytes)));
}

// Closes the descriptor it holds.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string ByteSizeText(uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < (uint64_t{1} << 20)) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  if (bytes < (uint64_t{1} << 30)) return fmt::format("{:.1f} MiB", bytes / 1048576.0);
  return fmt::format("{:.1f} GiB", bytes / 1073741824.0);
}

Status CheckRegularFile(const std::filesystem::path& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return MakeError(path.string(), 0, "cannot open file");
  if (!S_ISREG(info.st_mode)) return NotRegular(path, info.st_mode);
  return Status::Ok();
}

Result<std::string> ReadFileBytes(const std::filesystem::path& path, uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then
  // refuses it. Regular files ignore the flag.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == EISDIR) return NotRegular(path, S_IFDIR);
    return MakeError(path.string(), 0, "cannot open file");
  }
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) return MakeError(path.string(), 0, "cannot read file");
  if (!S_ISREG(info.st_mode)) return NotRegular(path, info.st_mode);
  uint64_t size = static_cast<uint64_t>(info.st_size);
  if (size > max_bytes) return TooLarge(path, size, max_bytes);
  std::string bytes;
  bytes.reserve(size);
  // Read to the end, not to st_size: the file may be growing (or be one of
  // /proc's, which report 0), but never past the limit.
  char buffer[1 << 16];
  while (true) {
    ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return MakeError(path.string(), 0, "cannot read file");
    if (got == 0) break;
    if (bytes.size() + static_cast<uint64_t>(got) > max_bytes) {
      return TooLarge(path, bytes.size() + static_cast<uint64_t>(got), max_bytes);
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  return bytes;
}

}  // namespace embargo
