// Word lists that name matching must recognise rather than compare as
// ordinary words: spelling-variant groups real lists need (Korean surname
// classes, Arabic and Cyrillic given names, Qadhafi/Gaddafi), company legal
// forms, titles and honorifics, connector words and name particles.
// Immutable tables built on first use; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

// The canonical member of the variant group `token` (lowercase ASCII)
// belongs to ("lee" -> "ri", "gaddafi" -> "qadhafi"), or "" when none.
std::string_view VariantGroup(std::string_view token);
// The same for a token's spelling fold (phonetic.h): "choon" folds to
// "jun", the fold of group member "jun", so it joins that group.
std::string_view VariantGroupOfFold(std::string_view folded);

// The spelling folds of every member of the variant group named by its
// canonical form ("sergey" -> sergey, sergei, serhiy, ...), to measure a
// misspelling against the whole group; empty for an unknown group and for
// business-word groups: their members are synonyms and abbreviations
// (telecom, comms), so a word one edit from "comms" (gomez) is not close
// to "telecom".
const std::vector<std::string>& VariantGroupFolds(std::string_view canonical);

bool IsLegalForm(std::string_view token);  // co, ltd, llc, ooo, jsc, gmbh, ...
// A word firms and bodies are named with, or its abbreviation (bank, bk,
// trading, trdg, institute, ...).
bool IsBusinessWord(std::string_view token);
// A word naming a body within a state, party or firm: department, bureau,
// committee, ministry, office, directorate ...
bool IsBodyWord(std::string_view token);
bool IsTitle(std::string_view token);  // dr, haji, mullah, shaykh, sayyid, ...
// A title that names a rank or office (general, captain, president), which
// may also start a firm's name, rather than an honorific (mr, sheikh).
bool IsPersonOnlyTitle(std::string_view token);
bool IsConnector(std::string_view token);  // of, for, the, and, de, ...
bool IsParticle(std::string_view token);   // al, bin, ibn, bint, ...
// A particle linking a name to the father's in a nasab chain: bin, ibn,
// ben, bint, binti, ould (son / daughter of).
bool IsNasabLink(std::string_view token);

// Titles written in Hangul, Han or kana replaced by English title words
// before romanisation (김정은 위원장 -> "김정은 chairman"). UTF-8 in and out.
std::string TranslateTitles(std::string_view utf8);

// Legal form written as single letters with dots or spaces ("s a" -> "sa",
// "l l c" -> "llc"); "" when the letters form no legal form.
bool IsLegalFormAbbreviation(std::string_view joined_letters);

}  // namespace embargo::text
