// A labelled test deck built from the lists themselves: for each listed
// name, spelling variants a screening system must still find (typos,
// swapped order, dropped middle names, initials, joined and hyphenated
// parts, Korean Revised-Romanisation and ROK passport spellings, Arabic and
// Cyrillic transliteration variants), each labelled with the entity it must
// find. Deterministic for a given seed. Pure function of its inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "embargo/lists.h"

namespace embargo::eval {

struct DeckRow {
  std::string id;
  std::string name;
  std::string schema;
  std::string expected_id;
  std::string kind;  // exact, typo, typo_all, swap, drop_middle, initial, join, hyphen, korean,
                     // arabic, cyrillic
};

struct DeckOptions {
  uint32_t seed = 42;
  std::vector<std::string> kinds;  // empty = all
};

// All kinds a deck can hold.
const std::vector<std::string>& DeckKinds();

std::vector<DeckRow> MakeVariantDeck(const ListSet& lists, const DeckOptions& options);

}  // namespace embargo::eval
