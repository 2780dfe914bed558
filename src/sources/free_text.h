// Facts the allies' lists (UK OFSI, Australia DFAT) keep in free-text cells:
// enumerated values ("1) Saudi Arabia 2) Qatar", "a) 1955 b) 1958"), document
// numbers inside prose ("Passport No: 592667 (Qatari passport ...)"), UN
// Security Council reference numbers ("UN Ref.KPI.067" -> "KPi.067"), dates
// written "dd/mm/yyyy" with 00 for an unknown part, and Windows-1252 text.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo {

// The items of an enumerated cell: "1) A 2) B", "(1) A (2) B", "a) A b) B";
// the whole trimmed cell as one item when it is not enumerated; none when
// empty. Markers count only in sequence (1, 2, 3 or a, b, c), so "Flat 2)"
// inside an item does not split it.
std::vector<std::string> SplitEnumerated(std::string_view text);

// Tokens of 5 or more letters and digits holding at least 4 digits: the
// document numbers in "Passport No: 592667 (issued on 3 May 2007)" -> 592667.
std::vector<std::string> DocumentNumbers(std::string_view text);

// The label of the identifier that keeps the UN Security Council reference a
// national list's record implements: Identifier{IdType::kOther, "KPi.055", "",
// kUnReferenceLabel} (FtM calls it unscId); UN records have it as source_id.
inline constexpr std::string_view kUnReferenceLabel = "UN reference";

// UN references cited as the record's own ("UN Ref QDe.004", "UN REF:QE.A.146.14",
// "UN Ref.KPI.067"), normalised to the UN list's spelling ("KPi.067"; the
// pre-2016 dotted references such as "QI.A.12.01" kept as written). Only
// references introduced by "UN Ref", never those cited in passing.
std::vector<std::string> UnReferences(std::string_view text);

// "dd/mm/yyyy" with "00" for an unknown day or month ("00/00/1980" -> 1980);
// nullopt when malformed or the year is outside 1900..2100.
std::optional<PartialDate> ParseDayMonthYear(std::string_view text);

// A birth date as the allies' lists write one: "1964-07-17", "17/07/1964",
// "17 Jul. 1964", "17 July 1964", "1964", "Approximately 1963" (approximate),
// "1955-1958" or "Between 1955 and 1958" (a range). nullopt otherwise.
std::optional<DateSpec> ParseDateText(std::string_view text);

// The first "d Month yyyy" / "d Mon. yyyy" date in prose, as "YYYY-MM-DD";
// "" when there is none ("Listed by UN 1267 Committee on 25 January 2001").
std::string FirstDateInProse(std::string_view text);

// The document numbers (as DocumentNumbers, hyphens inside a number dropped)
// within 60 characters after each `keyword` (case-insensitive): "Passport
// no.: Afghan SE-011697, issued ..." with "passport" -> {"SE011697"}.
std::vector<std::string> NumbersAfter(std::string_view text, std::string_view keyword);

// "IMO: 8937675", "(IMO number: 7303803)": the seven digits after "IMO"; "".
std::string ImoNumber(std::string_view text);

// `bytes` as UTF-8: unchanged when it already is valid UTF-8, else decoded as
// Windows-1252 (what Excel on Windows writes for "CSV").
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace embargo
