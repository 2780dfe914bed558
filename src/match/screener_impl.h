// Internal state of a Screener: the list set it owns and the index built
// over it. Immutable after construction.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "embargo/screener.h"
#include "match/flat_multimap.h"
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
  // The entities by id: a flat table of (hash of the id, entity number),
  // sorted on every core (at 1M entities the map of nodes it replaced took
  // 0.2 s of the load and 16 MB more resident).
  void IndexIds() {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    entries.reserve(lists.entities.size());
    for (size_t i = 0; i < lists.entities.size(); ++i)
      entries.emplace_back(match::HashKey(kIdTag, lists.entities[i].id), static_cast<uint32_t>(i));
    by_id = match::FlatMultiMap(std::move(entries));
  }
  // The first entity listed with `id`, or nullptr.
  const Entity* FindEntity(std::string_view id) const {
    for (uint32_t i : by_id.Find(match::HashKey(kIdTag, id))) {
      if (lists.entities[i].id == id) return &lists.entities[i];
    }
    return nullptr;
  }
  static constexpr char kIdTag = 'i';
  ListSet lists;
  match::Index index;
  match::WorkspacePool workspaces;
  match::FlatMultiMap by_id;
};

}  // namespace embargo
