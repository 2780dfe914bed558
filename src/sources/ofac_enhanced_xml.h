// Parser for OFAC's ENHANCED XML (the Sanctions List Service's export: root
// <sanctionsData>, namespace .../exports/ENHANCED_XML), plain or as
// published inside a .zip (CONS_ENHANCED.ZIP, SDN_ENHANCED.ZIP: the one
// .xml entry is read with libzip, never by shelling out). Each <entity>
// becomes the entity the legacy CSV and sdnList XML give for the same
// record (ofac_legacy.h, ofac_sdn_xml.h): id "<dataset>-<entity id>", the
// Latin translation of each name as OFAC writes it ("LAST, First"), other
// scripts as aliases, A.K.A. / F.K.A. / N.K.A. kinds, low-quality names
// as weak aliases; programmes, addresses, identity documents and features
// (birth date and place, nationality, citizenship, gender, SWIFT/BIC,
// website, ...) read through the Remarks grammar as "<type> <value>";
// relationships as links to the related entity's id; remarks. Dataset:
// us_ofac_sdn when the export's filter names the SDN List, else
// us_ofac_cons; version date: dataAsOf. Malformed XML, a corrupt zip or
// one without an .xml entry, an entity without id, name or known type, or
// a repeated id fail with the position; nothing is half-loaded. Pure
// function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

// Whether `bytes` (the whole file when zipped, else its start) are an
// ENHANCED XML export or a zip holding one.
bool LooksLikeOfacEnhancedXml(std::string_view bytes);

// `path` is used in errors and Dataset::path.
Result<ParsedList> ParseOfacEnhancedXml(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
