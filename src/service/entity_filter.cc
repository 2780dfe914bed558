#include "service/entity_filter.h"

#include <algorithm>

namespace embargo::service {
namespace {

// Whether `e` belongs to one of `names`.
bool InAny(const Entity& e, const std::set<std::string, std::less<>>& names) {
  if (names.count(e.dataset) > 0) return true;
  if (e.ftm == nullptr) return false;
  const std::vector<std::string>& datasets = e.ftm->datasets;
  return std::any_of(datasets.begin(), datasets.end(),
                     [&](const std::string& d) { return names.count(d) > 0; });
}

}  // namespace

bool EntityFilter::Accepts(const Entity& e) const {
  if (!InAny(e, scope)) return false;
  if (!included.empty() && !InAny(e, included)) return false;
  if (!excluded.empty() && InAny(e, excluded)) return false;
  if (excluded_schemas.count(SchemaName(e.schema)) > 0) return false;
  if (e.ftm != nullptr && excluded_schemas.count(e.ftm->schema) > 0) return false;
  if (topics.empty()) return true;
  const std::vector<std::string>& has = e.topics_or_default();
  return std::any_of(has.begin(), has.end(), [&](const std::string& t) { return topics.count(t); });
}

EntityFilter ParseEntityFilter(const Params& params, const std::vector<std::string>& scope) {
  EntityFilter filter;
  filter.scope.insert(scope.begin(), scope.end());
  for (const std::string& d : ParamAll(params, "include_dataset")) filter.included.insert(d);
  for (const std::string& d : ParamAll(params, "exclude_dataset")) filter.excluded.insert(d);
  for (const std::string& s : ParamAll(params, "exclude_schema")) filter.excluded_schemas.insert(s);
  for (const std::string& t : ParamAll(params, "topics")) filter.topics.insert(t);
  return filter;
}

}  // namespace embargo::service
