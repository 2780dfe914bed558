#include "service/search_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "common/strings.h"
#include "model/country.h"
#include "service/catalog_handler.h"
#include "service/entity_filter.h"
#include "service/ftm_output.h"
#include "service/json_output.h"

namespace embargo::service {
namespace {

constexpr const char* kKnownFacets[] = {"countries", "datasets", "schema", "topics"};

struct SearchRequest {
  Query query;
  size_t limit = kSearchDefaultLimit;
  size_t offset = 0;
  EntityFilter filter;
  std::set<std::string> countries;  // empty: any
  std::vector<std::string> facets;
};

Result<size_t> ParseBounded(const Params& params, const std::string& key, size_t fallback,
                            size_t max) {
  auto it = params.find(key);
  if (it == params.end()) return fallback;
  const std::string& text = it->second;
  std::optional<size_t> value = ParseNumber<size_t>(text);
  if (!value || *value > max)
    return MakeError(fmt::format("{} must be an integer in [0, {}]", key, max));
  return *value;
}

Result<Query> ParseQueryText(const Params& params) {
  std::string q = Param(params, "q");
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return MakeError("q: a search text is required");
  }
  if (q.size() > kSearchMaxQueryBytes) {
    return MakeError(fmt::format("q: at most {} bytes", kSearchMaxQueryBytes));
  }
  QueryFields fields;
  fields.names = {q};
  std::string schema = Param(params, "schema");
  if (!schema.empty() && schema != "Thing") {
    if (!ParseSchema(schema)) return MakeError(fmt::format("schema: unknown schema '{}'", schema));
    fields.schema = schema;
  }
  Result<Query> query = MakeQuery(fields);
  if (!query.ok()) return MakeError("q: " + query.error().message);
  return query;
}

Status ParseFilters(const Params& params, const std::vector<std::string>& scope,
                    SearchRequest& request) {
  request.filter = ParseEntityFilter(params, scope);
  for (const std::string& c : ParamAll(params, "countries")) {
    std::string iso = NormalizeCountry(c);
    if (iso.empty()) return MakeError(fmt::format("countries: unknown country '{}'", c));
    request.countries.insert(iso);
  }
  return Status::Ok();
}

Status ParseFacets(const Params& params, SearchRequest& request) {
  request.facets = ParamAll(params, "facets");
  if (request.facets.empty()) request.facets = {"datasets", "schema", "countries"};
  for (const std::string& f : request.facets) {
    bool known = false;
    for (const char* k : kKnownFacets) known = known || f == k;
    if (!known) {
      return MakeError(fmt::format(
          "facets: unknown facet '{}' (known: countries, datasets, schema, topics)", f));
    }
  }
  std::sort(request.facets.begin(), request.facets.end());  // each facet once
  request.facets.erase(std::unique(request.facets.begin(), request.facets.end()),
                       request.facets.end());
  return Status::Ok();
}

Result<SearchRequest> ParseSearch(const Params& params, const std::vector<std::string>& scope) {
  SearchRequest request;
  Result<Query> query = ParseQueryText(params);
  if (!query.ok()) return query.error();
  request.query = std::move(*query);
  Result<size_t> limit = ParseBounded(params, "limit", kSearchDefaultLimit, kSearchMaxLimit);
  if (!limit.ok()) return limit.error();
  Result<size_t> offset = ParseBounded(params, "offset", 0, kSearchMaxOffset);
  if (!offset.ok()) return offset.error();
  request.limit = *limit;
  request.offset = *offset;
  EMBARGO_RETURN_IF_ERROR(ParseFilters(params, scope, request));
  EMBARGO_RETURN_IF_ERROR(ParseFacets(params, request));
  return request;
}

std::vector<std::string> EntityCountries(const Entity& e) {
  std::vector<std::string> out = e.nationalities;
  for (const std::string& c : e.countries) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

bool Accepts(const SearchRequest& r, const Entity& e) {
  if (!r.filter.Accepts(e)) return false;
  if (r.countries.empty()) return true;
  for (const std::string& c : EntityCountries(e)) {
    if (r.countries.count(c) > 0) return true;
  }
  return false;
}

// A facet's values for one entity.
std::vector<std::string> FacetValues(const std::string& facet, const Entity& e) {
  if (facet == "datasets") return {e.dataset};
  if (facet == "schema") return {std::string(SchemaName(e.schema))};
  if (facet == "countries") return EntityCountries(e);
  return e.topics_or_default();
}

// A topic for people; the topic itself when not one of these.
std::string TopicLabel(const std::string& topic) {
  static const std::map<std::string, std::string> kLabels = {
      {"sanction", "Sanctioned entity"},
      {"sanction.linked", "Sanction-linked entity"},
      {"sanction.counter", "Counter-sanctioned entity"},
      {"export.control", "Export controlled"},
      {"debarment", "Debarred entity"},
      {"corp.disqual", "Disqualified director"},
      {"role.pep", "Politically exposed person"},
      {"role.rca", "Close associate of a PEP"},
      {"poi", "Person of interest"},
      {"crime", "Crime"},
      {"wanted", "Wanted"}};
  auto it = kLabels.find(topic);
  return it == kLabels.end() ? topic : it->second;
}

std::string FacetLabel(const std::string& facet, const std::string& value) {
  if (facet == "datasets") return DatasetTitle(value);
  if (facet == "countries") return CountryLabel(value);
  if (facet == "topics") return TopicLabel(value);
  return value;
}

nlohmann::json Facet(const std::string& facet, const std::vector<Match>& matches) {
  std::map<std::string, size_t> counts;
  for (const Match& m : matches) {
    for (const std::string& v : FacetValues(facet, *m.entity)) ++counts[v];
  }
  std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::json values = nlohmann::json::array();
  for (const auto& [name, count] : sorted) {
    values.push_back({{"name", name}, {"label", FacetLabel(facet, name)}, {"count", count}});
  }
  static const std::map<std::string, std::string> kLabels = {{"datasets", "Datasets"},
                                                             {"schema", "Types"},
                                                             {"countries", "Countries"},
                                                             {"topics", "Topics"}};
  return {{"label", kLabels.at(facet)}, {"values", values}};
}

// {"facets", "limit", "offset", "results", "total"}, written as text.
std::string SearchBody(const SearchRequest& request, const std::vector<Match>& matches) {
  std::string text;
  JsonWriter w(text);
  w.BeginObject();
  w.Key("facets");
  w.BeginObject();
  for (const std::string& f : request.facets) {
    w.Key(f);
    w.Value(Facet(f, matches));
  }
  w.EndObject();
  w.MemberInt("limit", static_cast<int64_t>(request.limit));
  w.MemberInt("offset", static_cast<int64_t>(request.offset));
  w.Key("results");
  w.BeginArray();
  size_t end = std::min(matches.size(), request.offset + request.limit);
  for (size_t i = request.offset; i < end; ++i) {
    w.BeginObject();
    WriteFtmMembers(w, *matches[i].entity);
    w.Member("score", RoundScore(matches[i].score));
    w.EndObject();
  }
  w.EndArray();
  w.Key("total");
  w.BeginObject();
  w.Member("relation", "eq");
  w.MemberInt("value", static_cast<int64_t>(matches.size()));
  w.EndObject();
  w.EndObject();
  return text;
}

}  // namespace

Response HandleSearch(const ServingSnapshot& snapshot, const std::string& dataset,
                      const Params& params) {
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, dataset);
  if (scope.empty()) return ErrorResponse(404, fmt::format("Unknown dataset: {}", dataset));
  Result<SearchRequest> request = ParseSearch(params, scope);
  if (!request.ok()) return ErrorResponse(400, request.error().message);
  ScreenOptions options;
  options.cutoff = kSearchCutoff;
  // Every candidate above the cutoff (the Screener bounds how many there
  // are), so that total and facets count all of them, not only the page.
  options.limit = std::numeric_limits<size_t>::max();
  const SearchRequest& r = *request;
  options.filter = [&r](const Entity& e) { return Accepts(r, e); };
  Response response;
  response.text = SearchBody(r, snapshot.screener->Screen(r.query, options));
  return response;
}

}  // namespace embargo::service
