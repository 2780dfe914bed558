// JSON text for output: the one place that turns a nlohmann::json into
// bytes for a client, a log line or a JSON-lines file. Strings holding bytes
// that are not UTF-8 come out with U+FFFD in their place instead of throwing
// (nlohmann's default throws type_error.316). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace embargo {

// `j` as JSON text; indent < 0 is compact, otherwise pretty with `indent`
// spaces. Never throws on bad bytes.
std::string JsonText(const nlohmann::json& j, int indent = -1);

}  // namespace embargo
