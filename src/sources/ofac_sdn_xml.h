// Parser for OFAC's lists in the sdnList XML schema (sdnList.xsd: the
// schema of SDN.XML and CONS_PRIM.XML; root <sdnList>, namespace
// http://tempuri.org/sdnList.xsd). Each <sdnEntry> becomes the entity the
// legacy CSV gives for the same record (ofac_legacy.h): id
// "<dataset>-<uid>" (uid is the CSV's ent_num), names written as the CSV
// writes them ("LAST, First" for a person), a.k.a. / f.k.a. aliases, a
// weak (category="weak") alias as weak; programmes, addresses, vessel facts
// (call sign, type, tonnage, flag, owner), and every id, birth date and
// place, nationality and citizenship read through the Remarks grammar
// (ofac_remarks.h) as the CSV's Remarks would say them ("DOB 1962",
// "Passport 123 (Iran)", "Vessel Registration Identification IMO 9187629");
// id lines that are no identifier ("Additional Sanctions Information -")
// go to the remarks, as do the entry's own remarks (parsed as Remarks).
// Dataset: us_ofac_cons when the file name says "cons", else us_ofac_sdn;
// version date: Publish_Date. Malformed XML, another root, an entry
// without uid, name or known sdnType, a repeated uid, or fewer entries
// than Record_Count (a file cut short) fail with the line; nothing is
// half-loaded. Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

// Whether `bytes` (the file's start) look like an sdnList XML file.
bool LooksLikeOfacSdnXml(std::string_view bytes);

// `path` names the dataset (see above) and is used in errors and Dataset::path.
Result<ParsedList> ParseOfacSdnXml(const std::filesystem::path& path, std::string_view bytes);

}  // namespace embargo
