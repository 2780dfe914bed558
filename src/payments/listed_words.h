// The words of the listed names, as free text is searched for them: how
// many listed names hold each word, which listed names are one word, and
// which words stand next to each other in a listed name. A span of words
// picked out of free text (or cut out of a party field) can only name a
// listed name whole if it is a one-word listed name or holds such a pair,
// so most spans are passed over without screening. Words are compared as
// SplitWords (embargoes.h) keys: exact spellings, case and accents aside.
// Immutable once built; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "embargo/entity.h"

namespace embargo::payments {

class ListedWords {
 public:
  // One-word listed names shorter than this are not looked for ("ETA",
  // "PKK" are everyday letter groups).
  static constexpr size_t kMinSingleWordLetters = 5;
  // A word at most this many listed names hold tells names apart ("EBANO",
  // "KOMID", "WON"; not "BANK", "TRADING", "SERVICES").
  static constexpr uint32_t kDistinctiveNames = 200;

  // Whose names: ships', or everyone else's (aircraft are in neither).
  enum class Names { kParties, kVessels };

  ListedWords() = default;
  ListedWords(const std::vector<Entity>& entities, Names names);

  // How many listed names hold the word (a SplitWords key); 0 = none.
  uint32_t NamesHolding(const std::string& key) const;
  // Whether a listed name is this one word.
  bool IsOneWordName(const std::string& key) const;
  // Whether the two words are neighbours in a listed name, in either order
  // (also a name's last and first word: "WON HO RI" is "RI WON HO").
  bool AreNeighbours(const std::string& a, const std::string& b) const;
  // Whether the words of `span` could name a listed name whole: a one-word
  // name, or two neighbouring words of one.
  bool CanNameWhole(std::string_view span) const;
  // Whether some run of the words of `text` could (CanNameWhole) and tells
  // names apart: a word that is a one-word listed name, or two neighbours one
  // of which is distinctive.
  bool HoldsPossibleName(std::string_view text) const;

 private:
  std::unordered_map<std::string, uint32_t> names_holding_;
  std::unordered_set<std::string> one_word_names_;
  std::vector<uint64_t> neighbours_;  // PairKey of neighbouring words, sorted
};

}  // namespace embargo::payments
