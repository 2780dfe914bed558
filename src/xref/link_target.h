// Resolving an entity's links (Entity::links: owners, operators, OFAC's
// "Linked To:") to the records they name: by id when the source gives one,
// else by the one record of the source's own dataset whose primary name is
// the link's name (an ambiguous name is left unresolved). Pure functions of
// their inputs; thread-safe.
#pragma once

#include <functional>
#include <string_view>

#include "embargo/lists.h"

namespace embargo::xref {

// Finds a record by entity id; nullptr when none.
using FindById = std::function<const Entity*(std::string_view id)>;

// The record `link` (one of `source`'s) names, or nullptr. `by_id` finds
// records by id (a screener's index); by default a scan of `lists`.
const Entity* ResolveLink(const ListSet& lists, const Entity& source, const embargo::Link& link,
                          const FindById& by_id = nullptr);

}  // namespace embargo::xref
