// Parser for FollowTheMoney entity JSON lines (OpenSanctions'
// entities.ftm.json), one entity per line. Screening subjects (Person,
// Organization, Company, LegalEntity, PublicBody, Vessel, Airplane) become
// Entities with their FtM id; Sanction, Identification/Passport and Address
// lines are folded into the entity they point to (programs and listing
// date, identifiers, addresses); other schemata (Ownership, Family, ...) are
// skipped.
//
// One file is one dataset (one ParsedList): named after the entities'
// datasets[0] when every subject shares the same single dataset (a
// per-dataset export such as eu_fsf), else `dataset_fallback` when given,
// else the file name without ".json"/".ftm" (for "entities.ftm.json", the
// folder name). Dataset::version_date is the latest `last_change` date.
// A malformed line fails with file:line:column and the JSON parser's reason.
// Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

Result<ParsedList> ParseFtmJson(const std::filesystem::path& path, std::string_view bytes,
                                const std::string& dataset_fallback = "");

}  // namespace embargo
