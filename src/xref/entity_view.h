// One record seen across lists: its cross-list cluster (the same party on
// other lists) with the links' evidence, the ambiguous cases that concern
// it, and for every other list without a counterpart the closest record
// there and why it was not linked. What `embargo show ID` prints and the
// service's /entities/{id} returns under "xref". Pure functions over an
// immutable ListSet and its LinkLists result; thread-safe.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "embargo/lists.h"
#include "xref/xref.h"

namespace embargo::xref {

struct EntityView {
  size_t entity = 0;            // index into ListSet::entities
  std::vector<size_t> members;  // the record first, then the rest of its cluster
  std::vector<Link> links;      // the cluster's links
  // Cases other records could not settle that name this one as a
  // candidate, and this one's own on lists where it has a counterpart all
  // the same.
  std::vector<Ambiguity> ambiguous;
  // One per other dataset without a counterpart: (dataset, why).
  std::vector<std::pair<std::string, Unlinked>> unlinked;
};

class NameLinker;

// `result` is LinkLists(lists, options); `linker` a NameLinker over all of
// `lists` with the same options (built once, reused across views: building
// one indexes every list); `entity` an index into lists.entities.
EntityView ViewEntity(const ListSet& lists, const XrefResult& result, const NameLinker& linker,
                      size_t entity, const XrefOptions& options = {});

// {"counterparts": [MemberJson + "names": [...]], "links": [LinkJson...],
//  "ambiguous": [AmbiguityJson...], "unlinked": [UnlinkedJson + "other_dataset"]}
nlohmann::json EntityViewToJson(const ListSet& lists, const EntityView& view);

}  // namespace embargo::xref
