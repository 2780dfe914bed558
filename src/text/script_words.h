// Words written in another script (Hangul, Han, kana) replaced by their
// English words before a name is romanised: 은행 -> " bank ", 위원장 ->
// " chairman ". One table scan per position, longest entries first as the
// table orders them. Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>

namespace embargo::text {

struct ScriptWord {
  std::string_view script;
  std::string_view english;
};

// `utf8` with every occurrence of a table entry's script replaced by its
// English; text with no non-ASCII byte is returned as it is.
inline std::string ReplaceScriptWords(std::string_view utf8, std::span<const ScriptWord> words) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; }))
    return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 16);
  size_t i = 0;
  while (i < utf8.size()) {
    auto word = std::find_if(words.begin(), words.end(), [&](const ScriptWord& w) {
      return utf8.substr(i, w.script.size()) == w.script;
    });
    if (word == words.end()) {
      out.push_back(utf8[i++]);
    } else {
      out += word->english;
      i += word->script.size();
    }
  }
  return out;
}

}  // namespace embargo::text
