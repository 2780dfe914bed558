// How a fuzz input is framed, shared by the harnesses and the corpus
// generator (fuzz/make_corpus.cc) so that seeds and harnesses agree: a
// selector byte, then parts cut at kPartSeparator. ScratchDir gives the
// harnesses whose code reads files (OFAC bundles, snapshots) a folder of
// their own. Pure functions, except ScratchDir: one per harness process,
// thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::fuzz {

// Separates the parts of one input (an OFAC bundle's files, an .xlsx
// workbook's XML parts, a query's fields); listed in the dictionaries.
inline constexpr std::string_view kPartSeparator = "\n--part--\n";

// The input as bytes.
inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The first byte, reduced modulo `count` (0 for an empty input), and the
// rest of the input after it.
struct Selected {
  size_t choice = 0;
  std::string_view rest;
};
Selected Select(std::string_view input, size_t count);

// `input` cut at each `separator` into at most `max_parts` parts (the last
// one keeps any further separators); one part when there is none.
std::vector<std::string_view> SplitParts(std::string_view input, size_t max_parts,
                                         std::string_view separator = kPartSeparator);

// The inverse of SplitParts, for the corpus generator.
std::string JoinParts(const std::vector<std::string>& parts);

// A fresh folder under the system's temporary folder ($TMPDIR), removed
// with everything in it when the ScratchDir goes.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to the file `name` in the folder, replacing it; returns its path.
  std::filesystem::path Write(const std::string& name, std::string_view bytes) const;
  // Removes every file in the folder.
  void Clear() const;

 private:
  std::filesystem::path path_;
};

}  // namespace embargo::fuzz
