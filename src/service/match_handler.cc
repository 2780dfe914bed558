#include "service/match_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/json_parse.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "model/country.h"
#include "service/algorithms_handler.h"
#include "service/catalog_handler.h"
#include "service/entity_filter.h"
#include "service/ftm_output.h"
#include "service/json_output.h"

namespace embargo::service {
namespace {

constexpr double kDefaultCutoff = kDefaultThreshold;
constexpr size_t kDefaultLimit = 5;
constexpr size_t kMaxExcludedIds = 50;
constexpr size_t kParallelQueries = 4;  // screen in parallel from this many queries up

// A property's values: a string or a list of strings (others are errors).
std::optional<std::vector<std::string>> Strings(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const auto& v : value) {
      if (!v.is_string()) return std::nullopt;
      out.push_back(v.get<std::string>());
    }
  } else if (!value.is_null()) {
    return std::nullopt;
  }
  return out;
}

struct ParsedQuery {
  std::string key;
  Query query;
  nlohmann::json cleaned;  // echoed back as "query"
};

// yente-style example to a Query. Unknown properties are ignored; dates and
// countries that cannot be read are dropped (yente cleans input the same
// way); an unknown schema, a wrong type or a too-long name is an error.
std::optional<std::string> ParseExample(const std::string& key, const nlohmann::json& example,
                                        const Limits& limits, ParsedQuery& out) {
  if (!example.is_object()) return fmt::format("query '{}': expected an object", key);
  QueryFields f;
  f.id = key;
  if (example.contains("schema")) {
    if (!example["schema"].is_string())
      return fmt::format("query '{}': schema must be a string", key);
    f.schema = example["schema"].get<std::string>();
    if (!ParseSchema(f.schema))
      return fmt::format("query '{}': unknown schema '{}'", key, f.schema);
  }
  const nlohmann::json& props =
      example.contains("properties") ? example["properties"] : nlohmann::json::object();
  if (!props.is_object()) return fmt::format("query '{}': properties must be an object", key);
  nlohmann::json cleaned = nlohmann::json::object();
  auto read = [&](const char* prop, std::vector<std::string>& into) -> std::optional<std::string> {
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
  std::vector<std::string> names, first, last, dates, countries, ids, imos, genders;
  for (const char* p : {"name", "alias", "previousName"}) {
    if (auto e = read(p, names)) return e;
  }
  for (const char* p : {"birthDate"}) {
    if (auto e = read(p, dates)) return e;
  }
  for (const char* p : {"nationality", "citizenship", "country", "jurisdiction", "flag"}) {
    if (auto e = read(p, countries)) return e;
  }
  for (const char* p : {"idNumber", "passportNumber", "registrationNumber", "taxNumber", "swiftBic",
                        "leiCode", "innCode", "ogrnCode"}) {
    if (auto e = read(p, ids)) return e;
  }
  if (auto e = read("imoNumber", imos)) return e;
  if (auto e = read("gender", genders)) return e;
  if (auto e = read("firstName", first)) return e;
  if (auto e = read("lastName", last)) return e;
  if (names.empty() && (!first.empty() || !last.empty())) {
    std::string synthesized = first.empty() ? "" : first.front();
    if (!last.empty()) synthesized += (synthesized.empty() ? "" : " ") + last.front();
    names.push_back(synthesized);
  }
  if (names.empty())
    return fmt::format("query '{}': no name (give properties.name, or firstName/lastName)", key);
  if (names.size() > limits.max_names_per_query) {
    return fmt::format("query '{}': {} names, at most {} allowed", key, names.size(),
                       limits.max_names_per_query);
  }
  for (const std::string& n : names) {
    if (n.size() > limits.max_name_length) {
      return fmt::format("query '{}': a name of {} bytes, at most {} allowed", key, n.size(),
                         limits.max_name_length);
    }
  }
  f.names = names;
  for (const std::string& d : dates) {
    if (PartialDate::Parse(d)) f.birth_dates.push_back(d);
  }
  for (const std::string& c : countries) {
    if (!NormalizeCountry(c).empty()) f.countries.push_back(c);
  }
  for (const std::string& g : genders) {
    if (ParseGender(g) != Gender::kUnknown) f.gender = g;
  }
  f.id_numbers = ids;
  f.imo_numbers = imos;
  auto query = MakeQuery(f);
  if (!query.ok()) return fmt::format("query '{}': {}", key, query.error().message);
  cleaned["name"] = f.names;
  if (!f.birth_dates.empty()) cleaned["birthDate"] = f.birth_dates;
  if (!query->countries.empty()) cleaned["country"] = query->countries;
  if (!ids.empty()) cleaned["idNumber"] = ids;
  if (!imos.empty()) cleaned["imoNumber"] = imos;
  if (query->gender != Gender::kUnknown)
    cleaned["gender"] = {std::string(GenderName(query->gender))};
  out.key = key;
  out.query = std::move(*query);
  out.cleaned = {
      {"id", key},
      {"schema", std::string(SchemaName(out.query.schema.value_or(Schema::kLegalEntity)))},
      {"properties", cleaned}};
  return std::nullopt;
}

// yente 5 "explanations": {feature: {detail, score, query, candidate}}.
nlohmann::json YenteExplanations(const Match& m) {
  nlohmann::json out = nlohmann::json::object();
  for (const FeatureContribution& f : m.explanation.features) {
    nlohmann::json item = {{"detail", f.detail}, {"score", RoundScore(f.value)}};
    if (f.feature == "name_match") {
      item["query"] = m.explanation.query_name;
      item["candidate"] = m.explanation.matched_name;
    }
    out[f.feature] = item;
  }
  return out;
}

}  // namespace

