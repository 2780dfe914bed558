#include "service/search_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <variant>

#include "common/strings.h"
#include "match/match_json.h"
#include "model/country.h"
#include "service/catalog_handler.h"
#include "service/entity_filter.h"
#include "service/ftm_output.h"
#include "service/search_options.h"

namespace embargo::service {
namespace {

constexpr const char* kKnownFacets[] = {"countries", "datasets", "schema", "topics"};

struct SearchRequest {
  std::optional<Query> query;  // none: browse every entity the filters pass
  std::optional<Schema> schema;
  size_t limit = kSearchDefaultLimit;
  size_t offset = 0;
  EntityFilter filter;
  SearchRefinements refinements;
  std::vector<std::string> facets;
};

// A 422 (yente's status for a parameter out of its range) or a 400.
struct SearchError {
  int status;
  std::string detail;
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

// The text searched for, when there is one; the schema asked for.
Status ParseQueryText(const Params& params, SearchRequest& request) {
  std::string schema = Param(params, "schema");
  if (!schema.empty() && schema != "Thing") {
    request.schema = ParseSchema(schema);
    if (!request.schema) return MakeError(fmt::format("schema: unknown schema '{}'", schema));
  }
  std::string q = Param(params, "q");
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Ok();
  if (q.size() > kSearchMaxQueryBytes) {
    return MakeError(fmt::format("q: at most {} bytes", kSearchMaxQueryBytes));
  }
  QueryFields fields;
  fields.names = {q};
  if (request.schema) fields.schema = schema;
  Result<Query> query = MakeQuery(fields);
  if (!query.ok()) return MakeError("q: " + query.error().message);
  request.query = std::move(*query);
  return Status::Ok();
}

// countries= and datasets= are yente's filters on those fields (combined
// by filter_op like filter=).
Status ParseFilters(const ServingSnapshot& snapshot, const std::string& dataset,
                    const Params& params, SearchRequest& request) {
  Result<EntityFilter> filter = ParseEntityFilter(snapshot, dataset, params);
  if (!filter.ok()) return filter.error();
  request.filter = std::move(*filter);
  Result<SearchRefinements> refinements = ParseSearchRefinements(params);
  if (!refinements.ok()) return refinements.error();
  request.refinements = std::move(*refinements);
  for (const std::string& c : ParamAll(params, "countries")) {
    std::string iso = NormalizeCountry(c);
    if (iso.empty()) return MakeError(fmt::format("countries: unknown country '{}'", c));
    request.refinements.filters.emplace_back("countries", iso);
  }
  for (const std::string& d : ParamAll(params, "datasets"))
    request.refinements.filters.emplace_back("datasets", d);
  return Status::Ok();
}

Status ParseFacets(const Params& params, SearchRequest& request) {
  request.facets = ParamAll(params, "facets");
  if (request.facets.empty()) request.facets = {"countries", "datasets", "topics"};  // yente's
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

std::variant<SearchRequest, SearchError> ParseSearch(const ServingSnapshot& snapshot,
                                                     const std::string& dataset,
                                                     const Params& params) {
  SearchRequest request;
  Result<size_t> limit = ParseBounded(params, "limit", kSearchDefaultLimit, kSearchMaxLimit);
  if (!limit.ok()) return SearchError{422, limit.error().message};
  Result<size_t> offset = ParseBounded(params, "offset", 0, kSearchMaxOffset);
  if (!offset.ok()) return SearchError{422, offset.error().message};
  request.limit = *limit;
  request.offset = *offset;
  for (Status s :
       {ParseQueryText(params, request), ParseFilters(snapshot, dataset, params, request),
        ParseFacets(params, request)}) {
    if (!s.ok()) return SearchError{400, s.error().message};
  }
  return request;
}

// Whether a listed entity of schema `listed` is one of `asked` (FtM's
// hierarchy: a LegalEntity is any party, an Organization a Company too).
bool IsOfSchema(Schema listed, Schema asked) {
  if (listed == asked) return true;
  if (asked == Schema::kLegalEntity)
    return listed != Schema::kVessel && listed != Schema::kAirplane;
  return asked == Schema::kOrganization && listed == Schema::kCompany;
}

bool Accepts(const SearchRequest& r, const Entity& e) {
  if (r.schema && !IsOfSchema(e.schema, *r.schema)) return false;
  return r.filter.Accepts(e) && r.refinements.Accepts(e);
}

// Every entity the filters pass, in list order (a search without text).
std::vector<Match> Browse(const ListSet& lists, const SearchRequest& r) {
  std::vector<Match> out;
  for (const Entity& e : lists.entities) {
    if (Accepts(r, e)) out.push_back(Match{&e, 0.0, false, {}});
  }
  return out;
}

// A facet's values for one entity.
std::vector<std::string> FacetValues(const std::string& facet, const Entity& e) {
  if (facet == "datasets") return EntityDatasets(e);
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
    w.Member("score", match::RoundScore(matches[i].score));
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
  if (scope.empty()) return UnknownDataset(dataset);
  std::variant<SearchRequest, SearchError> parsed = ParseSearch(snapshot, dataset, params);
  if (const auto* error = std::get_if<SearchError>(&parsed))
    return ErrorResponse(error->status, error->detail);
  const SearchRequest& r = std::get<SearchRequest>(parsed);
  std::vector<Match> matches;
  if (r.query) {
    ScreenOptions options;
    options.cutoff = kSearchCutoff;
    // Every candidate above the cutoff (the Screener bounds how many there
    // are), so that total and facets count all of them, not only the page.
    options.limit = std::numeric_limits<size_t>::max();
    options.filter = [&r](const Entity& e) { return Accepts(r, e); };
    matches = snapshot.screener->Screen(*r.query, options);
  } else {
    matches = Browse(snapshot.screener->lists(), r);
  }
  r.refinements.Sort(matches);
  Response response;
  response.text = SearchBody(r, matches);
  return response;
}

}  // namespace embargo::service
