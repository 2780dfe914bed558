#include "service/match_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/json_parse.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "input/country_reading.h"
#include "input/date_reading.h"
#include "input/kind_reading.h"
#include "match/match_json.h"
#include "service/algorithms_handler.h"
#include "service/catalog_handler.h"
#include "service/entity_filter.h"
#include "service/ftm_output.h"
#include "service/query_names.h"

namespace embargo::service {
namespace {

constexpr double kDefaultCutoff = kDefaultThreshold;
constexpr size_t kDefaultLimit = 5;
constexpr size_t kMaxExcludedIds = 50;

// A property's values: a string or number, or a list of them (others are
// errors).
std::optional<std::vector<std::string>> Strings(const nlohmann::json& value) {
  std::vector<std::string> out;
  auto one = [&out](const nlohmann::json& v) {
    if (v.is_string()) {
      out.push_back(v.get<std::string>());
    } else if (v.is_number()) {  // yente reads 1965 as "1965"
      out.push_back(v.dump());
    } else {
      return false;
    }
    return true;
  };
  if (value.is_array()) {
    for (const auto& v : value) {
      if (!one(v)) return std::nullopt;
    }
  } else if (!value.is_null() && !one(value)) {
    return std::nullopt;
  }
  return out;
}

struct ParsedQuery {
  std::string key;
  Query query;
  nlohmann::json cleaned;  // echoed back as "query": the example as sent (Echo)
  std::string error;       // no usable name: answered with status 400, not screened
};

bool IsCountryProperty(std::string_view name) {
  for (std::string_view p : {"country", "nationality", "citizenship", "jurisdiction", "flag",
                             "birthCountry", "mainCountry", "pastFlags"}) {
    if (name == p) return true;
  }
  return false;
}

// The example as the client sent it, echoed as "query": its own id (else
// the batch key), schema and every property, values as strings (countries
// as ISO codes, an unknown country dropped).
nlohmann::json Echo(const std::string& key, const nlohmann::json& example) {
  nlohmann::json out = {{"id", key}, {"properties", nlohmann::json::object()}};
  if (!example.is_object()) return out;
  if (auto id = example.find("id"); id != example.end() && id->is_string()) out["id"] = *id;
  if (auto schema = example.find("schema"); schema != example.end() && schema->is_string())
    out["schema"] = *schema;
  auto props = example.find("properties");
  if (props == example.end() || !props->is_object()) return out;
  for (const auto& [name, value] : props->items()) {
    std::optional<std::vector<std::string>> values = Strings(value);
    if (!values) continue;
    if (IsCountryProperty(name)) {  // cleaned as yente cleans them: "Russia" -> "ru"
      std::vector<std::string> codes;
      for (const std::string& v : *values) {
        for (std::string& code : input::ReadCountry(v).values) {  // as the screener reads it
          if (std::find(codes.begin(), codes.end(), code) == codes.end())
            codes.push_back(std::move(code));
        }
      }
      values = std::move(codes);
    }
    if (!values->empty()) out["properties"][name] = *values;
  }
  return out;
}

// yente-style example to QueryFields; the properties it does not read go
// to `unread` (yente ignores them silently: a client's typo, idNumbers for
// idNumber, would go unseen). A wrong type is an error for the whole
// request.
std::optional<std::string> ReadExample(const std::string& key, const nlohmann::json& example,
                                       QueryFields& f, std::vector<std::string>& unread) {
  if (!example.is_object()) return fmt::format("query '{}': expected an object", key);
  f.id = key;
  if (example.contains("schema")) {
    if (!example["schema"].is_string())
      return fmt::format("query '{}': schema must be a string", key);
    f.schema = example["schema"].get<std::string>();
  }
  const nlohmann::json& props =
      example.contains("properties") ? example["properties"] : nlohmann::json::object();
  if (!props.is_object()) return fmt::format("query '{}': properties must be an object", key);
  std::vector<std::string_view> asked;  // every property read below
  auto read = [&](const char* prop, std::vector<std::string>& into) -> std::optional<std::string> {
    asked.push_back(prop);
    if (!props.contains(prop)) return std::nullopt;
    auto values = Strings(props[prop]);
    if (!values)
      return fmt::format("query '{}': property '{}' must be a string or a list of strings", key,
                         prop);
    for (std::string& v : *values) {
      if (!v.empty()) into.push_back(std::move(v));
    }
    return std::nullopt;
  };
  std::vector<std::string> first, last, genders;
  for (const char* p : {"name", "alias", "previousName"}) {
    if (auto e = read(p, f.names)) return e;
  }
  if (auto e = read("birthDate", f.birth_dates)) return e;
  for (const char* p : {"nationality", "citizenship", "country", "jurisdiction", "flag"}) {
    if (auto e = read(p, f.countries)) return e;
  }
  for (const char* p : {"idNumber", "passportNumber", "registrationNumber", "taxNumber", "swiftBic",
                        "leiCode", "innCode", "ogrnCode"}) {
    if (auto e = read(p, f.id_numbers)) return e;
  }
  if (auto e = read("imoNumber", f.imo_numbers)) return e;
  // A ship's radio identities (FtM Vessel properties): identifiers of a vessel.
  size_t before = f.id_numbers.size();
  for (const char* p : {"mmsi", "callSign"}) {
    if (auto e = read(p, f.id_numbers)) return e;
  }
  if (f.id_numbers.size() > before && f.schema.empty()) f.schema = "Vessel";
  if (auto e = read("gender", genders)) return e;
  if (auto e = read("firstName", first)) return e;
  if (auto e = read("lastName", last)) return e;
  AddNameFromParts(first, last, f.names);
  if (!genders.empty()) f.gender = genders.front();
  for (const auto& [name, value] : props.items()) {
    if (std::find(asked.begin(), asked.end(), name) == asked.end()) unread.push_back(name);
  }
  return std::nullopt;
}

// Reads one query leniently (MakeQuery): a field that cannot be read is
// ignored with a warning; only a query without a usable name is refused,
// on its own (`out.error`). Returns an error for the whole request.
std::optional<std::string> ParseExample(const std::string& key, const nlohmann::json& example,
                                        const Limits& limits, DateOrder date_order,
                                        ParsedQuery& out) {
  QueryFields f;
  f.date_order = date_order;
  std::vector<std::string> unread;
  if (auto error = ReadExample(key, example, f, unread)) return error;
  out.key = key;
  // Too many names refuse the request, as yente's name clause limit does;
  // too long a name (embargo's own limit) refuses this query alone, as a
  // query without a name does: the batch's other queries are answered.
  if (auto e = CheckNameLimits(f.names, limits)) {
    if (f.names.size() > limits.max_names_per_query) return fmt::format("query '{}': {}", key, *e);
    out.error = fmt::format("query '{}': {}", key, *e);
    out.cleaned = Echo(key, example);
    return std::nullopt;
  }
  auto query = MakeQuery(f);
  if (!query.ok()) {
    out.error = f.names.empty() ? fmt::format(
                                      "query '{}': no name (give properties.name, or firstName/"
                                      "lastName) and no identifier (imoNumber, idNumber, ...)",
                                      key)
                                : fmt::format("query '{}': {}", key, query.error().message);
    out.cleaned = Echo(key, example);
    return std::nullopt;
  }
  out.query = std::move(*query);
  for (const std::string& name : unread)
    out.query.warnings.push_back(fmt::format("property '{}' is not screened: ignored", name));
  out.cleaned = Echo(key, example);
  // How embargo read the dates and the schema (a "07/06/1964" is two
  // dates; "Corporate" a Company), so the client sees what was screened.
  std::vector<std::string> dates;
  for (const DateSpec& d : out.query.birth_dates) dates.push_back(d.ToString());
  if (!dates.empty()) out.cleaned["properties"]["birthDate"] = dates;
  out.cleaned["schema"] =
      out.query.schema ? std::string(SchemaName(*out.query.schema)) : std::string("Thing");
  return std::nullopt;
}

// yente 5 "explanations": {feature: {detail, score, query, candidate}}.
void WriteYenteExplanations(JsonWriter& w, const Match& m) {
  w.BeginObject();
  for (const FeatureContribution& f : m.explanation.features) {
    w.Key(f.feature);
    w.BeginObject();
    if (f.feature == "name_match") w.Member("candidate", m.explanation.matched_name);
    w.Member("detail", f.detail);
    if (f.feature == "name_match") w.Member("query", m.explanation.query_name);
    w.Member("score", match::RoundScore(f.value));
    w.EndObject();
  }
  w.EndObject();
}

// One query's entry of "responses"; returns how many results alert.
size_t WriteEntry(JsonWriter& w, const ParsedQuery& parsed, const std::vector<Match>& results) {
  size_t matched = 0;
  for (const Match& m : results) matched += m.match ? 1 : 0;
  w.BeginObject();
  if (!parsed.error.empty()) w.Member("detail", parsed.error);
  w.Key("query");
  w.Value(parsed.cleaned);
  w.Key("results");
  w.BeginArray();
  for (const Match& m : results) {
    w.BeginObject();
    WriteFtmMembers(w, *m.entity);
    w.Key("explanation");
    match::WriteExplanation(w, m.explanation);
    w.Key("explanations");
    WriteYenteExplanations(w, m);
    w.Key("features");  // yente's {feature: score}
    w.BeginObject();
    for (const FeatureContribution& f : m.explanation.features)
      w.Member(f.feature, match::RoundScore(f.value));
    w.EndObject();
    w.Member("match", m.match);
    w.Member("score", match::RoundScore(m.score));
    w.EndObject();
  }
  w.EndArray();
  w.MemberInt("status", parsed.error.empty() ? 200 : 400);
  w.Key("total");
  w.BeginObject();
  w.Member("relation", "eq");
  w.MemberInt("value", static_cast<int64_t>(matched));
  w.EndObject();
  w.Key("warnings");
  w.Strings(parsed.query.warnings);
  w.EndObject();
  return matched;
}

// yente's validation: an example names its schema (422 without one, as
// yente's request model requires it), and a schema that can be screened:
// an FtM name, or a word customers' files use for one ("Corporate", "개인",
// read with a warning); 400 otherwise, the whole batch.
std::optional<Response> CheckSchema(const std::string& key, const nlohmann::json& example) {
  if (!example.is_object()) return std::nullopt;  // ReadExample's error
  auto it = example.find("schema");
  if (it == example.end() || it->is_null()) {
    return ErrorResponse(422, fmt::format("query '{}': schema is required (Person, Company, "
                                          "Organization, LegalEntity, Vessel, Airplane)",
                                          key));
  }
  if (it->is_string() && !ParseSchema(it->get<std::string>()) &&
      input::ReadSchema(it->get<std::string>()).values.empty()) {
    return ErrorResponse(
        400, fmt::format("query '{}': unknown schema '{}'", key, it->get<std::string>()));
  }
  return std::nullopt;
}

}  // namespace

Response HandleMatch(const ServingSnapshot& snapshot, const std::string& dataset,
                     const Params& params, const std::string& body, const Limits& limits,
                     const std::function<void(ScreenedQuery)>& screened) {
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, dataset);
  if (scope.empty()) return UnknownDataset(dataset);
  std::string algorithm = Param(params, "algorithm", "best");
  if (!IsKnownAlgorithm(algorithm))
    return ErrorResponse(400, fmt::format("Unknown algorithm: {}", algorithm));

