#include "sources/detect.h"

#include <optional>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/json_parse.h"
#include "sources/bis_dpl.h"
#include "sources/ca_sema_xml.h"
#include "sources/dfat_xlsx.h"
#include "sources/embargo_list.h"
#include "sources/eu_fsf_csv.h"
#include "sources/eu_fsf_xml.h"
#include "sources/list_text.h"
#include "sources/ofac_advanced_xml.h"
#include "sources/ofac_enhanced_xml.h"
#include "sources/ofac_legacy.h"
#include "sources/ofac_sdn_xml.h"
#include "sources/ofsi_csv.h"
#include "sources/uk_fcdo_xml.h"
#include "sources/us_csl.h"

namespace embargo {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

std::string_view SkipBomAndSpace(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' ||
                            bytes.front() == '\r' || bytes.front() == '\n')) {
    bytes.remove_prefix(1);
  }
  return bytes;
}

std::string_view FirstLine(std::string_view bytes) {
  return bytes.substr(0, bytes.find_first_of("\r\n"));
}

// The header fields of the first line, split on `delimiter`; nullopt when
// that line is not a well-formed record.
std::optional<std::vector<std::string>> HeaderFields(std::string_view bytes, char delimiter) {
  CsvReader reader(FirstLine(bytes), "", delimiter);
  CsvRow row;
  if (!reader.Next(row) || row.fields.size() < 2) return std::nullopt;
  return row.fields;
}

ListFormat DetectJson(std::string_view text) {
  Result<nlohmann::json> first = ParseJson(FirstLine(text), "");
  if (first.ok() && first->is_object() && first->contains("schema")) return ListFormat::kFtmJson;
  if (text.substr(0, kSniffBytes).find("\"entities\"") != std::string_view::npos) {
    return ListFormat::kEmbargoJson;
  }
  // A broken first line that still names a schema: let the FtM parser say why.
  if (FirstLine(text).find("\"schema\"") != std::string_view::npos) return ListFormat::kFtmJson;
  return ListFormat::kUnknown;
}

ListFormat DetectDelimited(std::string_view text) {
  if (LooksLikeOfsiCsv(text)) return ListFormat::kOfsiCsv;
  if (LooksLikeEuFsfCsv(text)) return ListFormat::kEuFsfCsv;
  if (auto header = HeaderFields(text, ',')) {
    if (IsCslHeader(*header)) return ListFormat::kUsCsl;
    if (IsEmbargoCsvHeader(*header)) return ListFormat::kEmbargoCsv;
  }
  if (auto header = HeaderFields(text, '\t'); header && IsDplHeader(*header)) {
    return ListFormat::kBisDpl;
  }
  if (LooksLikeOfacLegacy(text.substr(0, kSniffBytes))) return ListFormat::kOfacLegacy;
  return ListFormat::kUnknown;
}

}  // namespace

std::string_view ListFormatName(ListFormat format) {
  switch (format) {
    case ListFormat::kUnknown: return "unknown";
    case ListFormat::kOfacLegacy: return "ofac_legacy";
    case ListFormat::kOfacSidecar: return "ofac_sidecar";
    case ListFormat::kUnXml: return "un_xml";
    case ListFormat::kFtmJson: return "ftm";
    case ListFormat::kEmbargoJson: return "embargo_list";
    case ListFormat::kUsCsl: return "us_csl";
    case ListFormat::kBisDpl: return "bis_dpl";
    case ListFormat::kEmbargoCsv: return "embargo_list";
    case ListFormat::kOfsiCsv: return "ofsi_csv";
    case ListFormat::kDfatXlsx: return "dfat_xlsx";
    case ListFormat::kEuFsfXml: return "eu_fsf_xml";
    case ListFormat::kUkFcdoXml: return "uk_fcdo_xml";
    case ListFormat::kCaSemaXml: return "ca_sema_xml";
    case ListFormat::kOfacSdnXml: return "ofac_sdn_xml";
    case ListFormat::kOfacEnhancedXml: return "ofac_enhanced_xml";
    case ListFormat::kOfacAdvancedXml: return "ofac_advanced_xml";
    case ListFormat::kEuFsfCsv: return "eu_fsf_csv";
  }
  return "unknown";
}

ListFormat DetectListFormat(const std::filesystem::path& path, std::string_view bytes) {
  if (bytes.substr(0, 4) == "PK\x03\x04") {
    if (LooksLikeDfatXlsx(bytes)) return ListFormat::kDfatXlsx;
    return LooksLikeOfacEnhancedXml(bytes) ? ListFormat::kOfacEnhancedXml : ListFormat::kUnknown;
  }
  std::string_view text = SkipBomAndSpace(bytes);
  if (text.empty()) return ListFormat::kUnknown;
  if (IsOfacSidecarFile(path) && text.front() >= '0' && text.front() <= '9') {
    return ListFormat::kOfacSidecar;
  }
  if (text.front() == '<') {
    if (text.substr(0, 4096).find("<CONSOLIDATED_LIST") != std::string_view::npos)
      return ListFormat::kUnXml;
    if (LooksLikeEuFsfXml(text)) return ListFormat::kEuFsfXml;
    if (LooksLikeUkFcdoXml(text)) return ListFormat::kUkFcdoXml;
    if (LooksLikeCaSemaXml(text)) return ListFormat::kCaSemaXml;
    if (LooksLikeOfacSdnXml(text)) return ListFormat::kOfacSdnXml;
    if (LooksLikeOfacEnhancedXml(text)) return ListFormat::kOfacEnhancedXml;
    if (LooksLikeOfacAdvancedXml(text)) return ListFormat::kOfacAdvancedXml;
    return ListFormat::kUnknown;
  }
  if (text.front() == '{') return DetectJson(text);
  return DetectDelimited(text);
}

}  // namespace embargo
