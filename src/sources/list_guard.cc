#include "sources/list_guard.h"

#include <fmt/format.h>

#include <map>

namespace embargo {
namespace {

Error Shrunk(const Dataset& before, size_t now, const std::string& path, const ShrinkGuard& guard) {
  double drop = 100.0 * static_cast<double>(before.entity_count - now) /
                static_cast<double>(before.entity_count);
  return MakeError(path, 0,
                   fmt::format("{} has {} entities, {:.1f} % fewer than the {} of its previous "
                               "version ({}); more than {:g} % fewer looks like a list cut short: "
                               "refused ({})",
                               before.name, now, drop, before.entity_count, before.path,
                               guard.max_drop_percent, guard.override_hint));
}

}  // namespace

Status CheckListShrink(const std::vector<Dataset>& previous, const ListSet& next,
                       const ShrinkGuard& guard) {
  if (guard.action == ShrinkAction::kAccept) return Status::Ok();
  std::map<std::string, size_t> counts;
  for (const Entity& entity : next.entities) ++counts[entity.dataset];
  std::map<std::string, const Dataset*> now;
  for (const Dataset& dataset : next.datasets) now.emplace(dataset.name, &dataset);
  for (const Dataset& before : previous) {
    if (before.entity_count == 0) continue;
    auto it = now.find(before.name);
    if (it == now.end()) {
      if (guard.missing == MissingDatasets::kIgnore) continue;
      return MakeError(before.path, 0,
                       fmt::format("{} ({} entities) is missing from the new lists: refused ({})",
                                   before.name, before.entity_count, guard.override_hint));
    }
    size_t count = counts[before.name];
    double kept = static_cast<double>(count) / static_cast<double>(before.entity_count);
    if (count < before.entity_count && 100.0 * (1.0 - kept) > guard.max_drop_percent) {
      return Shrunk(before, count, it->second->path, guard);
    }
  }
  return Status::Ok();
}

}  // namespace embargo
