// GET /search/{dataset} on the reference lists: scope, filters, paging,
// facets and the exact 400/404 details.
#include "service/search_handler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

Response Search(const std::string& dataset, const Params& params) {
  Response r = HandleSearch(ReferenceSnapshot(), dataset, params);
  r.body = BodyJson(r);
  return r;
}

std::set<std::string> Ids(const Response& r) {
  std::set<std::string> ids;
  for (const auto& e : r.body["results"]) ids.insert(e["id"].get<std::string>());
  return ids;
}

// The count of facet value `name`, 0 when absent.
int FacetCount(const Response& r, const std::string& facet, const std::string& name) {
  for (const auto& v : r.body["facets"][facet]["values"]) {
    if (v["name"] == name) return v["count"];
  }
  return 0;
}

TEST(SearchHandlerTest, KomidInDefaultFindsUnAndOfacEntries) {
  Response r = Search("default", {{"q", "KOMID"}});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  ASSERT_GE(r.body["results"].size(), 2u);
  // KOMID is a strong alias of the UN entry and of the UK's and Australia's
  // records of the same target (all three score 1.0, first); the OFAC remark
  // a.k.a. 'KOMID' is read as a weak alias, which ranks lower.
  std::set<std::string> first_three;
  for (size_t i = 0; i < 3; ++i) {
    first_three.insert(r.body["results"][i]["id"].get<std::string>());
    EXPECT_EQ(r.body["results"][i]["score"], 1.0);
  }
  EXPECT_EQ(first_three, (std::set<std::string>{"un_sc_sanctions-KPe.001", "au_dfat_sanctions-1113",
                                                "gb_hmt_sanctions-10892"}));
  std::set<std::string> ids = Ids(r);
  EXPECT_TRUE(ids.count("us_ofac_sdn-9345")) << r.body.dump();
  EXPECT_EQ(r.body["limit"], 10);
  EXPECT_EQ(r.body["offset"], 0);
  EXPECT_EQ(r.body["total"]["relation"], "eq");
  // Every candidate above the cutoff is counted; the page holds the first ten.
  size_t total = r.body["total"]["value"];
  EXPECT_EQ(r.body["results"].size(), std::min<size_t>(total, 10));
}

TEST(SearchHandlerTest, ResultsAreFtmEntitiesWithScoresBestFirst) {
  Response r = Search("default", {{"q", "KOMID"}});
  ASSERT_GE(r.body["results"].size(), 2u);
  double previous = 1.0;
  for (const auto& e : r.body["results"]) {
    EXPECT_TRUE(e.contains("caption") && e.contains("properties") && e.contains("datasets"));
    double score = e["score"];
    EXPECT_GE(score, kSearchCutoff);
    EXPECT_LE(score, previous);
    previous = score;
  }
}

TEST(SearchHandlerTest, KomidFacetsCountBothDatasets) {
  Response r = Search("default", {{"q", "KOMID"}});
  EXPECT_GE(FacetCount(r, "datasets", "un_sc_sanctions"), 1);
  EXPECT_GE(FacetCount(r, "datasets", "us_ofac_sdn"), 1);
  EXPECT_EQ(r.body["facets"]["datasets"]["label"], "Datasets");
  EXPECT_EQ(r.body["facets"]["datasets"]["values"][0]["label"].is_string(), true);
  EXPECT_GE(FacetCount(r, "countries", "kp"), 1);
  EXPECT_GE(FacetCount(r, "schema", "Organization"), 1);
  int total = r.body["total"]["value"];
  int sum = 0;
  for (const auto& v : r.body["facets"]["datasets"]["values"]) sum += v["count"].get<int>();
  EXPECT_EQ(sum, total);
}

