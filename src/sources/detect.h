// Recognises a list file's format from its content, never its extension
// (docs/list-format.md, "Format detection"). The rules, in order:
//   OFAC side file : named alt/add/sdn_comments/cons_* (IsOfacSidecarFile)
//                    and starting with a digit; read with its main file
//   UN XML         : XML whose root element is CONSOLIDATED_LIST
//   EU FSF XML     : XML whose root is <export> in the EU FSD namespace
//   UK FCDO XML    : XML whose root is <Designations> (UK Sanctions List)
//   Canada SEMA XML: XML <data-set> of <record>s with a <Schedule>
//   OFAC sdnList   : XML whose root is <sdnList> (SDN.XML, CONS_PRIM.XML)
//   OFAC ENHANCED  : XML <sanctionsData> in the ENHANCED_XML namespace, plain
//                    or the one .xml inside a zip
//   FtM JSON lines : first line is a JSON object with a "schema" key
//   embargo JSON   : a JSON object with an "entities" key
//   US CSL         : CSV header with source, name, type and alt_names
//   BIS DPL        : tab-separated header with Name, Effective_Date, FR_Citation
//   embargo CSV    : CSV header with columns id and name
//   OFAC legacy    : headerless CSV whose first record looks like sdn.csv
//   UK OFSI CSV    : "Last Updated," then a header with Name 6 and Group ID
//   EU legacy CSV  : a quoted first line "Date_file...;Entity_logical_id;Subject_type
//   DFAT .xlsx     : a zip workbook whose first sheet has DFAT's header
//                    (needs the whole file, not only its first 64 KiB)
// Anything else is kUnknown. Pure functions; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

namespace embargo {

enum class ListFormat {
  kUnknown,
  kOfacLegacy,
  kOfacSidecar,
  kUnXml,
  kFtmJson,
  kEmbargoJson,
  kUsCsl,
  kBisDpl,
  kEmbargoCsv,
  kOfsiCsv,
  kDfatXlsx,
  kEuFsfXml,
  kUkFcdoXml,
  kCaSemaXml,
  kOfacSdnXml,
  kOfacEnhancedXml,
  kOfacAdvancedXml,
  kEuFsfCsv,
};

// "ofac_legacy", "un_xml", ... (as in Dataset::format); "unknown".
std::string_view ListFormatName(ListFormat format);

// `bytes` is the whole file (or at least its first 64 KiB).
ListFormat DetectListFormat(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
