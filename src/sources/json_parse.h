// JSON text to nlohmann::json with errors as values. nlohmann reports
// syntax errors by throwing; this is the one place that catches them and
// turns them into an Error at file:line:column. Also reads string-or-list
// property values the way FtM and embargo lists write them.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"

namespace embargo {

// Parses `text`, which starts on line `first_line` of `file`. A syntax
// error becomes "file:line:column: invalid JSON: <nlohmann's reason>".
Result<nlohmann::json> ParseJson(std::string_view text, const std::string& file,
                                 int first_line = 1);

// The strings of a JSON value that is a string or an array of strings;
// nullopt for anything else (numbers, objects, arrays holding non-strings).
std::optional<std::vector<std::string>> JsonStrings(const nlohmann::json& value);

}  // namespace embargo
