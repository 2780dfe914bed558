// JSON text to nlohmann::json with errors as values. nlohmann reports bad
// input by throwing (syntax errors, and out-of-range numbers such as 1e999);
// this is the one place that parses user and list JSON, and it turns every
// such failure into an Error at file:line:column. Also reads string-or-list
// property values the way FtM and embargo lists write them, and checks the
// decoded strings. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"

namespace embargo {

// Parses `text`, which starts on line `first_line` of `file`. Never throws:
// a syntax error becomes "file:line:column: invalid JSON: <nlohmann's
// reason>", a number out of range "file:line:column: invalid JSON: number
// overflow parsing '1e999'" (the column of the number's first character).
Result<nlohmann::json> ParseJson(std::string_view text, const std::string& file,
                                 int first_line = 1);

// The strings of a JSON value that is a string or an array of strings;
// nullopt for anything else (numbers, objects, arrays holding non-strings).
std::optional<std::vector<std::string>> JsonStrings(const nlohmann::json& value);

// Checks the strings nlohmann decoded (object keys and string values):
// fails with "file:line: NUL character (\u0000) in <path>: not text, the
// file is damaged" where one holds U+0000 (<path> like "entities[3].name[0]").
// nlohmann's parser already refuses invalid UTF-8 and lone surrogate escapes
// ("\ud800"), but decodes "\u0000" into a NUL, which truncates C strings and
// which PostgreSQL refuses in text.
Status CheckDecodedStrings(const nlohmann::json& value, const std::string& file, int line);

}  // namespace embargo