Response HandleMatch(const ServingSnapshot& snapshot, const std::string& dataset,
                     const Params& params, const std::string& body, const Limits& limits) {
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, dataset);
  if (scope.empty()) return ErrorResponse(404, fmt::format("Unknown dataset: {}", dataset));
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

  EntityFilter filter = ParseEntityFilter(params, scope);
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
  if (request.contains("config") && request["config"].is_object() && !request["config"].empty()) {
    return ErrorResponse(400,
                         fmt::format("Unknown config key: {}", request["config"].begin().key()));
  }
  const nlohmann::json& examples = request["queries"];
  if (examples.size() > limits.max_queries) {
    return ErrorResponse(400, fmt::format("Too many queries: {}, at most {} per request",
                                          examples.size(), limits.max_queries));
  }
  std::vector<ParsedQuery> queries(examples.size());
  size_t i = 0;
  for (auto it = examples.begin(); it != examples.end(); ++it, ++i) {
    if (auto error = ParseExample(it.key(), it.value(), limits, queries[i]))
      return ErrorResponse(400, *error);
  }

  ScreenOptions options{*threshold, std::min(*cutoff, *threshold), *limit, nullptr};
  options.filter = [&filter, &excluded_ids](const Entity& e) {
    return filter.Accepts(e) && excluded_ids.count(e.id) == 0;
  };
  std::vector<std::vector<Match>> results(queries.size());
  auto screen = [&](size_t q) {
    results[q] = snapshot.screener->Screen(queries[q].query, options);
  };
  ParallelFor(queries.size(), queries.size() >= kParallelQueries ? 0 : 1, screen);

  Response response;
  nlohmann::json responses = nlohmann::json::object();
  for (size_t q = 0; q < queries.size(); ++q) {
    nlohmann::json list = nlohmann::json::array();
    size_t matched = 0;
    for (const Match& m : results[q]) {
      nlohmann::json entity = EntityToFtm(*m.entity);
      entity["score"] = RoundScore(m.score);
      entity["match"] = m.match;
      entity["explanations"] = YenteExplanations(m);
      entity["explanation"] = ExplanationToJson(m.explanation);
      list.push_back(std::move(entity));
      matched += m.match ? 1 : 0;
    }
    response.alerts += matched;
    responses[queries[q].key] = {{"status", 200},
                                 {"results", list},
                                 {"total", {{"value", matched}, {"relation", "eq"}}},
                                 {"query", queries[q].cleaned}};
  }
  response.queries = queries.size();
  response.body = {{"responses", responses}, {"limit", *limit}};
  response.headers.emplace_back("x-batch-size", std::to_string(queries.size()));
  return response;
}

}  // namespace embargo::service
