// The OpenRefine reconciliation service on the reference lists: the
// manifest, queries read from a form, a GET parameter or a JSON body and
// scored with their properties, the three suggest services, data extension,
// the preview card, and the exact 4xx details.
#include "service/reconcile_handler.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "service/background_server.h"
#include "service/reconcile_schema.h"
#include "service/reference_snapshot.h"
#include "test_paths.h"

namespace embargo::service {
namespace {

using nlohmann::json;
using testing::ReferenceSnapshot;

constexpr char kBase[] = "http://localhost:8000";
constexpr char kForm[] = "application/x-www-form-urlencoded";
constexpr char kHanJangSu[] = "un_sc_sanctions-KPi.055";

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

struct Call {
  std::string dataset = "default";
  Params params;
  std::string body;
  std::string content_type = kForm;
  std::string query_string;  // as sent, without '?'
  Limits limits;
};

Response Reconcile(const Call& c) {
  std::string target = "/reconcile/" + c.dataset;
  if (!c.query_string.empty()) target += "?" + c.query_string;
  ReconcileRequest request{c.params, target, c.body, c.content_type, kBase};
  Response r = HandleReconcile(ReferenceSnapshot(), c.dataset, request, c.limits);
  r.body = BodyJson(r);
  return r;
}

// POSTs `queries` as OpenRefine does: one form field holding JSON.
Response PostQueries(const json& queries, const std::string& dataset = "default") {
  Call c;
  c.dataset = dataset;
  c.body = "queries=" + UrlEncode(queries.dump());
  return Reconcile(c);
}

Response Suggest(ReconcileSuggest kind, const Params& params,
                 const std::string& dataset = "default") {
  Response r = HandleReconcileSuggest(ReferenceSnapshot(), dataset, kind, params);
  r.body = BodyJson(r);
  return r;
}

std::vector<std::string> Ids(const json& results) {
  std::vector<std::string> ids;
  for (const json& r : results) ids.push_back(r["id"].get<std::string>());
  return ids;
}

// The candidate `id` among `results`, or null.
json Candidate(const json& results, const std::string& id) {
  for (const json& r : results) {
    if (r["id"] == id) return r;
  }
  return json();
}

double Feature(const json& candidate, const std::string& id) {
  for (const json& f : candidate["features"]) {
    if (f["id"] == id) return f["value"];
  }
  return 0;
}

TEST(ReconcileHandlerTest, ManifestDescribesTheServiceForOpenRefine) {
  Response r = Reconcile({.dataset = "un_sc_sanctions"});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const json& m = r.body;
  EXPECT_EQ(m["versions"], json({"0.2"}));
  EXPECT_EQ(m["name"], "UN Security Council Consolidated Sanctions List (embargo)");
  EXPECT_EQ(m["identifierSpace"], "https://www.opensanctions.org/reference/#schema");
  EXPECT_EQ(m["schemaSpace"], "https://www.opensanctions.org/reference/#schema");
  EXPECT_EQ(m["view"]["url"], "http://localhost:8000/entities/{{id}}");
  EXPECT_EQ(m["preview"]["url"],
            "http://localhost:8000/reconcile/un_sc_sanctions/preview?id={{id}}");
  EXPECT_EQ(m["batchSize"], kReconcileBatchSize);
  for (const char* kind : {"entity", "type", "property"}) {
    EXPECT_EQ(m["suggest"][kind]["service_url"], "http://localhost:8000/reconcile/un_sc_sanctions");
    EXPECT_EQ(m["suggest"][kind]["service_path"], std::string("/suggest/") + kind);
  }
  EXPECT_EQ(m["extend"]["propose_properties"]["service_path"], "/extend/property");
  EXPECT_EQ(m["extend"]["property_settings"][0]["name"], "limit");
  EXPECT_EQ(m["extend"]["property_settings"][1]["name"], "render");
  // Every screenable type, whatever the dataset holds (as yente offers
  // every matchable schema).
  EXPECT_EQ(Ids(m["defaultTypes"]),
            (std::vector<std::string>{"LegalEntity", "Person", "Organization", "Company", "Vessel",
                                      "Airplane"}));
  EXPECT_EQ(m["defaultTypes"][1]["name"], "People");
}

TEST(ReconcileHandlerTest, ManifestOfEveryListOffersVesselsToo) {
  Response r = Reconcile({});
  ASSERT_EQ(r.status, 200);
  std::vector<std::string> types = Ids(r.body["defaultTypes"]);
  EXPECT_GT(types.size(), 3u);
  for (const char* t : {"LegalEntity", "Person", "Organization", "Vessel"})
    EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;
  EXPECT_EQ(r.body["name"], "Default collection (all loaded lists) (embargo)");
}

TEST(ReconcileHandlerTest, ManifestPassesTheQueryStringOnToItsServices) {
  Response r = Reconcile({.query_string = "api_key=abc"});
  EXPECT_EQ(r.body["suggest"]["entity"]["service_path"], "/suggest/entity?api_key=abc");
  EXPECT_EQ(r.body["extend"]["propose_properties"]["service_path"], "/extend/property?api_key=abc");
  EXPECT_EQ(r.body["preview"]["url"],
            "http://localhost:8000/reconcile/default/preview?id={{id}}&api_key=abc");
}

TEST(ReconcileHandlerTest, ListedNameComesFirstAsAMatch) {
  Response r = PostQueries({{"q0", {{"query", "HAN JANG SU"}}}}, "un_sc_sanctions");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const json& results = r.body["q0"]["result"];
  ASSERT_FALSE(results.empty());
  const json& first = results[0];
  EXPECT_EQ(first["id"], kHanJangSu);
  EXPECT_EQ(first["name"], "HAN JANG SU");
  EXPECT_EQ(first["score"], 1.0);
  EXPECT_EQ(first["match"], true);
  EXPECT_EQ(first["type"][0]["id"], "Person");
  EXPECT_EQ(first["description"], "Person · UN Security Council Consolidated Sanctions List");
  EXPECT_EQ(Feature(first, "name_match"), 1.0);
  EXPECT_EQ(r.headers, (decltype(r.headers){{"x-batch-size", "1"}}));
  EXPECT_EQ(r.queries, 1u);
}

TEST(ReconcileHandlerTest, CandidatesAreBestFirstAboveTheCutoff) {
  Response r = PostQueries({{"q", {{"query", "Han Jang Su"}, {"limit", 10}}}});
  const json& results = r.body["q"]["result"];
  ASSERT_GE(results.size(), 4u);  // the UN, UK, Australian and OFAC records
  EXPECT_LE(results.size(), 10u);
  double previous = 1.0;
  for (const json& c : results) {
    double score = c["score"];
    EXPECT_LE(score, previous);
    EXPECT_GE(score, kReconcileCutoff);
    EXPECT_EQ(c["match"], score >= kDefaultThreshold) << c.dump();
    previous = score;
  }
  EXPECT_FALSE(Candidate(results, "us_ofac_sdn-21749").is_null());
}

TEST(ReconcileHandlerTest, LimitBoundsEachQuery) {
  Response r = PostQueries({{"q", {{"query", "Han Jang Su"}, {"limit", 2}}}});
  EXPECT_EQ(r.body["q"]["result"].size(), 2u);
}

TEST(ReconcileHandlerTest, MatchingBirthDateAndNationalityAreScored) {
  json properties = {{{"pid", "Person:birthDate"}, {"v", "1969-11-07"}},
                     {{"pid", "nationality"}, {"v", "North Korea"}}};
  Response r = PostQueries(
      {{"q", {{"query", "Han Jang Su"}, {"type", "Person"}, {"properties", properties}}}},
      "un_sc_sanctions");
  json han = Candidate(r.body["q"]["result"], kHanJangSu);
  ASSERT_FALSE(han.is_null()) << r.body.dump();
  EXPECT_EQ(han["match"], true);
  EXPECT_GT(Feature(han, "birth_date"), 0);
  EXPECT_GT(Feature(han, "country"), 0);
}

TEST(ReconcileHandlerTest, DifferentBirthDateAndNationalityLowerTheScore) {
  json properties = {{{"pid", "Person:birthDate"}, {"v", "1980-01-01"}},
                     {{"pid", "Person:nationality"}, {"v", json::array({"de"})}}};
  Response r = PostQueries({{"q", {{"query", "Han Jang Su"}, {"properties", properties}}}},
                           "un_sc_sanctions");
  json han = Candidate(r.body["q"]["result"], kHanJangSu);
  ASSERT_FALSE(han.is_null()) << r.body.dump();
  EXPECT_LT(han["score"].get<double>(), kDefaultThreshold);
  EXPECT_EQ(han["match"], false);
  EXPECT_LT(Feature(han, "birth_date"), 0);
  EXPECT_LT(Feature(han, "country"), 0);
}

TEST(ReconcileHandlerTest, FirstAndLastNameMakeTheNameWhenNoneIsGiven) {
  json properties = {{{"pid", "Person:firstName"}, {"v", "Jang Su"}},
                     {{"pid", "Person:lastName"}, {"v", "Han"}}};
  Response r = PostQueries({{"q", {{"properties", properties}}}}, "un_sc_sanctions");
  ASSERT_FALSE(r.body["q"]["result"].empty()) << r.body.dump();
  EXPECT_EQ(r.body["q"]["result"][0]["id"], kHanJangSu);
}

TEST(ReconcileHandlerTest, TypeRestrictsTheCandidates) {
  Response r = PostQueries({{"q", {{"query", "HAN JANG SU"}, {"type", "Vessel"}}}});
  ASSERT_EQ(r.status, 200);
  for (const json& c : r.body["q"]["result"]) EXPECT_EQ(c["type"][0]["id"], "Vessel");
  // A list of types is read by its first; "Thing" is any party.
  r = PostQueries({{"q", {{"query", "HAN JANG SU"}, {"type", {"Thing", "Vessel"}}}}},
                  "un_sc_sanctions");
  EXPECT_EQ(r.body["q"]["result"][0]["id"], kHanJangSu);
}

TEST(ReconcileHandlerTest, AQueryWithoutNameOrIdentifierGetsNoCandidates) {
  Response r = PostQueries({{"blank", {{"query", "  "}}}, {"named", {{"query", "HAN JANG SU"}}}},
                           "un_sc_sanctions");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["blank"]["result"], json::array());
  EXPECT_EQ(r.body["named"]["result"][0]["id"], kHanJangSu);
}

TEST(ReconcileHandlerTest, EveryQueryOfABatchIsAnsweredUnderItsKey) {
  json batch = json::object();
  for (int i = 0; i < 8; ++i) batch[fmt::format("q{}", i)] = {{"query", "HAN JANG SU"}};
  Response r = PostQueries(batch, "un_sc_sanctions");
  ASSERT_EQ(r.body.size(), 8u);
  for (const auto& [key, answer] : r.body.items())
    EXPECT_EQ(answer["result"][0]["id"], kHanJangSu) << key;
  EXPECT_EQ(r.headers, (decltype(r.headers){{"x-batch-size", "8"}}));
}

TEST(ReconcileHandlerTest, QueriesAsAGetParameterOrAJsonBodyAreAnsweredAlike) {
  json queries = {{"q", {{"query", "HAN JANG SU"}}}};
  Response get = Reconcile({.dataset = "un_sc_sanctions", .params = {{"queries", queries.dump()}}});
  Response object = Reconcile({.dataset = "un_sc_sanctions",
                               .body = json({{"queries", queries}}).dump(),
                               .content_type = "application/json"});
  Response text = Reconcile({.dataset = "un_sc_sanctions",
                             .body = json({{"queries", queries.dump()}}).dump(),
                             .content_type = "application/json"});
  Response form = PostQueries(queries, "un_sc_sanctions");
  ASSERT_EQ(get.status, 200) << get.body.dump();
  EXPECT_EQ(get.body["q"]["result"][0]["id"], kHanJangSu);
  EXPECT_EQ(object.body, get.body);
  EXPECT_EQ(text.body, get.body);
  EXPECT_EQ(form.body, get.body);
}

TEST(ReconcileHandlerTest, ChangedSinceKeepsEntitiesChangedFromThatDate) {
  json queries = {{"q", {{"query", "HAN JANG SU"}}}};
  // KPi.055 was listed on 2017-08-05.
  Response before =
      Reconcile({.dataset = "un_sc_sanctions",
                 .params = {{"queries", queries.dump()}, {"changed_since", "2017-08-01"}}});
  Response after = Reconcile(
      {.dataset = "un_sc_sanctions",
       .params = {{"queries", queries.dump()}, {"changed_since", "2030-01-01T00:00:00"}}});
  EXPECT_EQ(before.body["q"]["result"][0]["id"], kHanJangSu);
  EXPECT_EQ(after.body["q"]["result"], json::array());
}

TEST(ReconcileHandlerTest, BadInputGetsAClear4xx) {
  struct Case {
    Call call;
    int status;
    std::string detail;
  };
  auto form = [](const std::string& queries) {
    return Call{.body = "queries=" + UrlEncode(queries)};
  };
  json too_many = json::object();
  for (int i = 0; i < 101; ++i) too_many[fmt::format("q{}", i)] = {{"query", "x"}};
  const Case cases[] = {
      {{.dataset = "nope"}, 404, "Unknown dataset: nope"},
      {form(R"({"mutti": {"query": 37473874}})"), 400, "query 'mutti': 'query' must be a string"},
      {form("{not json"), 400,
       "queries:1:3: invalid JSON: syntax error while parsing object key - invalid literal; last "
       "read: '{no'; expected string literal"},
      {form(R"(["a"])"), 400, "queries must be an object of query keys to queries"},
      {form(R"({"q": "HAN"})"), 400, "query 'q': expected an object"},
      {form(R"({"q": {"query": "x", "type": "Banana"}})"), 400,
       "query 'q': unknown type 'Banana' (known: LegalEntity, Person, Organization, Company, "
       "Vessel, Airplane, Thing)"},
      {form(R"({"q": {"query": "x", "type": "Vehicle"}})"), 400,
       "query 'q': unknown type 'Vehicle' (known: LegalEntity, Person, Organization, Company, "
       "Vessel, Airplane, Thing)"},
      {form(R"({"q": {"query": "x", "limit": 0}})"), 400,
       "query 'q': 'limit' must be an integer in [1, 500]"},
      {form(R"({"q": {"query": "x", "properties": {"pid": "country"}}})"), 400,
       "query 'q': 'properties' must be a list"},
      {form(R"({"q": {"query": "x", "properties": [{"v": "ru"}]}})"), 400,
       "query 'q': properties[0] must be an object with a 'pid'"},
      {form(R"({"q": {"query": "x", "properties": [{"pid": "country", "v": {"a": 1}}]}})"), 400,
       "query 'q': property 'country': 'v' must be a string, a number or a list of them"},
      {form(too_many.dump()), 400, "Too many queries in one batch: 101, at most 100"},
      {{.body = "queries=%7B%22q%22%3A%7B%22query%22%3A%22%FF%22%7D%7D"},
       400,
       "request body: query parameter 'queries' is not valid UTF-8"},
      {{.body = "--x\r\n", .content_type = "multipart/form-data; boundary=x"},
       415,
       "send the form as application/x-www-form-urlencoded, or the batch as JSON: {\"queries\": "
       "{...}}"},
      {{.body = R"({"other": 1})", .content_type = "application/json"},
       400,
       "request body must be an object with 'queries' or 'extend'"},
      {{.body = "query=x"}, 400, "request body must give the form field 'queries' or 'extend'"},
      {{.params = {{"queries", "{}"}, {"algorithm", "magic"}}}, 400, "Unknown algorithm: magic"},
      {{.params = {{"queries", "{}"}, {"changed_since", "yesterday"}}},
       422,
       "changed_since: 'yesterday' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM[:SS])"},
  };
  for (const Case& c : cases) {
    Response r = Reconcile(c.call);
    EXPECT_EQ(r.status, c.status) << c.call.body << " " << r.body.dump();
    EXPECT_EQ(r.body["detail"], c.detail) << c.call.body;
  }
}

TEST(ReconcileHandlerTest, AJsonBodyOverTheShapeLimitsIsRefused) {
  Call c{.body = R"({"queries": {"q": {"query": "x"}}})", .content_type = "application/json"};
  c.limits.max_json_depth = 2;
  Response r = Reconcile(c);
  EXPECT_EQ(r.status, 400) << r.body.dump();
}

TEST(ReconcileHandlerTest, SuggestEntityFindsNamesByTheirBeginning) {
  Response r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "han jang"}}, "un_sc_sanctions");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["code"], "/api/status/ok");
  EXPECT_EQ(r.body["status"], "200 OK");
  EXPECT_EQ(r.body["prefix"], "han jang");
  const json& result = r.body["result"];
  ASSERT_FALSE(result.empty());
  EXPECT_EQ(result[0]["id"], kHanJangSu);
  EXPECT_EQ(result[0]["name"], "HAN JANG SU");
  EXPECT_EQ(result[0]["type"][0]["id"], "Person");
  // Words in another order, the last one begun: the alias "Chang-Su Han".
  r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "Han Chang-S"}}, "un_sc_sanctions");
  EXPECT_EQ(Ids(r.body["result"]), std::vector<std::string>{kHanJangSu});
}

