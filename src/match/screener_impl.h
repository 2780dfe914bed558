// Internal state of a Screener: the list set it owns and the index built
// over it. Immutable after construction.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "embargo/screener.h"
#include "match/index.h"
#include "match/workspace.h"

namespace embargo {

struct Screener::Impl {
  explicit Impl(ListSet l)
      : lists(std::move(l)), index(lists.entities), workspaces(index.names().size()) {}
  Impl(ListSet l, const match::Index& rarity)
      : lists(std::move(l)), index(lists.entities, rarity), workspaces(index.names().size()) {}
  // Over an index read from a snapshot of these lists.
  Impl(ListSet l, match::Index&& built)
      : lists(std::move(l)), index(std::move(built)), workspaces(index.names().size()) {}
  // The first entity listed with `id`, or nullptr.
  const Entity* FindEntity(std::string_view id) const {
    for (uint32_t i : index.EntitiesWithId(id)) {
      if (lists.entities[i].id == id) return &lists.entities[i];
    }
    return nullptr;
  }
  ListSet lists;
  match::Index index;
  match::WorkspacePool workspaces;
};

}  // namespace embargo
