#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "embargo/lists.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

// The whole reference folder, loaded once (about a second).
const ListSet& SharedLists() {
  static const ListSet set = [] {
    Result<ListSet> loaded = LoadLists({SharedData("")});
    EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
    return loaded.ok() ? *loaded : ListSet{};
  }();
  return set;
}

const Dataset* FindDataset(const ListSet& set, std::string_view name) {
  for (const Dataset& d : set.datasets) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::vector<std::string> DatasetNames(const ListSet& set) {
  std::vector<std::string> names;
  for (const Dataset& d : set.datasets) names.push_back(d.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::string ErrorOf(const Result<ListSet>& set) { return set.ok() ? "ok" : set.error().ToString(); }

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

TEST(LoadTest, SharedFolderYieldsOneDatasetPerList) {
  EXPECT_EQ(DatasetNames(SharedLists()),
            (std::vector<std::string>{"au_dfat_sanctions", "ca_dfatd_sema_sanctions", "eu_fsf",
                                      "gb_fcdo_sanctions", "gb_hmt_sanctions", "un_sc_sanctions",
                                      "us_bis_dpl", "us_ofac_cons", "us_ofac_sdn", "us_trade_csl",
                                      "zala"}));
}

TEST(LoadTest, NewestOfacSnapshotWinsAndOlderOnesAreSuperseded) {
  const Dataset* sdn = FindDataset(SharedLists(), "us_ofac_sdn");
  ASSERT_NE(sdn, nullptr);
  EXPECT_TRUE(EndsWith(sdn->path, "ofac/sdn-2024-05-03.csv")) << sdn->path;
  std::vector<std::string> superseded = SharedLists().superseded;
  std::sort(superseded.begin(), superseded.end());
  ASSERT_EQ(superseded.size(), 8u);
  // The EU's legacy CSV of 2018, beside its XML export of 2026.
  EXPECT_TRUE(EndsWith(superseded[0], "eu/fsf-csv-2018-07-04-first1000lines.csv")) << superseded[0];
  superseded.erase(superseded.begin());
  // The consolidated list: ENHANCED XML of 2025-01-10 replaces the CSV of
  // 2019 (the year in its folder's name), the ADVANCED XML of 2020 and the
  // sdnList XML of 2018.
  EXPECT_TRUE(EndsWith(superseded[0], "ofac/cons-2019/cons_prim.csv")) << superseded[0];
  superseded.erase(superseded.begin());
  EXPECT_TRUE(EndsWith(superseded[0], "ofac/sdn-2021-07/sdn.csv")) << superseded[0];
  EXPECT_TRUE(EndsWith(superseded[1], "ofac/sdn-2024-01-31.csv")) << superseded[1];
  EXPECT_TRUE(EndsWith(superseded[2], "ofac/sdn-2024-02-23.csv")) << superseded[2];
  // OpenSanctions' t1 sample is the EU list too (its records say eu_fsf),
  // as of 2024-03-28: the EU's own export of 2026-08-05 replaces it.
  EXPECT_TRUE(EndsWith(superseded[3], "ofac/xml/cons-advanced-2020-03-17.xml")) << superseded[3];
  EXPECT_TRUE(EndsWith(superseded[4], "ofac/xml/cons-sdnlist-2018-04-06.xml")) << superseded[4];
  EXPECT_TRUE(EndsWith(superseded[5], "opensanctions/t1.ftm.json")) << superseded[5];
}

TEST(LoadTest, NegativesAreSkippedAsUnknown) {
  // The folder also holds files that are not lists (payment messages,
  // schemas) and lists of formats read elsewhere; every skipped file is
  // named with its reason, and the negatives are among them.
  const std::vector<std::string>& skipped = SharedLists().skipped;
  for (std::string_view name : {"negatives/negatives-global-dev.csv: unknown list format",
                                "negatives/negatives-us-dev.csv: unknown list format"}) {
    EXPECT_EQ(std::count_if(skipped.begin(), skipped.end(),
                            [&](const std::string& s) { return EndsWith(s, name); }),
              1)
        << name;
  }
  for (const std::string& s : skipped) EXPECT_NE(s.find(": "), std::string::npos) << s;
}

TEST(LoadTest, CountsMatchTheParsers) {
  const ListSet& set = SharedLists();
  EXPECT_EQ(FindDataset(set, "un_sc_sanctions")->entity_count, 1003u);
  EXPECT_EQ(FindDataset(set, "un_sc_sanctions")->version_date, "2026-02-27");
  EXPECT_EQ(FindDataset(set, "us_bis_dpl")->entity_count, 429u);
  EXPECT_EQ(FindDataset(set, "us_bis_dpl")->name_count, 429u);
  EXPECT_EQ(FindDataset(set, "us_trade_csl")->entity_count, 115u);
  EXPECT_EQ(FindDataset(set, "us_trade_csl")->name_count, 276u);  // 115 names + 161 aliases
  EXPECT_EQ(FindDataset(set, "eu_fsf")->entity_count, 4u);        // eu_fsf_xml_test.cc
  EXPECT_EQ(FindDataset(set, "eu_fsf")->format, "eu_fsf_xml");
  EXPECT_EQ(FindDataset(set, "zala")->entity_count, 17u);
  // The UK OFSI CSV (2018) and Australia's DFAT workbook (2024-12), read
  // since the independent decks need them (tests/sources/ofsi_csv_test.cc,
  // dfat_xlsx_test.cc pin the facts behind these counts).
  EXPECT_EQ(FindDataset(set, "gb_hmt_sanctions")->entity_count, 2106u);
  EXPECT_EQ(FindDataset(set, "gb_hmt_sanctions")->name_count, 5553u);
  EXPECT_EQ(FindDataset(set, "gb_hmt_sanctions")->version_date, "2018-04-13");
  EXPECT_EQ(FindDataset(set, "au_dfat_sanctions")->entity_count, 3062u);
  EXPECT_EQ(FindDataset(set, "au_dfat_sanctions")->name_count, 9533u);
  EXPECT_EQ(FindDataset(set, "au_dfat_sanctions")->version_date, "2024-11-11");
  // The allies' XML lists (their own tests pin the facts behind these).
  EXPECT_EQ(FindDataset(set, "ca_dfatd_sema_sanctions")->entity_count, 1369u);
  EXPECT_EQ(FindDataset(set, "ca_dfatd_sema_sanctions")->name_count, 1525u);
  EXPECT_EQ(FindDataset(set, "gb_fcdo_sanctions")->entity_count, 4u);
  EXPECT_EQ(FindDataset(set, "gb_fcdo_sanctions")->name_count, 17u);
  EXPECT_EQ(FindDataset(set, "us_ofac_cons")->format, "ofac_enhanced_xml");
  EXPECT_EQ(FindDataset(set, "us_ofac_cons")->entity_count, 443u);
  EXPECT_EQ(set.entities.size(), 23517u);
  size_t total = 0, names = 0;
  for (const Dataset& d : set.datasets) total += d.entity_count;
  for (const Entity& e : set.entities) names += e.names.size();
  EXPECT_EQ(total, set.entities.size());
  size_t counted_names = 0;
  for (const Dataset& d : set.datasets) counted_names += d.name_count;
  EXPECT_EQ(counted_names, names);
}

TEST(LoadTest, EntityIdsAreUniqueAndCarryTheirDataset) {
  std::set<std::string> ids;
  for (const Entity& e : SharedLists().entities) {
    EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    EXPECT_NE(FindDataset(SharedLists(), e.dataset), nullptr) << e.id;
  }
}

TEST(LoadTest, ExplicitFilesLoadInGivenOrder) {
  Result<ListSet> set =
      LoadLists({SharedData("us/bis-dpl.txt"), TestData("lists/rok-fsc-sample.csv")});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  ASSERT_EQ(set->datasets.size(), 2u);
  EXPECT_EQ(set->datasets[0].name, "us_bis_dpl");
  EXPECT_EQ(set->datasets[1].name, "kr_fsc_sample");
  EXPECT_EQ(set->entities.size(), 432u);
  EXPECT_EQ(set->entities.back().id, "kr_fsc_sample-FSC-0003");
}

TEST(LoadTest, FolderSkipsUnknownFilesAndIgnoresReadmeAndDotFiles) {
  Result<ListSet> set = LoadLists({TestData("load/mixed")});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  ASSERT_EQ(set->datasets.size(), 1u);
  EXPECT_EQ(set->datasets[0].name, "mixed_list");
  EXPECT_EQ(set->skipped,
            std::vector<std::string>{TestData("load/mixed") + "/notes.txt: unknown list format"});
}

TEST(LoadTest, DateInThePathPicksTheNewestVersion) {
  Result<ListSet> set = LoadLists({TestData("load/versions")});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  ASSERT_EQ(set->datasets.size(), 1u);
  EXPECT_TRUE(EndsWith(set->datasets[0].path, "list-2024-06-01.csv"));
  EXPECT_EQ(set->entities.size(), 2u);
  EXPECT_EQ(set->superseded,
            std::vector<std::string>{TestData("load/versions") + "/list-2024-01-01.csv"});
}

TEST(LoadTest, SameFileTwiceLoadsOnce) {
  Result<ListSet> set = LoadLists({TestData("load/mixed"), TestData("load/mixed/list.csv")});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  EXPECT_EQ(set->entities.size(), 1u);
  EXPECT_TRUE(set->superseded.empty());
}

TEST(LoadTest, DatasetOverrideNamesListsThatNameNone) {
  LoadOptions options;
  options.dataset_override = "internal";
  Result<ListSet> set = LoadLists({TestData("load/broken/a-good.csv")}, options);
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  EXPECT_EQ(set->datasets[0].name, "internal");
  EXPECT_EQ(set->entities[0].id, "internal-G1");
}

TEST(LoadTest, DuplicateEntityIdsAcrossDatasetsAreAnError) {
  EXPECT_EQ(ErrorOf(LoadLists({TestData("load/dup")})),
            TestData("load/dup") + "/b.ftm.json: entity id 'dup-1' is also in " +
                TestData("load/dup") + "/a.ftm.json");
}

TEST(LoadTest, OneBrokenFileFailsTheWholeLoad) {
  Result<ListSet> set = LoadLists({TestData("load/broken")});
  EXPECT_EQ(ErrorOf(set),
            TestData("load/broken") +
                "/b-bad.csv:1: unknown column 'nickname' (known columns: id, name, "
                "dataset, schema, aliases, weak_aliases, previous_names, birth_date, "
                "nationality, country, gender, passport, national_id, imo, bic, "
                "registration, program, listed_on, remarks, topics, former_flag, mmsi, "
                "call_sign, vessel_type, tonnage, gross_tonnage, build_date)");
}

TEST(LoadTest, ExplicitFileOfUnknownFormatIsAnError) {
  EXPECT_EQ(ErrorOf(LoadLists({SharedData("negatives/negatives-us-dev.csv")})),
            SharedData("negatives/negatives-us-dev.csv") + ": unknown list format");
  EXPECT_EQ(ErrorOf(LoadLists({TestData("lists/empty.csv")})),
            TestData("lists/empty.csv") + ": unknown list format");
}

TEST(LoadTest, ExplicitOfacSideFileIsAnError) {
  EXPECT_EQ(ErrorOf(LoadLists({SharedData("ofac/sdn-2021-07/alt.csv")})),
            SharedData("ofac/sdn-2021-07/alt.csv") +
                ": OFAC side file: load its main file (sdn.csv, cons_prim.csv) or its folder");
}

TEST(LoadTest, MissingPathIsAnError) {
  EXPECT_EQ(ErrorOf(LoadLists({TestData("load/nope.csv")})),
            TestData("load/nope.csv") + ": no such file or directory");
}

TEST(LoadTest, ParserErrorsKeepTheirLine) {
  EXPECT_EQ(ErrorOf(LoadLists({TestData("un/truncated.xml")})),
            TestData("un/truncated.xml") + ":10: malformed XML: Start-end tags mismatch");
}

}  // namespace
}  // namespace embargo
