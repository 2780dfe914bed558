#include "common/json_parse.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/strings.h"

namespace embargo {
namespace {

using nlohmann::json;

int IntAfter(std::string_view text, std::string_view key) {
  size_t pos = text.find(key);
  if (pos == std::string_view::npos) return 0;
  int value = 0;
  const char* begin = text.data() + pos + key.size();
  std::from_chars(begin, text.data() + text.size(), value);
  return value;
}

// "[json.exception.out_of_range.406] number overflow ..." -> "number overflow ...".
std::string_view WithoutTag(std::string_view what) {
  if (!what.starts_with("[json.exception.")) return what;
  size_t end = what.find("] ");
  return end == std::string_view::npos ? what : what.substr(end + 2);
}

// nlohmann's DOM builder, keeping where parsing stopped and why instead of
// throwing (sax_parse calls parse_error on this type, hiding the base's).
class DomBuilder : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit DomBuilder(json& root) : json_sax_dom_parser(root, /*allow_exceptions_=*/false) {}

  template <typename Exception>
  bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
    failed_ = true;
    position_ = position;
    last_token_ = last_token;
    syntax_ = ex.id >= 100 && ex.id < 200;  // parse_error ids; out_of_range is 4xx
    what_ = ex.what();
    return false;
  }

  // The failure, at `text`'s line and column.
  Error ToError(std::string_view text, const std::string& file, int first_line) const {
    if (syntax_) {
      // "parse error at line 2, column 5: syntax error while ...": nlohmann
      // counts the column up to the character that broke the syntax.
      int line = IntAfter(what_, "at line ");
      int column = IntAfter(what_, ", column ");
      size_t colon = what_.find(": ", what_.find("at line "));
      std::string reason = colon == std::string::npos ? what_ : what_.substr(colon + 2);
      return Error{file, first_line - 1 + std::max(line, 1), column, "invalid JSON: " + reason};
    }
    // A value out of range: point at its first character.
    size_t start = position_ - std::min(position_, last_token_.size());
    TextPosition at = PositionOfOffset(text, start);
    return Error{file, first_line - 1 + at.line, at.column,
                 "invalid JSON: " + std::string(WithoutTag(what_))};
  }

  bool failed() const { return failed_; }

 private:
  bool failed_ = false;
  bool syntax_ = false;
  std::size_t position_ = 0;
  std::string last_token_;
  std::string what_;
};

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// The path of the first string (key or value) holding a NUL, or nullopt.
std::optional<std::string> FindNul(const json& value, const std::string& path) {
  if (value.is_string()) {
    if (HasNul(value.get_ref<const std::string&>())) return path;
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (HasNul(key)) return path + (path.empty() ? "" : ".") + "(a key)";
      if (auto found = FindNul(item, path + (path.empty() ? "" : ".") + key)) return found;
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      if (auto found = FindNul(value[i], fmt::format("{}[{}]", path, i))) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<json> ParseJson(std::string_view text, const std::string& file, int first_line) {
  json root;
  DomBuilder builder(root);
  bool ok = json::sax_parse(text.begin(), text.end(), &builder);
  if (builder.failed()) return builder.ToError(text, file, first_line);
  if (!ok) return Error{file, first_line, 0, "invalid JSON"};
  return root;
}

std::optional<std::vector<std::string>> JsonStrings(const json& value) {
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const json& item : value) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

Status CheckDecodedStrings(const json& value, const std::string& file, int line) {
  if (auto path = FindNul(value, "")) {
    return MakeError(file, line,
                     fmt::format("NUL character (\\u0000) in {}: not text, the file is damaged",
                                 path->empty() ? "a string" : *path));
  }
  return Status::Ok();
}

}  // namespace embargo
