// Parser for Australia DFAT's Consolidated List, published as an Excel
// workbook (.xlsx, one sheet): a header row (Reference, Name of Individual or
// Entity, Type, Name Type, Date of Birth, ..., Committees, Control Date), then
// one row per name. Rows whose Reference shares its leading number ("5",
// "5a", "5b") are one party. Name Type: Primary Name, aka and Original Script
// (strong aliases), Formerly known as / Previously listed as (f.k.a.).
// Individual -> Person, Entity -> Organization (Vessel when an IMO number is
// given and the name is no firm's; the 2024-12 file's 17 IMO numbers are all
// shipping companies'). The file does not carry the UN reference of the designations it
// implements: "Committees" (the UN committee, e.g. "1718 (DPRK)", or
// "Autonomous (...)") becomes the programme and "Listing Information" a remark.
// Dataset "au_dfat_sanctions", source_id = the leading number. Pure function;
// thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kDfatDataset = "au_dfat_sanctions";

// `bytes` is the whole .xlsx file.
Result<ParsedList> ParseDfatXlsx(const std::filesystem::path& path, std::string_view bytes);

// Whether `bytes` is a workbook whose first sheet starts with DFAT's header.
bool LooksLikeDfatXlsx(std::string_view bytes);

}  // namespace embargo
