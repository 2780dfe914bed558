// OFAC legacy delimited files (DOMAIN.md 1.1, 1.4): sdn.csv or cons_prim.csv
// (no header, 12 columns, "-0-" = null, Latin-1 text, CR/LF/CRLF, a closing
// Ctrl-Z) plus, when they sit beside it, the alias (alt), address (add) and
// remarks-overflow (comments) sidecars. The whole bundle loads or the call
// fails with the first error ("sdn.csv:12: expected 12 fields, found 11");
// never a half-loaded list. Pure functions of the files: thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/file.h"
#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

// Parses `main_file` (sdn.csv, cons_prim.csv, or a dated copy such as
// sdn-2024-01-31.csv) and its sidecars, found beside it by name: for
// "sdn<rest>" the files "alt<rest>", "add<rest>", "sdn_comments<rest>"; for
// "cons_prim<rest>" the files "cons_alt<rest>", "cons_add<rest>",
// "cons_comments<rest>" (names matched case-insensitively). Entities get
// id "<dataset_name>-<ent_num>" and source_id ent_num. dataset.format is
// "ofac_legacy"; dataset.version_date comes from VersionDateFromPath. The
// main file must end with OFAC's end-of-file mark (Ctrl-Z): without it the
// file was cut short, maybe at a record boundary, and is refused. Each file
// may be at most `max_file_bytes` long.
Result<ParsedList> ParseOfacLegacy(const std::filesystem::path& main_file, std::string dataset_name,
                                   uint64_t max_file_bytes = kDefaultMaxFileBytes);

// Shared with the XML formats of the same lists (ofac_sdn_xml.h):
// SDN_Type ("individual", "entity", "vessel", "aircraft", any case) as a
// schema; an alias type ("a.k.a.", "aka", "n.k.a.", "f.k.a.") as a kind; a
// name as OFAC writes it, a person's "LAST, Given[, Suffix]" split into parts.
std::optional<Schema> SchemaOfSdnType(std::string_view type);
std::optional<NameKind> OfacAliasKind(std::string_view type);
Name MakeOfacName(std::string_view value, NameKind kind, Schema schema);

// "us_ofac_cons" for cons_* files, "us_ofac_sdn" otherwise.
std::string OfacDatasetName(const std::filesystem::path& main_file);

// Whether the first bytes of a file look like an OFAC legacy main file: the
// first record has about 12 fields and an integer first field.
bool LooksLikeOfacLegacy(std::string_view first_bytes);

// Whether `path` names a sidecar (alt, add, sdn_comments, cons_alt,
// cons_add, cons_comments) that ParseOfacLegacy reads with its main file, so
// a folder loader should not load it on its own.
bool IsOfacSidecarFile(const std::filesystem::path& path);

// The last YYYY-MM-DD or YYYY-MM date in a path ("sdn-2024-01-31.csv" ->
// "2024-01-31", "ofac/sdn-2021-07/sdn.csv" -> "2021-07"), else a year set
// off by - _ . or a space in the file's or its folder's name
// ("ofac/cons-2019/cons_prim.csv" -> "2019"); "" when none.
std::string VersionDateFromPath(const std::filesystem::path& path);

}  // namespace embargo
