#include "common/file.h"

#include <fstream>
#include <sstream>

namespace embargo {

Result<std::string> ReadFileBytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(path.string(), 0, "is a directory, expected a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(path.string(), 0, "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return MakeError(path.string(), 0, "cannot read file");
  return buffer.str();
}

}  // namespace embargo
