// Small text helpers shared by the list parsers in src/sources: trimming and
// splitting list cells, checking that a file is UTF-8, turning a byte offset
// into a line number, stable hashes for lists without ids, and mapping an
// identity-document label ("Passport", "Tax ID No.") to an IdType.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "embargo/entity.h"
#include "embargo/status.h"

namespace embargo {

// Appends `value` unless it is empty or already present.
void AppendUnique(std::vector<std::string>& values, std::string value);

// `text` with no-break spaces (U+00A0) and tabs read as spaces, runs of
// spaces made one, and trimmed: list cells padded by hand ("Bharat\u00a0 ").
std::string CleanSpaces(std::string_view text);

// The non-empty parts joined with `separator`.
std::string JoinNonEmpty(std::initializer_list<std::string_view> parts,
                         std::string_view separator = ", ");
std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator = ", ");
std::string JoinNonEmpty(const std::vector<std::string_view>& parts,
                         std::string_view separator = ", ");

// Adds `name` unless the entity has it already (same value and kind); a
// first primary name goes in front, where Entity::names keeps it.
void AddName(Entity& entity, Name name);

// Adds `date` unless empty or already there.
void AddBirthDate(Entity& entity, const DateSpec& date);

// Sets one of the entity's vessel facts (a field of entity.vessel) to
// `value` when it is empty; a second, different value is kept as the remark
// "<label>: <value>" rather than lost. Empty values are ignored.
void SetVesselFact(Entity& entity, std::string VesselFacts::*field, std::string_view label,
                   std::string value);

// Fails with "file:line:column: invalid UTF-8 (byte 0xE9); save the file as
// UTF-8" at the first byte that is not well-formed UTF-8 (overlongs and
// surrogates included). Lists must be UTF-8: a Latin-1 file silently read
// as UTF-8 would corrupt names, so embargo rejects it instead.
Status CheckUtf8(std::string_view bytes, const std::string& file);

// 1-based line of the byte at `offset` (counting '\n').
int LineOfOffset(std::string_view bytes, size_t offset);

// 16 lowercase hex digits of FNV-1a 64 over the parts, separated by 0x1F:
// a stable id for rows that carry none.
std::string StableHash(std::initializer_list<std::string_view> parts);

// "YYYY-MM-DD" if `text` starts with a valid ISO date whose year lies in
// 1900..2100, else "". Official lists contain typos like year 3017.
std::string IsoDateOrEmpty(std::string_view text);

// IdType for a document label in English, Spanish or French ("Passport",
// "Numéro de passeport", "National Identification Number", "Tax ID No.",
// "SWIFT/BIC", "Vessel Registration Identification"); kOther when unknown.
IdType IdTypeFromLabel(std::string_view label);

// Whether a name carries a word only firms carry (a legal form or a trade
// word: INC, LTD, CO., CORP, LLC, GMBH, S.A., SHIPPING, ...; dots ignored).
// Deliberately conservative: used to tell firms from people and vessels.
bool LooksLikeFirmName(std::string_view name);

// Whether the label names an identifier at all (as opposed to CSL's
// "Website" or "Email Address" items, which share the ids column).
bool IsIdentifierLabel(std::string_view label);

}  // namespace embargo
