// GET /catalog, dataset scopes and GET /algorithms on the reference lists.
#include "service/catalog_handler.h"

#include <gtest/gtest.h>

#include <set>

#include "scoring/constants.h"
#include "service/algorithms_handler.h"
#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

const std::vector<std::string> kReferenceDatasets = {"au_dfat_sanctions",
                                                     "ca_dfatd_sema_sanctions",
                                                     "eu_fsf",
                                                     "gb_fcdo_sanctions",
                                                     "gb_hmt_sanctions",
                                                     "un_sc_sanctions",
                                                     "us_bis_dpl",
                                                     "us_ofac_cons",
                                                     "us_ofac_sdn",
                                                     "us_trade_csl",
                                                     "zala"};

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

const nlohmann::json& Entry(const nlohmann::json& catalog, const std::string& name) {
  for (const auto& d : catalog["datasets"]) {
    if (d["name"] == name) return d;
  }
  static const nlohmann::json missing;
  ADD_FAILURE() << "no catalog entry " << name;
  return missing;
}

TEST(CatalogHandlerTest, ListsTheElevenReferenceDatasetsThenBothCollections) {
  Response r = HandleCatalog(ReferenceSnapshot());
  ASSERT_EQ(r.status, 200);
  std::vector<std::string> current = r.body["current"];
  // The 11 files, then the 21 other sources OpenSanctions' records name
  // (zala's ext_ru_egrul, gb_coh_disqualified, ...), then the collections.
  ASSERT_EQ(current.size(), 11u + 21u + 2u);
  EXPECT_EQ(Sorted({current.begin(), current.begin() + 11}), kReferenceDatasets);
  std::vector<std::string> sources(current.begin() + 11, current.begin() + 32);
  EXPECT_EQ(sources.front(), "ann_graph_topics");
  EXPECT_EQ(sources.back(), "us_sam_exclusions");
  EXPECT_EQ(std::count(sources.begin(), sources.end(), "us_ofac_sdn"), 0);  // a file already
  const nlohmann::json& egrul = Entry(r.body, "ext_ru_egrul");
  EXPECT_EQ(egrul["type"], "source");
  EXPECT_EQ(egrul["format"], "ftm");
  EXPECT_EQ(egrul["entity_count"], 16);
  EXPECT_EQ(current[32], "default");
  EXPECT_EQ(current[33], "sanctions");
  EXPECT_EQ(r.body["datasets"].size(), 34u);
  EXPECT_EQ(r.body["outdated"], nlohmann::json::array());
  EXPECT_EQ(r.body["index_stale"], false);
}

TEST(CatalogHandlerTest, DatasetEntryCarriesCountsFormatAndIndexVersion) {
  const ServingSnapshot& snapshot = ReferenceSnapshot();
  Response r = HandleCatalog(snapshot);
  const nlohmann::json& un = Entry(r.body, "un_sc_sanctions");
  EXPECT_EQ(un["title"], "UN Security Council Consolidated Sanctions List");
  EXPECT_EQ(un["type"], "source");
  EXPECT_EQ(un["format"], "un_xml");
  EXPECT_EQ(un["index_version"], "test-version");
  EXPECT_EQ(un["index_current"], true);
  EXPECT_EQ(un["load"], true);
  for (const Dataset& d : snapshot.screener->lists().datasets) {
    const nlohmann::json& e = Entry(r.body, d.name);
    EXPECT_EQ(e["entity_count"], d.entity_count) << d.name;
    EXPECT_EQ(e["name_count"], d.name_count) << d.name;
    EXPECT_FALSE(e.contains("path")) << d.name;  // no server paths in a public document
  }
}

TEST(CatalogHandlerTest, CollectionsHaveEveryDatasetAsChildAndSumTheirCounts) {
  const ServingSnapshot& snapshot = ReferenceSnapshot();
  Response r = HandleCatalog(snapshot);
  for (const char* name : {"default", "sanctions"}) {
    const nlohmann::json& c = Entry(r.body, name);
    EXPECT_EQ(c["type"], "collection");
    EXPECT_EQ(Sorted(c["children"]), kReferenceDatasets);
    EXPECT_EQ(c["entity_count"], snapshot.screener->lists().entities.size());
  }
}

TEST(CatalogHandlerTest, SendsStrongETagAndCacheControl) {
  Response r = HandleCatalog(ReferenceSnapshot());
  using Header = std::pair<std::string, std::string>;
  EXPECT_EQ(r.headers, (std::vector<Header>{{"ETag", "\"test-version\""},
                                            {"Cache-Control", "public, max-age=300"}}));
}

TEST(CatalogHandlerTest, AnswersNotModifiedToAClientHoldingTheCurrentVersion) {
  const ServingSnapshot& snapshot = ReferenceSnapshot();
  for (const char* held : {"\"test-version\"", "W/\"test-version\"", "*",
                           "\"old\", \"test-version\"", " \"old\" ,W/\"test-version\" "}) {
    Response r = HandleCatalog(snapshot, held);
    EXPECT_EQ(r.status, 304) << held;
    EXPECT_TRUE(r.body.is_null()) << held;
    EXPECT_EQ(r.headers, HandleCatalog(snapshot).headers) << held;  // same ETag, same caching
  }
  for (const char* held : {"", "\"old\"", "\"test-version-2\"", "test-version", "\"old\", *"}) {
    Response r = HandleCatalog(snapshot, held);
    EXPECT_EQ(r.status, 200) << held;
    EXPECT_EQ(r.body["datasets"].size(), 34u) << held;
  }
}

