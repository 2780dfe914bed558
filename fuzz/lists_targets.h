// What the first byte of a fuzz_lists input selects (modulo the count), so
// that fuzz/make_corpus.cc seeds each parser. Immutable constants.
#pragma once

#include <cstddef>

namespace embargo::fuzz {

enum class ListsTarget : unsigned char {
  kDetect,         // DetectListFormat, then the parser it picks
  kUnXml,          // UN Security Council XML
  kUsCsl,          // US Consolidated Screening List CSV
  kBisDpl,         // BIS Denied Persons List (tab-separated)
  kFtmJson,        // FollowTheMoney JSON lines
  kEmbargoCsv,     // embargo's own list format, CSV
  kEmbargoJson,    // embargo's own list format, JSON
  kOfsiCsv,        // UK OFSI consolidated CSV
  kDfatXlsx,       // Australia DFAT workbook, zip bytes as they come
  kDfatXlsxParts,  // the same assembled from XML parts (fuzz/xlsx_parts.h)
  kEuFsfXml,       // EU Financial Sanctions Files XML
  kUkFcdoXml,      // UK Sanctions List XML (FCDO)
  kCaSemaXml,      // Canada SEMA XML
  kOfacSdnXml,     // OFAC sdnList XML
  kOfacEnhanced,   // OFAC ENHANCED XML (plain; a zip through kDetect)
  kEuFsfCsv,       // EU legacy CSV (Latin-1, quoted lines)
  kOfacAdvanced,   // OFAC ADVANCED XML
};
inline constexpr size_t kListsTargetCount = 17;

}  // namespace embargo::fuzz
