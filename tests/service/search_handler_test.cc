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
  Response r = Search(
      "default",
      {{"q", "KOMID"}, {"facets", "datasets"}, {"facets", "countries"}, {"facets", "schema"}});
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

// Without q, /search lists every entity the filters pass, as yente
// browses: all of a dataset, in list order, with its facets.
TEST(SearchHandlerTest, WithoutQEveryEntityTheFiltersPassIsListed) {
  const ListSet& lists = ReferenceSnapshot().screener->lists();
  size_t un = std::count_if(lists.entities.begin(), lists.entities.end(),
                            [](const Entity& e) { return e.dataset == "un_sc_sanctions"; });
  for (const char* blank : {"", "  \t"}) {
    Response r = Search("un_sc_sanctions", {{"q", blank}, {"limit", "3"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body["total"]["value"], un);
    ASSERT_EQ(r.body["results"].size(), 3u);
    EXPECT_EQ(
        r.body["results"][0]["id"],
        lists
            .entities[std::find_if(lists.entities.begin(), lists.entities.end(),
                                   [](const Entity& e) { return e.dataset == "un_sc_sanctions"; }) -
                      lists.entities.begin()]
            .id);
    EXPECT_EQ(FacetCount(r, "datasets", "un_sc_sanctions"), static_cast<int>(un));
  }
  Response people = Search("un_sc_sanctions", {{"schema", "Person"}, {"countries", "kp"}});
  ASSERT_EQ(people.status, 200);
  EXPECT_GT(people.body["total"]["value"].get<int>(), 50);
  EXPECT_LT(people.body["total"]["value"].get<size_t>(), un);
  for (const auto& e : people.body["results"]) EXPECT_EQ(e["schema"], "Person");
}

// yente's refinements on OpenSanctions data: target, changed_since,
// property filters, filter_op and sort.
TEST(SearchHandlerTest, TargetChangedSinceFilterAndSortRefineOpenSanctionsRecords) {
  auto total = [](const Response& r) { return r.body["total"]["value"].get<int>(); };
  Response all = Search("zala", {});
  ASSERT_EQ(all.status, 200);
  Response targets = Search("zala", {{"target", "true"}});
  Response others = Search("zala", {{"target", "false"}});
  EXPECT_GT(total(targets), 0);
  EXPECT_GT(total(others), 0);
  EXPECT_EQ(total(targets) + total(others), total(all));
  EXPECT_EQ(total(Search("zala", {{"changed_since", "2099-01-01T00:00"}})), 0);
  EXPECT_EQ(total(Search("zala", {{"changed_since", "2000-01-01"}})), total(all));
  Response born = Search("zala", {{"filter", "properties.birthDate:1965-09-21"}});
  ASSERT_EQ(total(born), 1) << born.body;
  EXPECT_EQ(born.body["results"][0]["id"], "NK-aU5ybkbRFJucf8YMwsJvDw");  // Zakharov
  EXPECT_EQ(total(Search("zala", {{"countries", "ru"}, {"countries", "ke"}})),
            total(Search("zala", {{"countries", "ru"}})));
  EXPECT_EQ(total(Search("zala", {{"countries", "ru"}, {"countries", "ke"}, {"filter_op", "AND"}})),
            0);
  Response sorted = Search("zala", {{"sort", "first_seen:desc"}, {"limit", "50"}});
  std::vector<std::string> seen;
  for (const auto& e : sorted.body["results"]) seen.push_back(e["first_seen"]);
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend())) << sorted.body;
  ExpectError(Search("zala", {{"sort", "colour"}}), 400,
              "sort: 'colour' is not FIELD[:asc|desc] with FIELD one of first_seen, last_seen, "
              "last_change, caption");
  ExpectError(Search("zala", {{"filter_op", "XOR"}}), 400, "filter_op must be AND or OR");
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
  ExpectError(Search("xx_no_such_list", {{"q", "KOMID"}}), 404, "Unknown dataset: xx_no_such_list");
}

TEST(SearchHandlerTest, BadLimitIs422NamingLimit) {
  for (const char* bad : {"", "abc", "-1", "1.5", "501", "10x", "99999999999999999999999"}) {
    ExpectError(Search("default", {{"q", "KOMID"}, {"limit", bad}}), 422,
                "limit must be an integer in [0, 500]");
  }
}

TEST(SearchHandlerTest, BadOffsetIs422NamingOffset) {
  for (const char* bad : {"x", "-3", "9500"}) {
    ExpectError(Search("default", {{"q", "KOMID"}, {"offset", bad}}), 422,
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
