// Parser for the EU Financial Sanctions Files XML, version 1.1 (root
// <export>, namespace http://eu.europa.ec/fpi/fsd/export, schema
// fsf-export-1.1.xsd): each <sanctionEntity> becomes one entity of dataset
// "eu_fsf", id "eu_fsf-<euReferenceNumber>" (the EU's own key, e.g.
// EU.27.28). subjectType person -> Person, enterprise -> Organization.
// Names: every <nameAlias> (wholeName, or its first/middle/last parts); the
// first is the primary name, strong="false" makes a weak alias. Birth dates
// (full dates, years, circa, year ranges) and places, citizenships,
// identity documents (<identification>), addresses, programmes (regulation
// programme), the designation date and remarks (the entity's and its
// names'). unitedNationId is kept as the UN reference identifier
// (sources/free_text.h). Malformed XML, another root, or a record without
// any key fails with its line; nothing is half-loaded. Pure function of its
// input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kEuDataset = "eu_fsf";

// Whether `bytes` (the file's start) look like an EU FSF export.
bool LooksLikeEuFsfXml(std::string_view bytes);

// `path` is used for error messages and Dataset::path only.
Result<ParsedList> ParseEuFsfXml(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
