#include "text/script_words.h"

#include <algorithm>

namespace embargo::text {

ScriptWordTable::ScriptWordTable(std::span<const ScriptWord> words) : words_(words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].script.empty()) continue;
    by_first_byte_[static_cast<unsigned char>(words[i].script[0])].push_back(
        static_cast<uint16_t>(i));
  }
}

std::string ScriptWordTable::Replace(std::string_view utf8) const {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; }))
    return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 16);
  size_t i = 0;
  while (i < utf8.size()) {
    const ScriptWord* found = nullptr;
    for (uint16_t w : by_first_byte_[static_cast<unsigned char>(utf8[i])]) {
      if (utf8.substr(i, words_[w].script.size()) == words_[w].script) {
        found = &words_[w];
        break;
      }
    }
    if (found == nullptr) {
      out.push_back(utf8[i++]);
    } else {
      out += found->english;
      i += found->script.size();
    }
  }
  return out;
}

}  // namespace embargo::text
