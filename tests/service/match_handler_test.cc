// POST /match/{dataset} on the reference lists: yente's topics filter, and
// lenient reading of dirty fields with per-query warnings.
#include "service/match_handler.h"

#include <gtest/gtest.h>

#include <set>

#include "dirty_fields.h"
#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

// A BIS Denied Persons party (an export denial, not a sanction).
constexpr char kDahua[] = "us_bis_dpl-079983c1e9b054fc";
constexpr char kBody[] = R"({"queries": {"q": {"schema": "Company",
    "properties": {"name": ["Dahua Electronics Corporation"]}}}})";

// HandleMatch on the reference lists, its answer read back as a tree.
Response Match(const Params& params, const std::string& body) {
  Response r = HandleMatch(ReferenceSnapshot(), "default", params, body, Limits{});
  r.body = BodyJson(r);
  return r;
}

std::set<std::string> MatchIds(const Params& params) {
  Response r = Match(params, kBody);
  EXPECT_EQ(r.status, 200) << r.body.dump();
  std::set<std::string> ids;
  for (const auto& e : r.body["responses"]["q"]["results"]) {
    ids.insert(e["id"].get<std::string>());
    if (e["id"] == kDahua) {
      EXPECT_EQ(e["properties"]["topics"], nlohmann::json::array({"export.control"}));
    }
  }
  return ids;
}

TEST(MatchHandlerTest, TopicsKeepOnlyEntitiesListedForOneOfThem) {
  std::set<std::string> any = MatchIds({});
  ASSERT_TRUE(any.count(kDahua)) << "the denied party must match its own name";
  EXPECT_TRUE(MatchIds({{"topics", "export.control"}}).count(kDahua));
  EXPECT_FALSE(MatchIds({{"topics", "sanction"}}).count(kDahua));
  EXPECT_EQ(MatchIds({{"topics", "sanction"}, {"topics", "export.control"}}), any);
  EXPECT_TRUE(MatchIds({{"topics", "role.pep"}}).empty());
}

// A filter naming nothing known is refused, not read as one that passes
// nothing: topics=nonsense.topic answered 200 with no results.
TEST(MatchHandlerTest, AFilterNamingNothingKnownIsA400NamingIt) {
  struct Case {
    Params params;
    std::string detail;
  };
  const Case cases[] = {
      {{{"topics", "nonsense.topic"}},
       "topics: unknown topic 'nonsense.topic' (a FollowTheMoney topic such as sanction, "
       "sanction.linked, export.control, debarment, role.pep, crime.terror)"},
      {{{"changed_since", "garbage"}},
       "changed_since: 'garbage' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM[:SS])"},
  };
  for (const Case& c : cases) {
    Response r = Match(c.params, kBody);
    EXPECT_EQ(r.status, 400) << c.detail;
    EXPECT_EQ(r.body["detail"], c.detail);
  }
  EXPECT_TRUE(MatchIds({{"include_dataset", "us_bis_dpl"}}).count(kDahua));
  EXPECT_FALSE(MatchIds({{"exclude_dataset", "us_bis_dpl"}}).count(kDahua));
  // A dataset name nothing loaded has is taken, as yente takes it, and each
  // answer says so.
  Response r = Match({{"include_dataset", "nope"}}, kBody);
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.body["responses"]["q"]["results"].empty());
  EXPECT_EQ(r.body["responses"]["q"]["warnings"],
            nlohmann::json::array(
                {"include_dataset: no loaded dataset is named 'nope' (GET /catalog lists them)"}));
}

// changed_since keeps the entities whose record changed (or, on an official
// list, that were listed) on or after it; it was read and not applied.
TEST(MatchHandlerTest, ChangedSinceKeepsOnlyEntitiesChangedSinceThen) {
  EXPECT_TRUE(MatchIds({{"changed_since", "1900-01-01"}}).count(kDahua));
  EXPECT_TRUE(MatchIds({{"changed_since", "2999-01-01"}}).empty());
}

// The sanctions collection holds the entities listed for sanctions, not an
// export denial (BIS Denied Persons) that the default collection holds.
TEST(MatchHandlerTest, TheSanctionsCollectionLeavesOutExportDenials) {
  Response r = HandleMatch(ReferenceSnapshot(), "sanctions", {}, kBody, Limits{});
  r.body = BodyJson(r);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  for (const auto& e : r.body["responses"]["q"]["results"]) EXPECT_NE(e["id"], kDahua);
  EXPECT_TRUE(MatchIds({}).count(kDahua));
}

// NaN compares false with every score: threshold=nan answered 200 and
// turned alerting off.
TEST(MatchHandlerTest, NonFiniteThresholdAndCutoffAreA400) {
  for (const char* value : {"nan", "NaN", "-nan", "inf", "1e999", "1.5", "-0.1", "x"}) {
    Response r = Match({{"threshold", value}}, kBody);
    EXPECT_EQ(r.status, 400) << value;
    EXPECT_EQ(r.body["detail"], "threshold must be a number in [0, 1]") << value;
    r = Match({{"cutoff", value}}, kBody);
    EXPECT_EQ(r.status, 400) << value;
    EXPECT_EQ(r.body["detail"], "cutoff must be a number in [0, 1]") << value;
  }
}

