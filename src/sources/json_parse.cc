#include "sources/json_parse.h"

#include <algorithm>
#include <charconv>

namespace embargo {
namespace {

int IntAfter(std::string_view text, std::string_view key) {
  size_t pos = text.find(key);
  if (pos == std::string_view::npos) return 0;
  int value = 0;
  const char* begin = text.data() + pos + key.size();
  std::from_chars(begin, text.data() + text.size(), value);
  return value;
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at
// line 2, column 5: syntax error while ..."; keep the part after the position.
Error ToError(const nlohmann::json::parse_error& e, const std::string& file, int first_line) {
  std::string_view what = e.what();
  int line = IntAfter(what, "at line ");
  int column = IntAfter(what, ", column ");
  size_t colon = what.find(": ", what.find("at line "));
  std::string_view reason = colon == std::string_view::npos ? what : what.substr(colon + 2);
  return Error{file, first_line - 1 + std::max(line, 1), column,
               "invalid JSON: " + std::string(reason)};
}

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text, const std::string& file, int first_line) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    return ToError(e, file, first_line);
  }
}

std::optional<std::vector<std::string>> JsonStrings(const nlohmann::json& value) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const nlohmann::json& item : value) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace embargo
