// The result filters /match and /search share, read from their query
// parameters, as yente applies them: an entity passes when it belongs to one
// of the datasets the path names (Entity::InDataset: an OpenSanctions entity
// belongs to every source that lists it), to one of include_dataset when
// given, to none of exclude_dataset, is of no exclude_schema, and has one of
// the topics asked for (see Entity::topics_or_default). Pure; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "embargo/entity.h"
#include "service/http_types.h"

namespace embargo::service {

struct EntityFilter {
  std::set<std::string, std::less<>> scope;     // the path's datasets
  std::set<std::string, std::less<>> included;  // empty: any
  std::set<std::string, std::less<>> excluded;
  std::set<std::string, std::less<>> excluded_schemas;
  std::set<std::string, std::less<>> topics;  // empty: any

  bool Accepts(const Entity& e) const;
};

// `scope`: the dataset names the path's {dataset} stands for.
EntityFilter ParseEntityFilter(const Params& params, const std::vector<std::string>& scope);

}  // namespace embargo::service
