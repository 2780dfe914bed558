#include "service/search_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "model/country.h"

namespace embargo::service {
namespace {

constexpr const char* kSortFields[] = {"first_seen", "last_seen", "last_change", "caption"};

// An entity's values for a filter field.
std::vector<std::string> FieldValues(const Entity& e, const std::string& field) {
  if (field == "countries") return EntityCountries(e);
  if (field == "topics") return e.topics_or_default();
  if (field == "schema") {
    return {e.ftm != nullptr ? e.ftm->schema : std::string(SchemaName(e.schema))};
  }
  if (field == "datasets") return EntityDatasets(e);
  if (field.starts_with("properties.") && e.ftm != nullptr) {
    const std::vector<std::string>* values = e.ftm->Find(field.substr(11));
    if (values != nullptr) return *values;
  }
  return {};
}

std::string SortKey(const Entity& e, const std::string& field) {
  if (field == "caption") return e.caption();
  if (e.ftm == nullptr) return field == "first_seen" && !e.listed_on.empty() ? e.listed_on : "";
  if (field == "first_seen") return e.ftm->first_seen;
  if (field == "last_seen") return e.ftm->last_seen;
  return e.ftm->last_change;
}

Status ParseSort(const Params& params, SearchRefinements& out) {
  for (const std::string& spec : ParamAll(params, "sort")) {
    size_t colon = spec.find(':');
    std::string field = spec.substr(0, colon);
    std::string order = colon == std::string::npos ? "asc" : spec.substr(colon + 1);
    bool known = std::any_of(std::begin(kSortFields), std::end(kSortFields),
                             [&](const char* f) { return field == f; });
    if (!known || (order != "asc" && order != "desc")) {
      return MakeError(
          fmt::format("sort: '{}' is not FIELD[:asc|desc] with FIELD one of first_seen, last_seen, "
                      "last_change, caption",
                      spec));
    }
    out.sort.emplace_back(field, order == "desc");
  }
  return Status::Ok();
}

}  // namespace

std::vector<std::string> EntityCountries(const Entity& e) {
  std::vector<std::string> out = e.nationalities;
  for (const std::string& c : e.countries) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::vector<std::string> EntityDatasets(const Entity& e) {
  std::vector<std::string> out = {e.dataset};
  if (e.ftm == nullptr) return out;
  for (const std::string& d : e.ftm->datasets) {
    if (d != e.dataset) out.push_back(d);
  }
  return out;
}

bool SearchRefinements::Accepts(const Entity& e) const {
  if (target && (e.ftm == nullptr ? true : e.ftm->target.value_or(true)) != *target) return false;
  if (filters.empty()) return true;
  std::map<std::string, bool> field_hit;  // OR: some value of each field matched
  for (const auto& [field, value] : filters) {
    std::vector<std::string> has = FieldValues(e, field);
    bool hit = std::find(has.begin(), has.end(), value) != has.end();
    if (filter_and && !hit) return false;
    field_hit[field] = field_hit[field] || hit;
  }
  return std::all_of(field_hit.begin(), field_hit.end(), [](const auto& f) { return f.second; });
}

void SearchRefinements::Sort(std::vector<Match>& matches) const {
  if (sort.empty()) return;
  std::stable_sort(matches.begin(), matches.end(), [this](const Match& a, const Match& b) {
    for (const auto& [field, descending] : sort) {
      std::string ka = SortKey(*a.entity, field), kb = SortKey(*b.entity, field);
      if (ka == kb) continue;
      return descending ? ka > kb : ka < kb;
    }
    return false;
  });
}

Result<SearchRefinements> ParseSearchRefinements(const Params& params) {
  SearchRefinements out;
  if (!Param(params, "target").empty()) {
    Result<bool> target = BoolParam(params, "target");
    if (!target.ok()) return target.error();
    out.target = *target;
  }
  for (const std::string& spec : ParamAll(params, "filter")) {
    size_t colon = spec.find(':');
    if (colon == std::string::npos || colon == 0) {
      return MakeError(fmt::format("filter: '{}' is not FIELD:VALUE", spec));
    }
    std::string field = spec.substr(0, colon), value = spec.substr(colon + 1);
    if (field == "countries")
      value = NormalizeCountry(value).empty() ? value : NormalizeCountry(value);
    out.filters.emplace_back(std::move(field), std::move(value));
  }
  std::string op = Param(params, "filter_op", "OR");
  if (op != "OR" && op != "AND" && op != "or" && op != "and") {
    return MakeError("filter_op must be AND or OR");
  }
  out.filter_and = op == "AND" || op == "and";
  EMBARGO_RETURN_IF_ERROR(ParseSort(params, out));
  return out;
}

}  // namespace embargo::service
