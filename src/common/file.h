// Reading whole files into memory, with errors as values.
#pragma once

#include <filesystem>
#include <string>

#include "embargo/status.h"

namespace embargo {

// The file's bytes. Fails with "<path>: cannot read file" when it cannot be
// opened or read.
Result<std::string> ReadFileBytes(const std::filesystem::path& path);

}  // namespace embargo
