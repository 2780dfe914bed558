// Parser for the UK HM Treasury / OFSI Consolidated List CSV (the layout
// published until 2022): line 1 "Last Updated,dd/mm/yyyy", line 2 the header,
// then ONE ROW PER NAME (and per birth date, address, ...), grouped into one
// party by "Group ID". Name 1-5 are given names, Name 6 the family name (or a
// firm's whole name); "Alias Type" is Prime Alias / AKA / FKA. Individual ->
// Person, Entity -> Organization, or Vessel when it gives an IMO number and
// its name is no firm's (shipping companies have IMO numbers too). The
// UN reference in "Other Information" ("UN Ref KPi.067") is kept as an
// identifier labelled kUnReferenceLabel (sources/free_text.h). Windows-1252 text is decoded.
// Dataset "gb_hmt_sanctions", source_id = Group ID. Pure function; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kOfsiDataset = "gb_hmt_sanctions";

Result<ParsedList> ParseOfsiCsv(const std::filesystem::path& path, std::string_view bytes);

// Whether `text` starts like an OFSI file: "Last Updated," then a header
// naming "Name 6" and "Group ID".
bool LooksLikeOfsiCsv(std::string_view text);

}  // namespace embargo
