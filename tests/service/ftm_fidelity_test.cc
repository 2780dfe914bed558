// FtM data through the service: an OpenSanctions record comes back whole
// from /match and /entities (issue 15: Zakharov, the zala fixture), an
// entity is a member of every dataset its record lists, and entities parsed
// from the official lists are written with FtM's own property names.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "model/ftm_schema.h"
#include "service/entity_handler.h"
#include "service/ftm_output.h"
#include "service/match_handler.h"
#include "service/reference_snapshot.h"
#include "test_paths.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

constexpr char kZakharov[] = "NK-aU5ybkbRFJucf8YMwsJvDw";

// Zakharov's line of the zala fixture, as published.
nlohmann::json SourceRecord() {
  std::ifstream in(embargo::testing::SharedData("opensanctions/zala.ftm.json"));
  for (std::string line; std::getline(in, line);) {
    nlohmann::json record = nlohmann::json::parse(line);
    if (record["id"] == kZakharov) return record;
  }
  ADD_FAILURE() << "Zakharov is not in zala.ftm.json";
  return {};
}

// Every property and value of the source record is in `written`, and its
// metadata is the record's.
void ExpectWhole(const nlohmann::json& source, const nlohmann::json& written) {
  for (const auto& [property, values] : source["properties"].items()) {
    ASSERT_TRUE(written["properties"].contains(property)) << property;
    EXPECT_EQ(written["properties"][property], values) << property;
  }
  for (const char* key : {"id", "caption", "schema", "referents", "first_seen", "last_seen",
                          "last_change", "target"}) {
    EXPECT_EQ(written[key], source[key]) << key;
  }
  for (const auto& d : source["datasets"]) {
    EXPECT_NE(std::find(written["datasets"].begin(), written["datasets"].end(), d),
              written["datasets"].end())
        << d;
  }
}

TEST(FtmFidelityTest, ZakharovComesBackWholeFromMatch) {
  nlohmann::json source = SourceRecord();
  ASSERT_GE(source["properties"].size(), 20u);
  Response r = HandleMatch(ReferenceSnapshot(), "default", {},
                           R"({"queries": {"q": {"schema": "Person", "properties": {
                                "name": ["Alexander Vyacheslavovich ZAKHAROV"],
                                "birthDate": ["1965-09-21"]}}}})",
                           Limits{});
  nlohmann::json body = BodyJson(r);
  ASSERT_EQ(r.status, 200) << body;
  const nlohmann::json& results = body["responses"]["q"]["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0]["id"], kZakharov);
  ExpectWhole(source, results[0]);
  EXPECT_EQ(results[0]["properties"]["name"].size(), source["properties"]["name"].size());
}

TEST(FtmFidelityTest, ZakharovComesBackWholeFromEntities) {
  nlohmann::json source = SourceRecord();
  Response flat = HandleEntity(ReferenceSnapshot(), kZakharov, {{"nested", "false"}});
  ASSERT_EQ(flat.status, 200) << flat.body;
  ExpectWhole(source, flat.body);
  EXPECT_EQ(flat.body["properties"], source["properties"]);  // nothing added either
  // Nested, entity references hold the records: his address, sanctions.
  Response nested = HandleEntity(ReferenceSnapshot(), kZakharov);
  ASSERT_EQ(nested.status, 200);
  const nlohmann::json& address = nested.body["properties"]["addressEntity"];
  ASSERT_EQ(address.size(), source["properties"]["addressEntity"].size());
  EXPECT_EQ(address[0]["schema"], "Address");
  ASSERT_TRUE(nested.body["properties"].contains("sanctions"));
  for (const auto& sanction : nested.body["properties"]["sanctions"]) {
    EXPECT_EQ(sanction["schema"], "Sanction");
    EXPECT_EQ(sanction["properties"]["entity"], nlohmann::json::array({kZakharov}));
  }
}

TEST(FtmFidelityTest, AReferentRedirectsToItsCanonicalEntity) {
  Response r = HandleEntity(ReferenceSnapshot(), "ofac-45937");
  EXPECT_EQ(r.status, 308);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{
                              "Location", std::string("/entities/") + kZakharov}));
  Response adjacent = HandleEntity(ReferenceSnapshot(), "ofac-45937/adjacent/sanctions");
  EXPECT_EQ(adjacent.headers[0].second,
            std::string("/entities/") + kZakharov + "/adjacent/sanctions");
}

TEST(FtmFidelityTest, MatchOnASourceDatasetFindsTheEntitiesItLists) {
  const char* body = R"({"queries": {"q": {"schema": "Person", "properties": {
                          "name": ["Alexander Vyacheslavovich ZAKHAROV"]}}}})";
  auto ids = [&](const std::string& dataset, const Params& params) {
    Response r = HandleMatch(ReferenceSnapshot(), dataset, params, body, Limits{});
    nlohmann::json json = BodyJson(r);
    EXPECT_EQ(r.status, 200) << json;
    std::vector<std::string> out;
    for (const auto& e : json["responses"]["q"]["results"]) out.push_back(e["id"]);
    return out;
  };
  auto has = [](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), kZakharov) != v.end();
  };
  EXPECT_TRUE(has(ids("us_ofac_sdn", {})));  // his record lists us_ofac_sdn
  EXPECT_TRUE(has(ids("ext_ru_egrul", {})));
  EXPECT_TRUE(has(ids("default", {{"include_dataset", "gb_fcdo_sanctions"}})));
  EXPECT_FALSE(has(ids("default", {{"exclude_dataset", "gb_fcdo_sanctions"}})));
  EXPECT_FALSE(has(ids("un_sc_sanctions", {})));
}

// Entities parsed from the official lists' own formats use only properties
// their schema has in FtM's model.
TEST(FtmFidelityTest, OfficialListEntitiesAreWrittenWithFtmProperties) {
  std::map<std::string, size_t> checked;
  for (const Entity& e : ReferenceSnapshot().screener->lists().entities) {
    if (e.ftm != nullptr) continue;
    nlohmann::json written = EntityToFtm(e);
    std::string schema = written["schema"];
    for (const auto& [property, values] : written["properties"].items()) {
      EXPECT_TRUE(IsFtmProperty(schema, property)) << e.id << " " << schema << "." << property;
    }
    ++checked[schema];
  }
  EXPECT_GT(checked["Person"], 5000u);
  EXPECT_GT(checked["Organization"], 1000u);
  EXPECT_GT(checked["Vessel"], 100u);
}

}  // namespace
}  // namespace embargo::service
