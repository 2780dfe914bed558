// The result filters /match and /search share, read from their query
// parameters: include_dataset / exclude_dataset within the datasets the path
// names, exclude_schema, and topics (yente's: an entity passes when it has
// one of the topics asked for; see Entity::topics_or_default). Pure;
// thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "embargo/entity.h"
#include "service/http_types.h"

namespace embargo::service {

struct EntityFilter {
  std::set<std::string> datasets;  // the scope less the excluded, or the included
  std::set<std::string> excluded_schemas;
  std::set<std::string> topics;  // empty: any

  bool Accepts(const Entity& e) const;
};

// `scope`: the dataset names the path's {dataset} stands for.
EntityFilter ParseEntityFilter(const Params& params, const std::vector<std::string>& scope);

}  // namespace embargo::service