TEST(ReconcileHandlerTest, SuggestEntityReadsNamesInAnyScript) {
  // An OpenSanctions record named in Cyrillic only: "КОНСТАНТИН ИГОРЕВИЧ АБАШКИН".
  for (const char* prefix : {"abashkin konst", "Абашкин Конст", "KONSTANTIN IGOREVICH A"}) {
    Response r = Suggest(ReconcileSuggest::kEntity, {{"prefix", prefix}});
    ASSERT_FALSE(r.body["result"].empty()) << prefix;
    EXPECT_EQ(r.body["result"][0]["id"], "NK-mCEmxFfuhfdjpC8gsxH74o") << prefix;
  }
}

TEST(ReconcileHandlerTest, SuggestEntityHonoursLimitAndScope) {
  Response r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "han"}, {"limit", "3"}});
  EXPECT_EQ(r.body["result"].size(), 3u);
  r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "han"}, {"limit", "50"}}, "un_sc_sanctions");
  for (const json& e : r.body["result"])
    EXPECT_EQ(e["id"].get<std::string>().rfind("un_sc_sanctions-", 0), 0u) << e.dump();
}

TEST(ReconcileHandlerTest, SuggestEntityWithoutAMatchingPrefixIsEmpty) {
  for (const char* prefix : {"", "  ", "banana man", "-"}) {
    Response r = Suggest(ReconcileSuggest::kEntity, {{"prefix", prefix}});
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body["result"], json::array()) << prefix;
  }
  EXPECT_EQ(Suggest(ReconcileSuggest::kEntity, {}).body["result"], json::array());
}