TEST(MatchHandlerTest, BodyErrorsGiveTheirPosition) {
  Response r = Match(
      {}, R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["x"]}, "n": 1e999}}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["detail"], "request body:1:76: invalid JSON: number overflow parsing '1e999'");
}

// UN KPi.033: RI WON HO, born 1964-07-17, of the DPRK.
constexpr char kRiWonHo[] = "un_sc_sanctions-KPi.033";

nlohmann::json Example(const embargo::testing::DirtyField& d) {
  nlohmann::json example = {{"schema", "Person"}, {"properties", {{"name", {"RI WON HO"}}}}};
  if (d.field == "schema") {
    example["schema"] = d.value;
  } else {
    example["properties"][d.field == "birth_date" ? "birthDate" : "nationality"] = {d.value};
  }
  return example;
}

class MatchDirtyFieldTest : public ::testing::TestWithParam<embargo::testing::DirtyField> {};

TEST_P(MatchDirtyFieldTest, TheQueryIsScreenedWithTheFieldReadAndItsWarning) {
  const embargo::testing::DirtyField& d = GetParam();
  nlohmann::json body = {{"queries", {{"q", Example(d)}}}};
  Response r = Match({{"cutoff", "0.5"}}, body.dump());
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const nlohmann::json& entry = r.body["responses"]["q"];
  EXPECT_EQ(entry["status"], 200);
  nlohmann::json warnings = nlohmann::json::array();
  if (!d.warning.empty()) warnings.push_back(d.warning);
  EXPECT_EQ(entry["warnings"], warnings);
  const nlohmann::json& read = entry["query"];
  if (d.field == "schema") {
    EXPECT_EQ(read["schema"], d.reading);
  } else {
    std::string joined;
    for (const auto& v : read["properties"][d.field == "birth_date" ? "birthDate" : "nationality"])
      joined += (joined.empty() ? "" : ", ") + v.get<std::string>();
    EXPECT_EQ(joined, d.reading);
  }
  bool found = false;
  for (const auto& e : entry["results"]) found |= e["id"] == kRiWonHo;
  // A company is never compared with a listed person; everyone else finds him.
  EXPECT_EQ(found, d.reading != "Company") << entry.dump();
}

INSTANTIATE_TEST_SUITE_P(Issue12, MatchDirtyFieldTest,
                         ::testing::ValuesIn(embargo::testing::DirtyFields()),
                         embargo::testing::DirtyFieldName);

// Issue 13: a ship is screened by its IMO number alone; it is found on every
// list that gives that number (the UK's FCDO list and OFSI's older one
// name Petrel 8 IMO 9562233), whatever it is called now.
TEST(MatchHandlerTest, AVesselIsFoundByItsImoNumberAlone) {
  Response r = Match(
      {},
      R"({"queries": {"q": {"schema": "Vessel", "properties": {"imoNumber": ["IMO 9562233"]}}}})");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const nlohmann::json& q = r.body["responses"]["q"];
  EXPECT_EQ(q["status"], 200);
  EXPECT_EQ(q["query"]["schema"], "Vessel");
  std::set<std::string> ids;
  for (const auto& e : q["results"]) {
    ids.insert(e["id"].get<std::string>());
    EXPECT_EQ(e["score"], 0.95);
    EXPECT_EQ(e["match"], true);
    EXPECT_EQ(e["explanations"].contains("identifier"), true) << e["explanations"].dump();
  }
  EXPECT_EQ(ids, (std::set<std::string>{"gb_fcdo_sanctions-DPR0075", "gb_hmt_sanctions-13554"}));
}

// A renamed ship (SHONA, now ARTAVIL on the SDN list) by its MMSI alone.
TEST(MatchHandlerTest, AVesselIsFoundByItsMmsiAlone) {
  Response r =
      Match({}, R"({"queries": {"q": {"schema": "Vessel", "properties": {"mmsi": "572469210"}}}})");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const nlohmann::json& q = r.body["responses"]["q"];
  EXPECT_EQ(q["query"]["schema"], "Vessel");
  ASSERT_EQ(q["results"].size(), 1u) << q.dump();
  EXPECT_EQ(q["results"][0]["id"], "us_ofac_sdn-15036");
  EXPECT_EQ(q["results"][0]["caption"], "ARTAVIL");
  EXPECT_EQ(q["results"][0]["score"], 0.95);
}