  auto threshold =
      ParseFiniteInRange(Param(params, "threshold", std::to_string(kDefaultThreshold)), 0, 1);
  if (!threshold) return ErrorResponse(400, "threshold must be a number in [0, 1]");
  auto cutoff = ParseFiniteInRange(Param(params, "cutoff", std::to_string(kDefaultCutoff)), 0, 1);
  if (!cutoff) return ErrorResponse(400, "cutoff must be a number in [0, 1]");
  auto limit = ParseNumber<size_t>(Param(params, "limit", std::to_string(kDefaultLimit)));
  if (!limit || *limit < 1 || *limit > limits.max_limit) {
    return ErrorResponse(400, fmt::format("limit must be an integer in [1, {}]", limits.max_limit));
  }

  std::optional<DateOrder> date_order = input::ParseDateOrder(Param(params, "date_order"));
  if (!date_order) return ErrorResponse(400, "date_order must be dmy, mdy or ymd");

  Result<EntityFilter> filter = ParseEntityFilter(snapshot, dataset, params);
  if (!filter.ok()) return ErrorResponse(400, filter.error().message);
  std::set<std::string> excluded_ids;
  for (const std::string& id : ParamAll(params, "exclude_entity_ids")) excluded_ids.insert(id);
  if (excluded_ids.size() > kMaxExcludedIds) {
    return ErrorResponse(400,
                         fmt::format("exclude_entity_ids: at most {} allowed", kMaxExcludedIds));
  }

