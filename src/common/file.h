// Reading whole files into memory (or mapping them), with errors as values. Only regular
// files are read (a FIFO would block forever, /dev/zero never ends) and only
// up to a size limit, so a wrong path cannot hang or exhaust the process.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "embargo/status.h"

namespace embargo {

// The default limit for one list or input file: 512 MiB, four times the
// largest official list (OFAC's full SDN_ADVANCED.XML, ~125 MB), and the
// same as a download's limit (store/fetch.h).
inline constexpr uint64_t kDefaultMaxFileBytes = uint64_t{512} << 20;

// The file's bytes. Fails with "<path>: cannot open file" when it cannot be
// opened, "<path>: is a directory, expected a file", "<path>: not a regular
// file (a FIFO, socket or device); name a file", "<path>: 600.0 MiB, more
// than the 512.0 MiB limit for one file", or "<path>: cannot read file".
Result<std::string> ReadFileBytes(const std::filesystem::path& path,
                                  uint64_t max_bytes = kDefaultMaxFileBytes);

// A regular file mapped read-only into memory: its bytes are read from the
// page cache as they are touched, never copied, and shared with any other
// process mapping the same file. A file changed while mapped may show the
// change; snapshot files are written to a new name and renamed, never
// rewritten in place. Fails as ReadFileBytes would (or "<path>: cannot map
// file"). Move-only; unmaps when destroyed.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::filesystem::path& path,
                                 uint64_t max_bytes = kDefaultMaxFileBytes);
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Unmaps from this process the pages read so far (a snapshot's checksum
  // reads them all) and expects random reads from now on: the bytes stay in
  // the page cache and are mapped back when read again, so only the parts
  // used count in this process's resident memory.
  void ReleaseReadPages() const;

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Fails as ReadFileBytes would for anything but a regular file (without
// opening it, so a FIFO never blocks).
Status CheckRegularFile(const std::filesystem::path& path);

// "512.0 MiB", "1.5 KiB", "12 bytes": a size for messages.
std::string ByteSizeText(uint64_t bytes);

}  // namespace embargo
