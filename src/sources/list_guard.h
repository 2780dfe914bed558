// The shrink guard: a list whose entity count drops sharply against its
// previous version is refused unless the caller says the drop is real. A
// list cut short at a record boundary parses cleanly, and stored or served
// it would make every missing entity look delisted (rescreen closes their
// alerts as "entity removed"). One function for every caller: `embargo
// import` and `update` (previous = the stored versions) and the HTTP
// server's reload (previous = the snapshot being served). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "embargo/lists.h"
#include "embargo/status.h"

namespace embargo {

enum class ShrinkAction {
  kRefuse,  // a drop beyond max_drop_percent is an error
  kAccept,  // the caller knows the list shrank (--accept-shrink)
};

enum class MissingDatasets {
  kIgnore,  // a dataset absent from the new lists is left alone (import of one file)
  kRefuse,  // a dataset absent from the new lists is a total drop (reload of a folder)
};

struct ShrinkGuard {
  double max_drop_percent = 20;  // refuse when more than this share of entities is gone
  ShrinkAction action = ShrinkAction::kRefuse;
  MissingDatasets missing = MissingDatasets::kIgnore;
  // How the user overrides the guard, ending the error message.
  std::string override_hint = "pass --accept-shrink if the list really shrank";
};

// Checks every dataset of `next` (entities counted from next.entities)
// against the dataset of the same name in `previous` (name, path and
// entity_count are read). Fails with the first dataset that shrank too far:
//   "<new path>: us_ofac_sdn has 1520 entities, 90.0 % fewer than the 15204
//    of its previous version (us_ofac_sdn@1); more than 20 % fewer looks like
//    a list cut short: refused (pass --accept-shrink if the list really
//    shrank)".
// With MissingDatasets::kRefuse, a dataset of `previous` absent from `next`
// fails as "<previous path>: us_ofac_sdn (15204 entities) is missing from
// the new lists: refused (...)". Datasets new in `next` pass.
Status CheckListShrink(const std::vector<Dataset>& previous, const ListSet& next,
                       const ShrinkGuard& guard);

}  // namespace embargo