TEST(SearchHandlerTest, DatasetInPathLimitsResultsToIt) {
  Response r = Search("un_sc_sanctions", {{"q", "KOMID"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Ids(r).count("un_sc_sanctions-KPe.001"));
  for (const auto& e : r.body["results"]) EXPECT_EQ(e["datasets"][0], "un_sc_sanctions");
  const nlohmann::json& datasets = r.body["facets"]["datasets"]["values"];
  ASSERT_EQ(datasets.size(), 1u);
  EXPECT_EQ(datasets[0]["name"], "un_sc_sanctions");
  EXPECT_EQ(datasets[0]["label"], "UN Security Council Consolidated Sanctions List");
}

TEST(SearchHandlerTest, ExcludeDatasetDropsItsEntities) {
  Response r = Search("default", {{"q", "KOMID"}, {"exclude_dataset", "un_sc_sanctions"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Ids(r).count("us_ofac_sdn-9345"));
  EXPECT_FALSE(Ids(r).count("un_sc_sanctions-KPe.001"));
  EXPECT_EQ(FacetCount(r, "datasets", "un_sc_sanctions"), 0);
}

TEST(SearchHandlerTest, IncludeDatasetKeepsOnlyIt) {
  Response r = Search("default", {{"q", "KOMID"}, {"include_dataset", "us_ofac_sdn"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Ids(r).count("us_ofac_sdn-9345"));
  for (const auto& e : r.body["results"]) EXPECT_EQ(e["datasets"][0], "us_ofac_sdn");
}

TEST(SearchHandlerTest, ExcludeSchemaDropsThatSchema) {
  Response r = Search("default", {{"q", "KOMID"}, {"exclude_schema", "Organization"}});
  ASSERT_EQ(r.status, 200);
  for (const auto& e : r.body["results"]) EXPECT_NE(e["schema"], "Organization");
  EXPECT_FALSE(Ids(r).count("us_ofac_sdn-9345"));
}

TEST(SearchHandlerTest, CountriesFilterKeepsPartiesLinkedToOneOfThem) {
  Response kp = Search("default", {{"q", "KOMID"}, {"countries", "North Korea"}});
  EXPECT_TRUE(Ids(kp).count("un_sc_sanctions-KPe.001"));
  Response fr = Search("default", {{"q", "KOMID"}, {"countries", "fr"}});
  EXPECT_FALSE(Ids(fr).count("un_sc_sanctions-KPe.001"));
}

TEST(SearchHandlerTest, OffsetAndLimitPageTheSameRanking) {
  Response all = Search("default", {{"q", "KOMID"}});
  ASSERT_GE(all.body["results"].size(), 2u);
  Response second = Search("default", {{"q", "KOMID"}, {"limit", "1"}, {"offset", "1"}});
  ASSERT_EQ(second.body["results"].size(), 1u);
  EXPECT_EQ(second.body["results"][0]["id"], all.body["results"][1]["id"]);
  EXPECT_EQ(second.body["total"], all.body["total"]);
  EXPECT_EQ(second.body["facets"], all.body["facets"]);
}

TEST(SearchHandlerTest, LimitZeroGivesTotalAndFacetsOnly) {
  Response r = Search("default", {{"q", "KOMID"}, {"limit", "0"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.body["results"].empty());
  EXPECT_GE(r.body["total"]["value"].get<int>(), 2);
}

TEST(SearchHandlerTest, FacetsParameterChoosesFacets) {
  Response r = Search("default", {{"q", "KOMID"}, {"facets", "topics"}});
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["facets"].size(), 1u);
  EXPECT_EQ(r.body["facets"]["topics"]["values"][0]["name"], "sanction");
  EXPECT_EQ(r.body["facets"]["topics"]["values"][0]["count"], r.body["total"]["value"]);
}

TEST(SearchHandlerTest, SchemaParameterRestrictsToCompatibleParties) {
  Response r = Search("default", {{"q", "KOMID"}, {"schema", "Vessel"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Ids(r).empty());
  Response thing = Search("default", {{"q", "KOMID"}, {"schema", "Thing"}});
  EXPECT_TRUE(Ids(thing).count("us_ofac_sdn-9345"));
}

void ExpectError(const Response& r, int status, const std::string& detail) {
  EXPECT_EQ(r.status, status);
  EXPECT_EQ(r.body, (nlohmann::json{{"detail", detail}}));
}

TEST(SearchHandlerTest, MissingOrBlankQIs400) {
  ExpectError(Search("default", {}), 400, "q: a search text is required");
  ExpectError(Search("default", {{"q", ""}}), 400, "q: a search text is required");
  ExpectError(Search("default", {{"q", "  \t"}}), 400, "q: a search text is required");
}

TEST(SearchHandlerTest, OverlongOrInvalidUtf8QIs400) {
  ExpectError(Search("default", {{"q", std::string(1025, 'a')}}), 400, "q: at most 1024 bytes");
  ExpectError(Search("default", {{"q", "KOM\xff"}}), 400,
              "q: name is not valid UTF-8 (save the input as UTF-8)");
}

// "electronics" finds OFAC and UN sanctions and BIS export denials; the
// topics facet counts each, and the topics filter keeps exactly those.
TEST(SearchHandlerTest, TopicsFacetCountsAndTopicsFilterKeepsWhatEachListIsFor) {
  Response all = Search("default", {{"q", "electronics"}, {"facets", "topics"}, {"limit", "500"}});
  ASSERT_EQ(all.status, 200) << all.body.dump();
  int sanction = FacetCount(all, "topics", "sanction");
  int export_control = FacetCount(all, "topics", "export.control");
  EXPECT_GT(sanction, 0);
  EXPECT_GT(export_control, 0);
  EXPECT_EQ(sanction + export_control, all.body["total"]["value"].get<int>());
  for (const auto& v : all.body["facets"]["topics"]["values"]) {
    if (v["name"] == "export.control") {
      EXPECT_EQ(v["label"], "Export controlled");
    }
  }

  Response denied =
      Search("default", {{"q", "electronics"}, {"topics", "export.control"}, {"limit", "500"}});
  EXPECT_EQ(denied.body["total"]["value"], export_control);
  for (const auto& e : denied.body["results"]) {
    EXPECT_EQ(e["datasets"][0], "us_bis_dpl") << e["id"];
    EXPECT_EQ(e["properties"]["topics"], nlohmann::json::array({"export.control"}));
  }
  Response either = Search("default", {{"q", "electronics"},
                                       {"topics", "export.control"},
                                       {"topics", "sanction"},
                                       {"limit", "500"}});
  EXPECT_EQ(Ids(either), Ids(all));
  EXPECT_EQ(
      Search("default", {{"q", "electronics"}, {"topics", "role.pep"}}).body["total"]["value"], 0);
}

TEST(SearchHandlerTest, UnknownDatasetIs404) {
  ExpectError(Search("jp_mof_sanctions", {{"q", "KOMID"}}), 404,
              "Unknown dataset: jp_mof_sanctions");
}

TEST(SearchHandlerTest, BadLimitIs400NamingLimit) {
  for (const char* bad : {"", "abc", "-1", "1.5", "501", "10x", "99999999999999999999999"}) {
    ExpectError(Search("default", {{"q", "KOMID"}, {"limit", bad}}), 400,
                "limit must be an integer in [0, 500]");
  }
}

TEST(SearchHandlerTest, BadOffsetIs400NamingOffset) {
  for (const char* bad : {"x", "-3", "9500"}) {
    ExpectError(Search("default", {{"q", "KOMID"}, {"offset", bad}}), 400,
                "offset must be an integer in [0, 9499]");
  }
  EXPECT_EQ(Search("default", {{"q", "KOMID"}, {"offset", "9499"}}).status, 200);
}

TEST(SearchHandlerTest, BadSchemaCountryOrFacetIs400) {
  ExpectError(Search("default", {{"q", "KOMID"}, {"schema", "Dog"}}), 400,
              "schema: unknown schema 'Dog'");
  ExpectError(Search("default", {{"q", "KOMID"}, {"countries", "Atlantis"}}), 400,
              "countries: unknown country 'Atlantis'");
  ExpectError(Search("default", {{"q", "KOMID"}, {"facets", "colour"}}), 400,
              "facets: unknown facet 'colour' (known: countries, datasets, schema, topics)");
}

}  // namespace
}  // namespace embargo::service
