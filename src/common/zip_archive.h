// Reading parts out of a zip archive held in memory (libzip): the .xlsx
// reader's workbook parts and lists published zipped (OFAC's ENHANCED XML).
// Every failure is an Error naming the file (and the part): a missing or
// corrupt archive, a missing part, a part whose size is unknown, larger
// than `max_part_bytes` once unzipped (a zip bomb guard) or truncated.
// Not thread-safe; one per reader.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"

struct zip;

namespace embargo {

// A zip archive (deflated) holding `parts` (name -> content), in memory:
// what the .xlsx writer packages.
Result<std::string> ZipParts(const std::map<std::string, std::string>& parts);

class ZipArchive {
 public:
  // Opens the archive in `bytes` (which must outlive it). `what` names the
  // expected kind in the error: "not a readable <what> (zip) archive: ...".
  static Result<ZipArchive> Open(std::string_view bytes, const std::string& file,
                                 std::string_view what, uint64_t max_part_bytes);

  // Names of the archive's entries, in archive order.
  std::vector<std::string> Names() const;
  bool Has(const std::string& part) const;
  Result<std::string> Read(const std::string& part) const;

 private:
  struct Discard {
    void operator()(zip* archive) const;
  };
  ZipArchive(std::unique_ptr<zip, Discard> zip, std::string file, uint64_t max_part_bytes)
      : zip_(std::move(zip)), file_(std::move(file)), max_part_bytes_(max_part_bytes) {}
  Error Fail(const std::string& part, std::string why) const;

  std::unique_ptr<zip, Discard> zip_;
  std::string file_;
  uint64_t max_part_bytes_;
};

}  // namespace embargo
