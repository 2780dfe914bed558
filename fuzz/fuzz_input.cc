#include "fuzz/fuzz_input.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace embargo::fuzz {

namespace fs = std::filesystem;

Selected Select(std::string_view input, size_t count) {
  if (input.empty()) return {};
  return {static_cast<unsigned char>(input[0]) % count, input.substr(1)};
}

std::vector<std::string_view> SplitParts(std::string_view input, size_t max_parts,
                                         std::string_view separator) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    size_t at = input.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(input.substr(0, at));
    input.remove_prefix(at + separator.size());
  }
  parts.push_back(input);
  return parts;
}

std::string JoinParts(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(kPartSeparator);
    out.append(parts[i]);
  }
  return out;
}

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "embargo-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create " + pattern);
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path ScratchDir::Write(const std::string& name, std::string_view bytes) const {
  fs::path file = path_ / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file;
}

void ScratchDir::Clear() const {
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(path_, ec)) {
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace embargo::fuzz
