// Reading whole files into memory, with errors as values. Only regular
// files are read (a FIFO would block forever, /dev/zero never ends) and only
// up to a size limit, so a wrong path cannot hang or exhaust the process.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

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

// Fails as ReadFileBytes would for anything but a regular file (without
// opening it, so a FIFO never blocks).
Status CheckRegularFile(const std::filesystem::path& path);

// "512.0 MiB", "1.5 KiB", "12 bytes": a size for messages.
std::string ByteSizeText(uint64_t bytes);

}  // namespace embargo
