#include "common/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

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
  Descriptor& operator=(const Descriptor& other) = delete;
  Descriptor& operator=(Descriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
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

namespace {

// Opens `path` for reading if it is a regular file within max_bytes: the
// descriptor and the file's size then.
Status OpenRegular(const std::filesystem::path& path, uint64_t max_bytes, Descriptor& fd,
                   uint64_t& size) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then
  // refuses it. Regular files ignore the flag.
  fd = Descriptor(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == EISDIR) return NotRegular(path, S_IFDIR);
    return MakeError(path.string(), 0, "cannot open file");
  }
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) return MakeError(path.string(), 0, "cannot read file");
  if (!S_ISREG(info.st_mode)) return NotRegular(path, info.st_mode);
  size = static_cast<uint64_t>(info.st_size);
  if (size > max_bytes) return TooLarge(path, size, max_bytes);
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadFileBytes(const std::filesystem::path& path, uint64_t max_bytes) {
  Descriptor fd(-1);
  uint64_t size = 0;
  if (Status opened = OpenRegular(path, max_bytes, fd, size); !opened.ok()) return opened.error();
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

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

void MappedFile::ReleaseReadPages() const {
  if (data_ == nullptr) return;
  ::madvise(data_, size_, MADV_DONTNEED);  // read-only: nothing of ours is lost
  ::madvise(data_, size_, MADV_RANDOM);
}

Result<MappedFile> MappedFile::Open(const std::filesystem::path& path, uint64_t max_bytes) {
  Descriptor fd(-1);
  uint64_t size = 0;
  if (Status opened = OpenRegular(path, max_bytes, fd, size); !opened.ok()) return opened.error();
  MappedFile file;
  if (size == 0) return file;
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
  if (data == MAP_FAILED) return MakeError(path.string(), 0, "cannot map file");
  ::madvise(data, size, MADV_SEQUENTIAL);
  file.data_ = data;
  file.size_ = size;
  return file;
}

}  // namespace embargo
