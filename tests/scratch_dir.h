// A temporary folder of this test process (ctest runs tests as separate
// processes, possibly at once), for files a test writes and reads back.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace embargo::testing {

inline std::filesystem::path ScratchDir() {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("embargo-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes `bytes` to `name` in the scratch folder; returns the path.
inline std::string WriteScratchFile(const std::string& name, const std::string& bytes) {
  std::filesystem::path path = ScratchDir() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path.string();
}

}  // namespace embargo::testing