  Result<nlohmann::json> parsed = ParseJson(body, "request body");
  if (!parsed.ok()) return ErrorResponse(400, parsed.error().ToString());
  nlohmann::json& request = *parsed;
  if (!request.is_object() || !request.contains("queries") || !request["queries"].is_object()) {
    return ErrorResponse(400, "request body must be an object with a 'queries' object");
  }
  // embargo-v1's constants are fixed (GET /algorithms publishes them): a
  // tuning the request asks for is refused, not silently ignored.
  for (const char* key : {"config", "weights"}) {
    if (request.contains(key) && request[key].is_object() && !request[key].empty()) {
      return ErrorResponse(
          400, fmt::format("Unknown {} key: {} (embargo-v1 takes no {}: its constants and "
                           "features are fixed, GET /algorithms lists them)",
                           key, request[key].begin().key(), key));
    }
  }
  const nlohmann::json& examples = request["queries"];
  if (examples.empty()) return ErrorResponse(400, "No queries provided");
  if (examples.size() > limits.max_queries) {
    return ErrorResponse(400, fmt::format("Too many queries: {}, at most {} per request",
                                          examples.size(), limits.max_queries));
  }
  std::vector<ParsedQuery> queries(examples.size());
  size_t i = 0;
  for (auto it = examples.begin(); it != examples.end(); ++it, ++i) {
    if (auto refusal = CheckSchema(it.key(), it.value())) return *refusal;
    if (auto error = ParseExample(it.key(), it.value(), limits, *date_order, queries[i]))
      return ErrorResponse(400, *error);
    for (const std::string& note : filter->notes) queries[i].query.warnings.push_back(note);
  }

