// Parser for the EU's consolidated list CSV in the legacy v1.0 layout
// (csvFullSanctionsList): Latin-1 (Windows-1252) text, one physical line per
// row, each line wrapped in double quotes and padded with tabs, inside it
// ';'-separated fields with "" quoting. Every row is one fact of an entity
// (Entity_logical_id): a name (Naal_*), an address (Addr_*), a birth
// (Birt_*), an identity document (Iden_*) or a citizenship (Citi_*), each
// repeating the entity's own columns (Subject_type, Programme,
// Entity_remark, EU_ref_num). Rows are grouped into entities of dataset
// "eu_fsf" with the ids the XML export gives (eu_fsf_xml.h): "eu_fsf-<EU
// reference number>", else the logical id. The first name row is the
// primary name. Version date: Date_file. A header without the columns read,
// a row with another field count, or a malformed date of the file fail with
// the line; nothing is half-loaded. Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

// Whether `bytes` (the file's start) look like the EU's legacy CSV.
bool LooksLikeEuFsfCsv(std::string_view bytes);

// `path` is used for error messages and Dataset::path only.
Result<ParsedList> ParseEuFsfCsv(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
