// A temporary folder for one test (or one fixture), removed with the object;
// one for the whole test process (ctest runs tests as separate processes,
// possibly at once); and cut-short copies of the real lists written into it: what the tests of
// "a truncated list is refused" feed to the loaders, the store and the CLI.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/file.h"

namespace embargo::testing {

class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("embargo-scratch-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `bytes` to `name` in the folder; returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

// The folder of this test process, removed at exit.
inline const std::filesystem::path& ProcessScratchDir() {
  static const ScratchDir dir;
  return dir.path();
}

// Writes `bytes` to `name` in the process's folder; returns the path.
inline std::string WriteScratchFile(const std::string& name, const std::string& bytes) {
  std::filesystem::path path = ProcessScratchDir() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path.string();
}

// How a cut-short OFAC file ends.
enum class CutEnd {
  kAsCut,         // just cut: no closing Ctrl-Z (a download cut short)
  kReterminated,  // Ctrl-Z appended again: passes the structural check
};

// The first `keep_percent` % of the records of an OFAC file (CRLF records,
// no line breaks inside fields, as OFAC writes them), cut at a record
// boundary.
inline std::string CutOfacAtRecord(const std::string& bytes, int keep_percent, CutEnd end) {
  size_t records = 0;
  for (size_t pos = 0; (pos = bytes.find("\r\n", pos)) != std::string::npos; pos += 2) ++records;
  size_t keep = records * static_cast<size_t>(keep_percent) / 100, cut = 0;
  for (size_t i = 0; i < keep; ++i) cut = bytes.find("\r\n", cut) + 2;
  return bytes.substr(0, cut) + (end == CutEnd::kReterminated ? "\x1A" : "");
}

}  // namespace embargo::testing