  ScreenOptions options{*threshold, std::min(*cutoff, *threshold), *limit, nullptr};
  options.filter = [&filter, &excluded_ids](const Entity& e) {
    if (!filter->Accepts(e)) return false;
    if (excluded_ids.empty()) return true;
    if (excluded_ids.count(e.id) > 0) return false;
    // An id merged into this entity excludes it too.
    return e.ftm == nullptr ||
           std::none_of(e.ftm->referents.begin(), e.ftm->referents.end(),
                        [&](const std::string& r) { return excluded_ids.count(r) > 0; });
  };
  std::vector<std::vector<Match>> results(queries.size());
  auto screen = [&](size_t q) {
    if (queries[q].error.empty()) results[q] = snapshot.screener->Screen(queries[q].query, options);
  };
  ParallelFor(queries.size(), queries.size() >= kParallelQueries ? 0 : 1, screen);

  // Written straight as text: building a JSON tree for the answer cost as
  // much as screening the query (bench/service_benchmark.cc).
  Response response;
  response.text.reserve(4096 * queries.size());
  JsonWriter w(response.text);
  w.BeginObject();
  w.MemberInt("limit", static_cast<int64_t>(*limit));
  w.Key("matcher");  // yente names the algorithm that scored
  w.BeginObject();
  w.Member("name", kAlgorithmName);
  w.EndObject();
  w.Key("responses");
  w.BeginObject();
  for (size_t q = 0; q < queries.size(); ++q) {
    w.Key(queries[q].key);
    response.alerts += WriteEntry(w, queries[q], results[q]);
  }
  w.EndObject();
  w.EndObject();
  response.queries = queries.size();
  if (screened) {
    for (size_t q = 0; q < queries.size(); ++q) {
      ScreenedQuery one{queries[q].cleaned, &results[q], *threshold, &queries[q].query.warnings,
                        queries[q].error};
      one.subject["key"] = queries[q].key;
      one.subject["dataset"] = dataset;
      screened(std::move(one));
    }
  }
  response.headers.emplace_back("x-batch-size", std::to_string(queries.size()));
  return response;
}

}  // namespace embargo::service
