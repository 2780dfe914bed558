// libFuzzer harness: the batch reader of `embargo screen` and `customers
// import` (cli/batch_input.h): byte-order marks and encodings, delimiter
// detection, CSV, and .xlsx workbooks (as zip bytes, or assembled from XML
// parts). The first byte picks the encoding, date order and form
// (fuzz/batch_targets.h); the rest is the file.
#include <cstddef>
#include <cstdint>

#include "cli/batch_input.h"
#include "fuzz/batch_targets.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/xlsx_parts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  Selected selected = Select(Bytes(data, size), 256);
  embargo::cli::BatchDecoding decoding;
  decoding.encoding = std::string(kBatchEncodings[selected.choice & 7]);
  decoding.date_order = static_cast<embargo::DateOrder>((selected.choice >> 3) & 3);
  std::string bytes = (selected.choice & kBatchXlsxPartsBit)
                          ? ZipXlsxParts(SplitParts(selected.rest, kXlsxPartCount))
                          : std::string(selected.rest);
  std::vector<std::string> mappings(std::begin(kBatchMappings), std::end(kBatchMappings));
  auto input = embargo::cli::ReadBatchBytes(std::move(bytes), "batch", mappings, decoding);
  return 0;
}