TEST(ReconcileHandlerTest, SuggestEntityRefusesALimitOutOfRange) {
  Response r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "han"}, {"limit", "501"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["detail"], "limit must be an integer in [0, 500]");
  r = Suggest(ReconcileSuggest::kEntity, {{"prefix", "han"}}, "nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["detail"], "Unknown dataset: nope");
}

TEST(ReconcileHandlerTest, SuggestTypeMatchesIdsAndLabels) {
  Response r = Suggest(ReconcileSuggest::kType, {{"prefix", "organ"}});
  EXPECT_EQ(Ids(r.body["result"]), std::vector<std::string>{"Organization"});
  EXPECT_EQ(r.body["result"][0]["name"], "Organizations");
  r = Suggest(ReconcileSuggest::kType, {{"prefix", "legal"}});
  EXPECT_EQ(Ids(r.body["result"]), std::vector<std::string>{"LegalEntity"});
  for (const char* prefix : {"", "banana"}) {
    EXPECT_EQ(Suggest(ReconcileSuggest::kType, {{"prefix", prefix}}).body["result"], json::array());
  }
}

TEST(ReconcileHandlerTest, SuggestPropertyOffersTheScoredProperties) {
  Response r = Suggest(ReconcileSuggest::kProperty, {{"prefix", "country"}});
  std::vector<std::string> ids = Ids(r.body["result"]);
  EXPECT_GT(ids.size(), 1u);
  for (const char* id : {"Thing:country", "LegalEntity:mainCountry"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  // birthPlace is not scored: only birthDate is offered.
  r = Suggest(ReconcileSuggest::kProperty, {{"prefix", "Birth"}});
  EXPECT_EQ(Ids(r.body["result"]), std::vector<std::string>{"Person:birthDate"});
  EXPECT_EQ(r.body["result"][0]["name"], "Birth date");
  // Offered whatever the dataset holds: a vessel's IMO number on the UN list too.
  EXPECT_EQ(Ids(Suggest(ReconcileSuggest::kProperty, {{"prefix", "imo"}}, "un_sc_sanctions")
                    .body["result"]),
            std::vector<std::string>{"Vessel:imoNumber"});
  EXPECT_EQ(Ids(Suggest(ReconcileSuggest::kProperty, {{"prefix", "imo"}}).body["result"]),
            std::vector<std::string>{"Vessel:imoNumber"});
  for (const char* prefix : {"", "banana"}) {
    EXPECT_EQ(Suggest(ReconcileSuggest::kProperty, {{"prefix", prefix}}).body["result"],
              json::array());
  }
}

TEST(ReconcileHandlerTest, ExtendAddsPropertyValuesToReconciledEntities) {
  json extend = {{"ids", {kHanJangSu, "no-such-entity"}},
                 {"properties",
                  {{{"id", "nationality"}},
                   {{"id", "Person:nationality"}, {"settings", {{"render", "raw"}}}},
                   {{"id", "birthDate"}},
                   {{"id", "alias"}, {"settings", {{"limit", 1}}}}}}};
  Response r = Reconcile({.body = "extend=" + UrlEncode(extend.dump())});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["meta"], json({{{"id", "nationality"}, {"name", "Nationality"}},
                                  {{"id", "Person:nationality"}, {"name", "Nationality"}},
                                  {{"id", "birthDate"}, {"name", "Birth date"}},
                                  {{"id", "alias"}, {"name", "Other name"}}}));
  const json& row = r.body["rows"][kHanJangSu];
  EXPECT_EQ(row["nationality"], json({{{"str", "North Korea"}}}));
  EXPECT_EQ(row["Person:nationality"], json({{{"str", "kp"}}}));
  EXPECT_EQ(row["birthDate"], json({{{"str", "1969-11-07"}}}));
  EXPECT_EQ(row["alias"], json({{{"str", "Chang-Su Han"}}}));
  EXPECT_EQ(r.body["rows"]["no-such-entity"], json::object());
}

TEST(ReconcileHandlerTest, ExtendRefusesARequestItCannotRead) {
  struct Case {
    json extend;
    std::string detail;
  };
  const Case cases[] = {
      {json::array(), "extend must be an object with 'ids' and 'properties'"},
      {{{"ids", "x"}, {"properties", json::array()}}, "extend: 'ids' must be a list of entity ids"},
      {{{"ids", {"x"}}, {"properties", {{{"name", "x"}}}}},
       "extend: properties[0] must be an object with an 'id'"},
      {{{"ids", {"x"}}, {"properties", {{{"id", "x"}, {"settings", {{"limit", -1}}}}}}},
       "extend: property 'x': 'limit' must be an integer of 0 or more"},
      {{{"ids", {"x"}}, {"properties", {{{"id", "x"}, {"settings", {{"render", "fancy"}}}}}}},
       "extend: property 'x': 'render' must be \"caption\" or \"raw\""},
  };
  for (const Case& c : cases) {
    Response r = Reconcile({.params = {{"extend", c.extend.dump()}}});
    EXPECT_EQ(r.status, 400) << c.extend.dump();
    EXPECT_EQ(r.body["detail"], c.detail);
  }
}

TEST(ReconcileHandlerTest, ExtendPropertiesProposesWhatATypeHas) {
  Response r =
      HandleReconcileExtendProperties(ReferenceSnapshot(), "default", {{"type", "Person"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["type"], "Person");
  EXPECT_EQ(r.body["limit"], 0);
  std::set<std::string> ids;
  std::string previous;
  // The name, then the properties screening reads, then the others; each
  // group by label.
  ASSERT_FALSE(r.body["properties"].empty());
  EXPECT_EQ(r.body["properties"][0]["id"], "name");
  bool scored = true;
  for (const json& p : r.body["properties"]) {
    ids.insert(p["id"].get<std::string>());
    if (p["id"] == "name") continue;
    bool now_scored =
        FindReconProperty("Person", p["id"].get<std::string>())->field != QueryField::kNone;
    if (scored && !now_scored) previous.clear();
    EXPECT_FALSE(!scored && now_scored) << p;
    scored = now_scored;
    EXPECT_LE(previous, p["name"].get<std::string>());
    previous = p["name"];
  }
  for (const char* id : {"name", "birthDate", "nationality", "passportNumber", "country"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_FALSE(ids.count("imoNumber"));
  r = HandleReconcileExtendProperties(ReferenceSnapshot(), "default",
                                      {{"type", "Vessel"}, {"limit", "3"}});
  EXPECT_EQ(r.body["properties"].size(), 3u);
  r = HandleReconcileExtendProperties(ReferenceSnapshot(), "default", {{"type", "Banana"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["detail"], "Invalid type: Banana");
}

TEST(ReconcileHandlerTest, PreviewShowsTheEntityAsEscapedHtml) {
  Response r = HandleReconcilePreview(ReferenceSnapshot(), "default", {{"id", kHanJangSu}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.text.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* part : {"<h3>HAN JANG SU</h3>", "Chang-Su Han", "1969-11-07", "North Korea",
                           "UN Security Council Consolidated Sanctions List"}) {
    EXPECT_NE(r.text.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(r.headers[0].first, "Content-Security-Policy");
  // Names are escaped: H & H METALFORM GMBH.
  const Entity* firm = nullptr;
  for (const Entity& e : ReferenceSnapshot().screener->lists().entities) {
    if (e.caption() == "H & H METALFORM GMBH") firm = &e;
  }
  ASSERT_NE(firm, nullptr);
  r = HandleReconcilePreview(ReferenceSnapshot(), "default", {{"id", firm->id}});
  EXPECT_NE(r.text.find("<h3>H &amp; H METALFORM GMBH</h3>"), std::string::npos) << r.text;
}

TEST(ReconcileHandlerTest, PreviewOfAnUnknownEntityIsNotFound) {
  Response r = HandleReconcilePreview(ReferenceSnapshot(), "default", {{"id", "nope"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["detail"], "No such entity: nope");
  r = HandleReconcilePreview(ReferenceSnapshot(), "default", {});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["detail"], "id: an entity id is required");
}

TEST(ReconcileHandlerTest, BaseUrlComesFromTheHostHeader) {
  EXPECT_EQ(ServiceBaseUrl("screen.example.com:8443", "", true), "https://screen.example.com:8443");
  EXPECT_EQ(ServiceBaseUrl("127.0.0.1:8000", "", false), "http://127.0.0.1:8000");
  EXPECT_EQ(ServiceBaseUrl("screen.example.com", "https", false), "https://screen.example.com");
  EXPECT_EQ(ServiceBaseUrl("", "", false), "http://localhost");
  EXPECT_EQ(ServiceBaseUrl("evil\"/><script>", "", false), "http://localhost");
}

// Through a real server: the routes, the form a client posts, the Host the
// manifest's URLs are made from, and the preview served as HTML.
TEST(ReconcileHandlerTest, ServerAnswersOpenRefineOverHttp) {
  ServerOptions options;
  options.lists = {embargo::testing::SharedData("un/consolidated-2026-02-27.xml")};
  options.port = 0;
  options.threads = 2;
  testing::BackgroundServer server(options);
  ASSERT_TRUE(server.ok());
  httplib::Client c = server.Client();

  auto manifest = c.Get("/reconcile/un_sc_sanctions");
  ASSERT_TRUE(manifest);
  ASSERT_EQ(manifest->status, 200) << manifest->body;
  EXPECT_EQ(json::parse(manifest->body)["suggest"]["entity"]["service_url"],
            fmt::format("http://127.0.0.1:{}/reconcile/un_sc_sanctions", server.port()));

  json queries = {{"q0", {{"query", "HAN JANG SU"}}}};
  auto answer = c.Post("/reconcile/un_sc_sanctions", "queries=" + UrlEncode(queries.dump()), kForm);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("x-batch-size"), "1");
  EXPECT_EQ(json::parse(answer->body)["q0"]["result"][0]["id"], kHanJangSu);

  auto suggest = c.Get("/reconcile/un_sc_sanctions/suggest/entity?prefix=han%20jang");
  ASSERT_TRUE(suggest);
  EXPECT_EQ(json::parse(suggest->body)["result"][0]["id"], kHanJangSu);
  for (const char* path : {"/reconcile/un_sc_sanctions/suggest/type?prefix=pers",
                           "/reconcile/un_sc_sanctions/suggest/property?prefix=birth",
                           "/reconcile/un_sc_sanctions/extend/property?type=Person"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << path << " " << r->body;
  }

  auto preview = c.Get(fmt::format("/reconcile/un_sc_sanctions/preview?id={}", kHanJangSu));
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->status, 200);
  EXPECT_EQ(preview->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(preview->get_header_value("Content-Security-Policy"),
            "default-src 'none'; style-src 'unsafe-inline'");
  EXPECT_NE(preview->body.find("<h3>HAN JANG SU</h3>"), std::string::npos);

  auto missing = c.Get("/reconcile/nope/preview?id=x");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Content-Type"), "application/json");
}

}  // namespace
}  // namespace embargo::service
