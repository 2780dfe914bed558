// yente's /search refinements beyond the dataset, topic and changed_since
// filters (entity_filter.h): target=true|false, filter=FIELD:VALUE (repeatable; FIELD is countries,
// topics, datasets, schema or properties.NAME) combined by filter_op (OR, the default: any value of
// a field, every field; AND: every value), and sort=FIELD[:asc|desc] on first_seen, last_seen,
// last_change or caption (score order otherwise). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "embargo/screener.h"
#include "embargo/status.h"
#include "service/http_types.h"

namespace embargo::service {

struct SearchRefinements {
  std::optional<bool> target;
  std::vector<std::pair<std::string, std::string>> filters;  // (field, value)
  bool filter_and = false;
  std::vector<std::pair<std::string, bool>> sort;  // (field, descending)

  bool Accepts(const Entity& e) const;
  // Orders `matches` by `sort` (stable: ties keep score order).
  void Sort(std::vector<Match>& matches) const;
};

// An entity's countries (nationalities, then other countries), each once:
// what the countries filter and facet read.
std::vector<std::string> EntityCountries(const Entity& e);
// The datasets an entity belongs to: the one it was loaded as, then those
// its FtM record lists (Entity::InDataset), each once.
std::vector<std::string> EntityDatasets(const Entity& e);

// 400-worthy errors name the parameter.
Result<SearchRefinements> ParseSearchRefinements(const Params& params);

}  // namespace embargo::service
