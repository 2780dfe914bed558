// Words written in another script (Hangul, Han, kana) replaced by their
// English words before a name is romanised: 은행 -> " bank ", 위원장 ->
// " chairman ". At each character the entries starting with its first byte
// are tried in table order (longest first, as the tables order them); text
// with no non-ASCII byte is returned as it is. Immutable once built;
// thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::text {

struct ScriptWord {
  std::string_view script;
  std::string_view english;
};

class ScriptWordTable {
 public:
  explicit ScriptWordTable(std::span<const ScriptWord> words);

  // `utf8` with every occurrence of an entry's script replaced by its
  // English, entries tried left to right, the first (in table order) that
  // matches at a position taken.
  std::string Replace(std::string_view utf8) const;

 private:
  std::span<const ScriptWord> words_;
  std::array<std::vector<uint16_t>, 256> by_first_byte_;  // indexes into words_, in table order
};

}  // namespace embargo::text
