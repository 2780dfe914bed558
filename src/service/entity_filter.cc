#include "service/entity_filter.h"

#include <algorithm>

namespace embargo::service {

bool EntityFilter::Accepts(const Entity& e) const {
  if (datasets.count(e.dataset) == 0) return false;
  if (excluded_schemas.count(std::string(SchemaName(e.schema))) > 0) return false;
  if (topics.empty()) return true;
  const std::vector<std::string>& has = e.topics_or_default();
  return std::any_of(has.begin(), has.end(), [&](const std::string& t) { return topics.count(t); });
}

EntityFilter ParseEntityFilter(const Params& params, const std::vector<std::string>& scope) {
  EntityFilter filter;
  std::vector<std::string> include = ParamAll(params, "include_dataset");
  for (const std::string& d : scope) {
    if (include.empty() || std::find(include.begin(), include.end(), d) != include.end()) {
      filter.datasets.insert(d);
    }
  }
  for (const std::string& d : ParamAll(params, "exclude_dataset")) filter.datasets.erase(d);
  for (const std::string& s : ParamAll(params, "exclude_schema")) filter.excluded_schemas.insert(s);
  for (const std::string& t : ParamAll(params, "topics")) filter.topics.insert(t);
  return filter;
}

}  // namespace embargo::service
