// The result filters /match, /search and /reconcile share, read from their
// query parameters, as yente applies them: an entity passes when it belongs
// to one of the datasets the path names (Entity::InDataset: an OpenSanctions
// entity belongs to every source that lists it), to one of include_dataset
// when given, to none of exclude_dataset, is of no exclude_schema, has one
// of the topics asked for (see Entity::topics_or_default), changed on or
// after changed_since (LastChange) and, under the path's `sanctions`
// collection, is listed for sanctions (a topic of sanction or
// sanction.linked: not an export denial, a debarment or a PEP). A topic
// nothing knows or a changed_since that is no date is refused with a message
// naming it, never read as a filter that passes nothing; an include_dataset
// or exclude_dataset that names no loaded dataset is taken, as yente takes
// it (its tests ask so), with a note the answer can carry.
// Pure; thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"
#include "embargo/status.h"
#include "service/http_types.h"

namespace embargo::service {

struct EntityFilter {
  std::set<std::string, std::less<>> scope;     // the path's datasets
  std::set<std::string, std::less<>> included;  // empty: any
  std::set<std::string, std::less<>> excluded;
  std::set<std::string, std::less<>> excluded_schemas;
  std::set<std::string, std::less<>> topics;  // empty: any
  std::string changed_since;                  // empty: any; else a date or time
  bool sanctions_only = false;                // the path named the sanctions collection
  // What the answer should say of the filters: a dataset name nothing loaded
  // has ("include_dataset: no loaded dataset is named 'nope'").
  std::vector<std::string> notes;

  bool Accepts(const Entity& e) const;
};

// When the entity last changed as far as its list says: its FtM
// last_change, else the date it was listed; "" when neither is known.
std::string_view LastChange(const Entity& e);

// The filters of a request under `path_dataset` (a dataset or collection
// ResolveDatasetScope knows). Errors (for a 400): a topic that is neither a
// FollowTheMoney topic embargo knows nor one a loaded entity carries, a
// changed_since that is no date.
Result<EntityFilter> ParseEntityFilter(const ServingSnapshot& snapshot,
                                       const std::string& path_dataset, const Params& params);

}  // namespace embargo::service