// The tanker ARTAVIL (IMO 9187629, flag Iran, formerly Malta, Tuvalu and
// Tanzania) under a new name and a flag of convenience: found by its IMO
// number, and the explanation says what changed.
TEST(MatchHandlerTest, ARenamedAndReflaggedShipIsFoundByImoAndTheExplanationSaysSo) {
  Response r = Match({}, R"({"queries": {
      "new": {"schema": "Vessel", "properties": {"name": "SEA HORIZON",
              "imoNumber": "IMO 9187629", "flag": "Panama"}},
      "old": {"schema": "Vessel", "properties": {"name": "ARTAVIL", "imoNumber": "9187629",
              "flag": "Malta"}}}})");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  auto vessel_feature = [&](const char* query) {
    const nlohmann::json& results = r.body["responses"][query]["results"];
    EXPECT_FALSE(results.empty()) << query;
    if (results.empty()) return std::string();
    EXPECT_EQ(results[0]["id"], "us_ofac_sdn-15036") << query;
    for (const nlohmann::json& f : results[0]["explanation"]["features"])
      if (f["feature"] == "vessel") return f["detail"].get<std::string>();
    return std::string("no vessel feature");
  };
  const std::string listed = "listed as ARTAVIL; flag ir, formerly mt, tv, tz";
  EXPECT_EQ(vessel_feature("new"),
            listed +
                "; the query's name 'SEA HORIZON' is none of its listed names: renamed since "
                "it was listed?; flag pa is not a flag the list gives: reflagged since it "
                "was listed?");
  EXPECT_EQ(vessel_feature("old"), listed + "; flag mt is a former flag: reflagged since");
  // The result carries the vessel as FollowTheMoney writes one.
  const nlohmann::json& props = r.body["responses"]["new"]["results"][0]["properties"];
  EXPECT_EQ(props["type"], nlohmann::json::array({"Crude/Oil Products Tanker"}));
  EXPECT_EQ(props["tonnage"], nlohmann::json::array({"99,144"}));
  EXPECT_EQ(props["grossRegisteredTonnage"], nlohmann::json::array({"56,068"}));
  EXPECT_EQ(props["callSign"], nlohmann::json::array({"T2EU4"}));
  EXPECT_EQ(props["mmsi"], nlohmann::json::array({"572469210"}));
  EXPECT_EQ(props["pastFlags"], nlohmann::json::array({"mt", "tv", "tz"}));
}

TEST(MatchHandlerTest, AQueryWithoutAUsableNameIsRefusedAloneAndTheOthersAreScreened) {
  constexpr char kTwo[] = R"({"queries": {
      "empty": {"schema": "Person", "properties": {"birthDate": ["1964-07-17"]}},
      "symbols": {"schema": "Person", "properties": {"name": ["***"]}},
      "ri": {"schema": "개인", "properties": {"name": ["리원호"], "birthDate": "1964-7-17",
             "nationality": "DPRK"}}}})";
  Response r = Match({}, kTwo);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const nlohmann::json& responses = r.body["responses"];
  EXPECT_EQ(responses["empty"]["status"], 400);
  EXPECT_EQ(responses["empty"]["detail"],
            "query 'empty': no name (give properties.name, or firstName/lastName) and no "
            "identifier (imoNumber, idNumber, ...)");
  EXPECT_EQ(responses["symbols"]["status"], 400);
  EXPECT_EQ(responses["symbols"]["detail"], "query 'symbols': name '***' has no letter or digit");
  EXPECT_TRUE(responses["symbols"]["results"].empty());
  EXPECT_EQ(responses["ri"]["status"], 200);
  // RI WON HO is also on the UK and Australian lists: the UN entry ranks
  // first or level with the first.
  const nlohmann::json& results = responses["ri"]["results"];
  ASSERT_FALSE(results.empty());
  bool found = false;
  for (const auto& e : results) {
    if (e["id"] != kRiWonHo) continue;
    found = true;
    EXPECT_EQ(e["match"], true);
    EXPECT_EQ(e["score"], results[0]["score"]);
  }
  EXPECT_TRUE(found) << results.dump();
}

TEST(MatchHandlerTest, TheDateOrderParameterResolvesAmbiguousDates) {
  constexpr char kBodyDate[] =
      R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["RI WON HO"], "birthDate": ["07/06/1964"]}}}})";
  Response both = Match({}, kBodyDate);
  EXPECT_EQ(both.body["responses"]["q"]["query"]["properties"]["birthDate"],
            nlohmann::json::array({"1964-06-07", "1964-07-06"}));
  Response mdy = Match({{"date_order", "mdy"}}, kBodyDate);
  EXPECT_EQ(mdy.body["responses"]["q"]["query"]["properties"]["birthDate"],
            nlohmann::json::array({"1964-07-06"}));
  EXPECT_EQ(mdy.body["responses"]["q"]["warnings"], nlohmann::json::array());
  Response bad = Match({{"date_order", "dym"}}, kBodyDate);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["detail"], "date_order must be dmy, mdy or ymd");
}

// A new user's trial: a property embargo does not screen was dropped with
// "warnings": [], while the batch CLI and Python name ignored columns.
TEST(MatchHandlerTest, APropertyThatIsNotScreenedIsNamedInTheWarnings) {
  constexpr char kBodyExtra[] =
      R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["RI WON HO"],
          "shoeSize": ["44"], "idNumbers": ["PS 381420089"]}}}})";
  Response r = Match({}, kBodyExtra);
  ASSERT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["responses"]["q"]["warnings"],
            nlohmann::json::array({"property 'idNumbers' is not screened: ignored",
                                   "property 'shoeSize' is not screened: ignored"}));
  EXPECT_FALSE(r.body["responses"]["q"]["results"].empty());
}

}  // namespace
}  // namespace embargo::service