TEST(CatalogHandlerTest, ScopeOfACollectionIsEveryLoadedDataset) {
  EXPECT_EQ(Sorted(ResolveDatasetScope(ReferenceSnapshot(), "default")), kReferenceDatasets);
  EXPECT_EQ(Sorted(ResolveDatasetScope(ReferenceSnapshot(), "sanctions")), kReferenceDatasets);
}

TEST(CatalogHandlerTest, ScopeOfADatasetIsItselfAndOfAnUnknownNameIsEmpty) {
  EXPECT_EQ(ResolveDatasetScope(ReferenceSnapshot(), "us_ofac_sdn"),
            std::vector<std::string>{"us_ofac_sdn"});
  // A source only OpenSanctions' records name is a dataset too.
  EXPECT_EQ(ResolveDatasetScope(ReferenceSnapshot(), "jp_mof_sanctions"),
            std::vector<std::string>{"jp_mof_sanctions"});
  EXPECT_TRUE(ResolveDatasetScope(ReferenceSnapshot(), "xx_no_such_list").empty());
  EXPECT_TRUE(ResolveDatasetScope(ReferenceSnapshot(), "").empty());
}

TEST(AlgorithmsHandlerTest, DescribesEmbargoV1AsDefaultAndBest) {
  Response r = HandleAlgorithms();
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["default"], "embargo-v1");
  EXPECT_EQ(r.body["best"], "embargo-v1");
  ASSERT_EQ(r.body["algorithms"].size(), 1u);
  const nlohmann::json& a = r.body["algorithms"][0];
  EXPECT_EQ(a["name"], "embargo-v1");
  EXPECT_EQ(a["docs"]["name"], "embargo-v1");
}

TEST(AlgorithmsHandlerTest, PublishesEveryScoringConstantWithItsValue) {
  Response r = HandleAlgorithms();
  const nlohmann::json& c = r.body["algorithms"][0]["docs"]["config"]["constants"];
  size_t published = 0;
  for (const auto& [group, members] : c.items()) published += members.size();
  EXPECT_EQ(published, scoring::Published().size());
  EXPECT_EQ(published, 85u);  // a constant added or removed shows here
  for (const scoring::Constant& k : scoring::Published()) {
    ASSERT_TRUE(c[std::string(k.group)].contains(std::string(k.name))) << k.name;
    EXPECT_NEAR(c[std::string(k.group)][std::string(k.name)].get<double>(), k.value, 1e-6)
        << k.name;
  }
  EXPECT_EQ(c["token"]["vowel_close_cost"], 0.3);  // rounded, not 0.30000001
  EXPECT_EQ(c["candidates"]["max_candidate_names"], 48);
  EXPECT_EQ(c["candidates"]["max_covering_names"], 48);
  EXPECT_EQ(c["evidence"]["weak_alias_cap"], 0.69);
  EXPECT_EQ(c["evidence"]["weak_alias_full_match_cap"], 0.85);
  EXPECT_EQ(c["alignment"]["extra_list_part_cost"], 0.25);
  EXPECT_EQ(c["alignment"]["extra_query_covering_part_cost"], 0.25);
  EXPECT_EQ(c["alignment"]["min_abjad_joined_similarity"], 0.88);
  EXPECT_EQ(c["derived"]["listed_reading_scale"], 0.98);
}

TEST(AlgorithmsHandlerTest, FeatureCoefficientsAreTheScoringConstants) {
  Response r = HandleAlgorithms();
  const nlohmann::json& f = r.body["algorithms"][0]["docs"]["features"];
  EXPECT_EQ(f.size(), 18u);
  EXPECT_FLOAT_EQ(f["name_business_words_only_cap"]["coefficient"].get<float>(), 0.65f);
  EXPECT_DOUBLE_EQ(f["name_match"]["coefficient"], 1.0);
  EXPECT_DOUBLE_EQ(f["birth_date_exact"]["coefficient"], 0.05);
  EXPECT_DOUBLE_EQ(f["birth_date_mismatch"]["coefficient"], -0.25);
  EXPECT_DOUBLE_EQ(f["nationality_mismatch"]["coefficient"], -0.15);
  EXPECT_DOUBLE_EQ(f["identifier_match"]["coefficient"], 0.95);
  EXPECT_DOUBLE_EQ(f["imo_mismatch"]["coefficient"], -0.15);
  EXPECT_DOUBLE_EQ(f["weak_alias"]["coefficient"], 0.69);
  EXPECT_FLOAT_EQ(f["name_extra_query_part"]["coefficient"].get<float>(), 0.9f);
  // Each names the key of /match's "features" that reports it, and each
  // such key is reported by one.
  const std::set<std::string> match_keys = {"name_match", "birth_date", "country", "gender",
                                            "identifier", "imo",        "vessel",  "weak_alias"};
  std::set<std::string> reported;
  for (const auto& [name, feature] : f.items()) {
    EXPECT_FALSE(feature["description"].get<std::string>().empty()) << name;
    EXPECT_EQ(feature["url"], "docs/SCORING.md") << name;
    reported.insert(feature["reported_as"].get<std::string>());
  }
  EXPECT_EQ(reported, match_keys);
}

TEST(AlgorithmsHandlerTest, AcceptsEmbargoV1AndYenteNamesAsAliases) {
  for (const char* name : {"embargo-v1", "best", "default", "logic-v2", "logic-v1", "regression-v1",
                           "name-based", "name-qualified", "ofac"}) {
    EXPECT_TRUE(IsKnownAlgorithm(name)) << name;
  }
}

TEST(AlgorithmsHandlerTest, RejectsUnknownAndMiscasedNames) {
  for (const char* name : {"", "logic-v3", "LOGIC-V2", "embargo", "Best"}) {
    EXPECT_FALSE(IsKnownAlgorithm(name)) << name;
  }
}

}  // namespace
}  // namespace embargo::service
