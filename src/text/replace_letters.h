// A name with some of its letters replaced, the reading the convention
// readings (convention_readings.h) and the construct-state reading
// (arabic_org_words.h) are made of. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/utf8.h"

namespace embargo::text {

// `name` with each letter replaced by `map(letter, next)`, where `next` is
// the byte offset of the character after it; "" when `name` is not valid
// UTF-8 or nothing changed.
template <typename Map>
std::string ReplaceLetters(std::string_view name, Map map) {
  std::string out;
  out.reserve(name.size());
  bool changed = false;
  for (size_t i = 0; i < name.size();) {
    Utf8Char c = DecodeUtf8(name, i);
    if (c.length == 0) return "";
    char32_t to = map(c.code_point, i + c.length);
    if (to != c.code_point) {
      changed = true;
      AppendUtf8(out, to);
    } else {
      out.append(name.substr(i, c.length));
    }
    i += c.length;
  }
  return changed ? out : "";
}

}  // namespace embargo::text
