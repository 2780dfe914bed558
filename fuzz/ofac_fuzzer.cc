// libFuzzer harness: OFAC's legacy CSV bundle and its Remarks grammar. The
// first byte picks the target (OfacTarget); for a bundle, the rest is its
// files cut at kPartSeparator (main, alt, add, comments), written to a
// scratch folder under the names ParseOfacLegacy looks for beside the main
// file, as it reads files, not bytes. A bundle that parses must hold UTF-8
// names (fuzz/list_checks.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/list_checks.h"
#include "fuzz/ofac_targets.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_remarks.h"

namespace embargo::fuzz {
namespace {

void ParseBundle(const OfacBundleNames& names, std::string_view files) {
  static const ScratchDir scratch;
  scratch.Clear();
  std::vector<std::string_view> parts = SplitParts(files, std::size(names.files));
  std::filesystem::path main;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::filesystem::path path = scratch.Write(std::string(names.files[i]), parts[i]);
    if (i == 0) main = path;
  }
  auto list = ParseOfacLegacy(main, OfacDatasetName(main));
  if (list.ok()) CheckParsedList(*list);
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  Selected selected = Select(Bytes(data, size), kOfacTargetCount);
  switch (static_cast<OfacTarget>(selected.choice)) {
    case OfacTarget::kRemarks: {
      embargo::Entity entity;
      embargo::ApplyOfacRemarks(selected.rest, entity);
      break;
    }
    case OfacTarget::kSdnBundle: ParseBundle(kSdnBundle, selected.rest); break;
    case OfacTarget::kConsolidatedBundle: ParseBundle(kConsolidatedBundle, selected.rest); break;
  }
  return 0;
}
