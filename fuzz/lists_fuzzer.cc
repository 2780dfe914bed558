// libFuzzer harness: format detection and every list parser that reads
// bytes. The first byte picks the target (ListsTarget), the rest is the
// file. A list that parses must hold UTF-8 names (fuzz/list_checks.h).
// OFAC's legacy bundle reads files beside its main file: fuzz/ofac_fuzzer.cc.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/list_checks.h"
#include "fuzz/lists_targets.h"
#include "fuzz/xlsx_parts.h"
#include "sources/bis_dpl.h"
#include "sources/ca_sema_xml.h"
#include "sources/detect.h"
#include "sources/dfat_xlsx.h"
#include "sources/embargo_list.h"
#include "sources/eu_fsf_csv.h"
#include "sources/eu_fsf_xml.h"
#include "sources/ftm_json.h"
#include "sources/ofac_advanced_xml.h"
#include "sources/ofac_enhanced_xml.h"
#include "sources/ofac_sdn_xml.h"
#include "sources/ofsi_csv.h"
#include "sources/uk_fcdo_xml.h"
#include "sources/un_xml.h"
#include "sources/us_csl.h"

namespace embargo::fuzz {
namespace {

// Shown in errors; "list" names no OFAC side file, and FtM and embargo
// lists take their dataset name from it.
const std::filesystem::path kPath = "list";

Result<ParsedList> Parse(ListsTarget target, std::string_view bytes) {
  switch (target) {
    case ListsTarget::kDetect: break;
    case ListsTarget::kUnXml: return ParseUnXml(kPath, bytes);
    case ListsTarget::kUsCsl: return ParseUsCsl(kPath, bytes);
    case ListsTarget::kBisDpl: return ParseBisDpl(kPath, bytes);
    case ListsTarget::kFtmJson: return ParseFtmJson(kPath, bytes);
    case ListsTarget::kEmbargoCsv: return ParseEmbargoCsv(kPath, bytes);
    case ListsTarget::kEmbargoJson: return ParseEmbargoJson(kPath, bytes);
    case ListsTarget::kOfsiCsv: return ParseOfsiCsv(kPath, bytes);
    case ListsTarget::kDfatXlsx: return ParseDfatXlsx(kPath, bytes);
    case ListsTarget::kDfatXlsxParts:
      return ParseDfatXlsx(kPath, ZipXlsxParts(SplitParts(bytes, kXlsxPartCount)));
    case ListsTarget::kEuFsfXml: return ParseEuFsfXml(kPath, bytes);
    case ListsTarget::kUkFcdoXml: return ParseUkFcdoXml(kPath, bytes);
    case ListsTarget::kCaSemaXml: return ParseCaSemaXml(kPath, bytes);
    case ListsTarget::kOfacSdnXml: return ParseOfacSdnXml(kPath, bytes);
    case ListsTarget::kOfacEnhanced: return ParseOfacEnhancedXml(kPath, bytes);
    case ListsTarget::kEuFsfCsv: return ParseEuFsfCsv(kPath, bytes);
    case ListsTarget::kOfacAdvanced: return ParseOfacAdvancedXml(kPath, bytes);
  }
  return MakeError("not a parser target");
}

// The target that parses what detection found; kDetect for none (unknown,
// OFAC legacy and its side files).
ListsTarget TargetOf(ListFormat format) {
  switch (format) {
    case ListFormat::kUnXml: return ListsTarget::kUnXml;
    case ListFormat::kUsCsl: return ListsTarget::kUsCsl;
    case ListFormat::kBisDpl: return ListsTarget::kBisDpl;
    case ListFormat::kFtmJson: return ListsTarget::kFtmJson;
    case ListFormat::kEmbargoCsv: return ListsTarget::kEmbargoCsv;
    case ListFormat::kEmbargoJson: return ListsTarget::kEmbargoJson;
    case ListFormat::kOfsiCsv: return ListsTarget::kOfsiCsv;
    case ListFormat::kDfatXlsx: return ListsTarget::kDfatXlsx;
    case ListFormat::kEuFsfXml: return ListsTarget::kEuFsfXml;
    case ListFormat::kUkFcdoXml: return ListsTarget::kUkFcdoXml;
    case ListFormat::kCaSemaXml: return ListsTarget::kCaSemaXml;
    case ListFormat::kOfacSdnXml: return ListsTarget::kOfacSdnXml;
    case ListFormat::kOfacEnhancedXml: return ListsTarget::kOfacEnhanced;
    case ListFormat::kEuFsfCsv: return ListsTarget::kEuFsfCsv;
    case ListFormat::kOfacAdvancedXml: return ListsTarget::kOfacAdvanced;
    case ListFormat::kUnknown:
    case ListFormat::kOfacLegacy:
    case ListFormat::kOfacSidecar: break;
  }
  return ListsTarget::kDetect;
}

}  // namespace
}  // namespace embargo::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace embargo::fuzz;
  Selected selected = Select(Bytes(data, size), kListsTargetCount);
  auto target = static_cast<ListsTarget>(selected.choice);
  if (target == ListsTarget::kDetect) {
    target = TargetOf(embargo::DetectListFormat(kPath, selected.rest));
    if (target == ListsTarget::kDetect) return 0;
  }
  auto list = Parse(target, selected.rest);
  if (list.ok()) CheckParsedList(*list);
  return 0;
}
