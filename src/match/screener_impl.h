// Internal state of a Screener: the list set it owns and the index built
// over it. Immutable after construction.
#pragma once

#include "embargo/screener.h"
#include "match/index.h"

namespace embargo {

struct Screener::Impl {
  explicit Impl(ListSet l) : lists(std::move(l)), index(lists.entities) {}
  ListSet lists;
  match::Index index;
};

}  // namespace embargo
