// Internal state of a Screener: the list set it owns and the index built
// over it. Immutable after construction.
#pragma once

#include <string_view>
#include <unordered_map>

#include "embargo/screener.h"
#include "match/index.h"
#include "match/workspace.h"

namespace embargo {

struct Screener::Impl {
  explicit Impl(ListSet l)
      : lists(std::move(l)), index(lists.entities), workspaces(index.names().size()) {
    IndexIds();
  }
  Impl(ListSet l, const match::Index& rarity)
      : lists(std::move(l)), index(lists.entities, rarity), workspaces(index.names().size()) {
    IndexIds();
  }
  // Over an index read from a snapshot of these lists.
  Impl(ListSet l, match::Index&& built)
      : lists(std::move(l)), index(std::move(built)), workspaces(index.names().size()) {
    IndexIds();
  }
  void IndexIds() {
    by_id.reserve(lists.entities.size());
    for (const Entity& e : lists.entities) by_id.emplace(e.id, &e);
  }
  ListSet lists;
  match::Index index;
  match::WorkspacePool workspaces;
  std::unordered_map<std::string_view, const Entity*> by_id;
};

}  // namespace embargo
