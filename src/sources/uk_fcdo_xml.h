// Parser for the UK Sanctions List XML published by the FCDO (root
// <Designations>, schema SanctionsListSchema-*.xsd; the UK's one list since
// OFSI's Consolidated List closed). Each <Designation> becomes one entity
// of dataset "gb_fcdo_sanctions", id "gb_fcdo_sanctions-<UniqueID>"
// (e.g. AFG0011). IndividualEntityShip: Individual -> Person, Entity ->
// Organization, Ship -> Vessel. Names: Name1 (given), Name2..Name5
// (middle), Name6 (family), NameType "Primary name" or an alias whose
// AliasStrength "Low quality" makes it weak; non-Latin names as aliases.
// Birth dates ("dd/mm/1968": day and month unknown), birth places,
// nationalities, passports and national identifiers, positions, addresses,
// the regime (programme), DateDesignated, OtherInformation (remark), the UN
// reference (sources/free_text.h); ships: IMO numbers, flag (current as
// country, former ones in a remark), owner/operator (a link by name), type,
// tonnage and build year. Malformed XML, another root, or a designation
// without UniqueID or name fails with its line; nothing is half-loaded.
// Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kUkFcdoDataset = "gb_fcdo_sanctions";

// Whether `bytes` (the file's start) look like the FCDO's list.
bool LooksLikeUkFcdoXml(std::string_view bytes);

// `path` is used for error messages and Dataset::path only.
Result<ParsedList> ParseUkFcdoXml(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
