// Parser for the UN Security Council Consolidated List XML (root
// CONSOLIDATED_LIST, schema sc-sanctions.xsd): INDIVIDUAL -> Person,
// ENTITY -> Organization, dataset "un_sc_sanctions", entity id
// "un_sc_sanctions-<REFERENCE_NUMBER>". Korean (KPi.*) names carry the family
// name in FIRST_NAME; one ALIAS_NAME may pack several names ("a; b; c",
// "script (latin1; latin2)"), which are split. Malformed XML fails with the
// line of the error, and so does a file without INDIVIDUALS or ENTITIES (cut
// short and closed again) or whose decoded text is no XML text (&#xD800;).
// Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kUnDataset = "un_sc_sanctions";

// `path` is used for error messages and Dataset::path only.
Result<ParsedList> ParseUnXml(const std::filesystem::path& path, std::string_view bytes);

// The names packed in one UN ALIAS_NAME value, e.g. "حسن غول (Hassan Ghul;
// Hasan Gul)" -> {"حسن غول", "Hassan Ghul", "Hasan Gul"}. Exposed for tests.
std::vector<std::string> SplitUnAliasNames(std::string_view text);

}  // namespace embargo
