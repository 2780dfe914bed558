// Parser for Canada's consolidated Special Economic Measures Act list
// (Global Affairs Canada, XML: root <data-set>, one <record> per listing
// with Country (the regime, English / French), Entity or LastName +
// GivenName, Aliases, DateOfBirth, Title, Schedule, Item). Dataset
// "ca_dfatd_sema_sanctions"; id "ca_dfatd_sema_sanctions-<regime>-
// <schedule>-<item>" (regime: the acronym in parentheses, else the English
// name, lowercased: "burma-1-7", "jvcfor-1-3"; no schedule or "N/A":
// "venezuela-55"). No-break spaces in the cells are spaces.
// Entity -> Organization, a LastName -> Person named "GivenName LastName".
// Aliases are comma-separated; a person's alias is often only part of a
// name, completed from the record: a given name ("Andrei" for Andrey
// Igorevich AKIMOV -> "Andrei Igorevich AKIMOV"), a given name and
// patronymic ("Gennadiy Nikolaevich" -> "... TIMCHENKO"), or a family name
// in capitals ("SALIAIEV" -> "Aleksei ... SALIAIEV"). "1972-08-10 or
// 1972-08-11" gives two birth dates. Title goes to the remarks, Country to
// the programmes. The version date is the one in the file name, the file
// giving none. Malformed XML, another root, a record without a name or
// Item, or two records with one key fail with the line; nothing is
// half-loaded. Pure function of its input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "embargo/status.h"
#include "sources/parsed_list.h"

namespace embargo {

inline constexpr std::string_view kCaSemaDataset = "ca_dfatd_sema_sanctions";

// Whether `bytes` (the file's start) look like the SEMA list.
bool LooksLikeCaSemaXml(std::string_view bytes);

// `path` is used for error messages and Dataset::path only.
Result<ParsedList> ParseCaSemaXml(const std::filesystem::path& path, std::string_view bytes);

// A person's aliases as full names, completed from the record (see above);
// exposed for tests.
std::vector<std::string> CompleteSemaAliases(std::string_view aliases, std::string_view given,
                                             std::string_view last);

}  // namespace embargo
