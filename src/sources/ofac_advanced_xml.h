// Parser for OFAC's ADVANCED XML (SDN_ADVANCED.XML, CONS_ADVANCED.XML:
// root <Sanctions>, namespace http://www.un.org/sanctions/1.0). The format
// is relational: reference value sets (alias, country, feature, document,
// party, name part, relation, list and programme types by ID), locations,
// identity documents, distinct parties with their profiles, identities,
// aliases and documented names (name parts in each script, typed through
// the identity's name part groups), profile relationships and sanctions
// entries. Each profile becomes the entity the legacy CSV, sdnList XML and
// ENHANCED XML give for the same record (ofac_legacy.h): id "<dataset>-
// <profile id>" (OFAC's ent_num / uid), names as OFAC writes them ("LAST,
// First"; the Latin script first, other scripts as aliases; A.K.A. /
// F.K.A. / N.K.A. kinds, low-quality names as weak aliases), features and
// documents read through the Remarks grammar as "<type> <value>" (birth
// dates from their date periods: "1962", "circa 1962", "03 Mar 1971"),
// "Location" features as addresses, relationships as links to the related
// profile's id and name, programmes from the sanctions entries, the first
// entry date as the listing date, the party's comment as remarks. Dataset:
// us_ofac_sdn when every sanctions entry is on the SDN List, else
// us_ofac_cons; version date: DateOfIssue. Malformed XML, a reference to an
// ID no value set holds, a profile without a name or a known party type,
// or a repeated profile fail with file:line; nothing is half-loaded. Pure
// function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

// Whether the start of a file is an ADVANCED XML document.
bool LooksLikeOfacAdvancedXml(std::string_view head);

// `path` is used in errors and Dataset::path.
Result<ParsedList> ParseOfacAdvancedXml(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
