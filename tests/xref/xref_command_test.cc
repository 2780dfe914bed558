#include "cli/xref_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/show_command.h"
#include "test_paths.h"

namespace embargo::cli {
namespace {

// Two small lists in embargo's own format beside the repository's sample
// (kr_fsc_sample): a Hangul entry and its romanised twin, a vessel sharing
// the sample's IMO number.
class XrefCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("embargo-xref-cli-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    std::ofstream(*dir_ / "a.csv") << "id,name,dataset,schema,aliases,birth_date,nationality,imo\n"
                                      "1,리원호,watch_a,Person,Ri Won Ho,1964-07-17,kp,\n"
                                      "2,EXAMPLE STAR,watch_a,Vessel,,,,9074729\n"
                                      "3,Ri Yong Gil,watch_a,Person,,1950,kp,\n";
    std::ofstream(*dir_ / "b.csv") << "id,name,dataset,schema,birth_date,nationality\n"
                                      "1,\"RI, Won Ho\",watch_b,Person,1964-07-17,kp\n";
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static ListSource Lists() {
    ListSource source;
    source.lists = {testing::TestData("lists/rok-fsc-sample.csv"), (*dir_ / "a.csv").string(),
                    (*dir_ / "b.csv").string()};
    return source;
  }
  static XrefArgs Args(std::string format) {
    XrefArgs args;
    args.source = Lists();
    args.format = std::move(format);
    args.threads = 2;
    return args;
  }
  static std::filesystem::path* dir_;
};
std::filesystem::path* XrefCommandTest::dir_ = nullptr;

TEST_F(XrefCommandTest, JsonHasLinksClustersAmbiguousCasesAndCounts) {
  std::ostringstream out, err;
  ASSERT_EQ(RunXref(Args("json"), out, err), 0) << err.str();
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["counts"]["links_by_identifier"], 1);
  EXPECT_EQ(doc["counts"]["links_by_name"], 1);
  EXPECT_EQ(doc["counts"]["clusters"], 2);
  EXPECT_TRUE(doc["ambiguous"].is_array());
  const auto& vessel = doc["links"][0];
  EXPECT_EQ(vessel["a_id"], "kr_fsc_sample-FSC-0003");
  EXPECT_EQ(vessel["b_id"], "watch_a-2");
  EXPECT_EQ(vessel["method"], "identifier");
  EXPECT_EQ(vessel["confidence"], 0.95);
  EXPECT_EQ(vessel["evidence"], nlohmann::json::array({"imo 9074729"}));
  const auto& ri = doc["links"][1];
  EXPECT_EQ(ri["a_id"], "watch_a-1");
  EXPECT_EQ(ri["b_id"], "watch_b-1");
  EXPECT_EQ(ri["method"], "name");
  EXPECT_EQ(ri["evidence"][0], "name '리원호' ~ 'RI, Won Ho' 1.00");
  EXPECT_EQ(ri["evidence"][1], "same birth date (1964-07-17 / 1964-07-17)");
  EXPECT_EQ(doc["clusters"][1]["members"][0],
            (nlohmann::json{{"id", "watch_a-1"}, {"dataset", "watch_a"}, {"caption", "리원호"}}));
}

TEST_F(XrefCommandTest, CsvWritesOneRowPerLinkWithItsCluster) {
  std::ostringstream out, err;
  ASSERT_EQ(RunXref(Args("csv"), out, err), 0) << err.str();
  EXPECT_EQ(
      out.str(),
      "cluster,a_id,a_dataset,a_name,b_id,b_dataset,b_name,method,confidence,evidence\n"
      "1,kr_fsc_sample-FSC-0003,kr_fsc_sample,EXAMPLE STAR,watch_a-2,watch_a,EXAMPLE "
      "STAR,identifier,0.950,imo 9074729\n"
      "2,watch_a-1,watch_a,리원호,watch_b-1,watch_b,\"RI, Won Ho\",name,1.000,\"name '리원호' "
      "~ 'RI, Won Ho' 1.00; same birth date (1964-07-17 / 1964-07-17); nationality kp; "
      "closest match both ways\"\n");
}

TEST_F(XrefCommandTest, TextGivesCountsThenEachClusterWithItsSpellings) {
  std::ostringstream out, err;
  ASSERT_EQ(RunXref(Args("text"), out, err), 0) << err.str();
  std::string text = out.str();
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "7 records; 2 links (1 by identifier, 1 by name) in 2 clusters of 4 records; 0 "
            "ambiguous");
  EXPECT_NE(text.find("  watch_a-1                        리원호 | Ri Won Ho\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  watch_b-1                        RI, Won Ho\n"), std::string::npos);
}

TEST_F(XrefCommandTest, UnlinkedListsEachRecordWithItsClosestCandidateAndWhy) {
  XrefArgs args = Args("json");
  args.unlinked_from = "watch_a";
  args.unlinked_to = "kr_fsc_sample";
  std::ostringstream out, err;
  ASSERT_EQ(RunXref(args, out, err), 0) << err.str();
  auto unlinked = nlohmann::json::parse(out.str())["unlinked"];
  ASSERT_EQ(unlinked.size(), 2u);
  EXPECT_EQ(unlinked[0]["id"], "watch_a-1");
  EXPECT_EQ(unlinked[0]["reason"], "no_candidate");
  EXPECT_EQ(unlinked[0]["closest"], nullptr);
  EXPECT_EQ(unlinked[1]["id"], "watch_a-3");
  EXPECT_EQ(unlinked[1]["reason"], "contradiction");
  EXPECT_EQ(unlinked[1]["closest"]["id"], "kr_fsc_sample-FSC-0001");
  EXPECT_EQ(unlinked[1]["why"],
            "closest kr_fsc_sample-FSC-0001 'Ri Yong Gil' 0.78, but birth dates differ (1950 / "
            "1955)");
}

TEST_F(XrefCommandTest, AnUnknownFormatIsAUsageError) {
  std::ostringstream out, err;
  EXPECT_EQ(RunXref(Args("xml"), out, err), 2);
  EXPECT_EQ(err.str(), "embargo xref: unknown --format 'xml' (json, csv or text)\n");
}

TEST_F(XrefCommandTest, UnlinkedFromNeedsTo) {
  XrefArgs args = Args("text");
  args.unlinked_from = "watch_a";
  std::ostringstream out, err;
  EXPECT_EQ(RunXref(args, out, err), 2);
  EXPECT_EQ(err.str(), "embargo xref: --unlinked-from and --to go together\n");
}

TEST_F(XrefCommandTest, AnUnknownDatasetIsNamed) {
  XrefArgs args = Args("text");
  args.unlinked_from = "watch_a";
  args.unlinked_to = "watch_c";
  std::ostringstream out, err;
  EXPECT_EQ(RunXref(args, out, err), 1);
  EXPECT_EQ(err.str(), "embargo xref: no dataset 'watch_c' in the lists loaded\n");
}

TEST_F(XrefCommandTest, ShowPutsTheCounterpartsNamesSideBySideWithTheEvidence) {
  ShowArgs args;
  args.source = Lists();
  args.id = "watch_a-1";
  std::ostringstream out, err;
  ASSERT_EQ(RunShow(args, out, err), 0) << err.str();
  EXPECT_EQ(out.str(),
            "watch_a-1  Person on watch_a\n"
            "  names        리원호 | Ri Won Ho\n"
            "  birth dates  1964-07-17\n"
            "  nationality  kp\n"
            "\n"
            "the same party on other lists (1 record)\n"
            "  watch_a-1 | watch_b-1\n"
            "  리원호    | RI, Won Ho\n"
            "  Ri Won Ho |\n"
            "\n"
            "evidence\n"
            "  watch_a-1 ~ watch_b-1: name 1.00\n"
            "    name '리원호' ~ 'RI, Won Ho' 1.00\n"
            "    same birth date (1964-07-17 / 1964-07-17)\n"
            "    nationality kp\n"
            "    closest match both ways\n"
            "\n"
            "no counterpart\n"
            "  on kr_fsc_sample: no_candidate: no record shares enough of a name\n");
}

TEST_F(XrefCommandTest, ShowFindsARecordByItsListKeyWhenOnlyOneHasIt) {
  ShowArgs args;
  args.source = Lists();
  args.id = "FSC-0003";
  args.format = "json";
  std::ostringstream out, err;
  ASSERT_EQ(RunShow(args, out, err), 0) << err.str();
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["entity"]["id"], "kr_fsc_sample-FSC-0003");
  ASSERT_EQ(doc["counterparts"].size(), 1u);
  EXPECT_EQ(doc["counterparts"][0]["id"], "watch_a-2");
  EXPECT_EQ(doc["links"][0]["evidence"], nlohmann::json::array({"imo 9074729"}));
}

TEST_F(XrefCommandTest, ShowAsksForTheEntityIdWhenSeveralRecordsShareAKey) {
  ShowArgs args;
  args.source = Lists();
  args.id = "1";
  std::ostringstream out, err;
  EXPECT_EQ(RunShow(args, out, err), 1);
  EXPECT_EQ(err.str(),
            "embargo show: '1' is the key of several records (watch_a-1, watch_b-1): give the "
            "entity id\n");
}

TEST_F(XrefCommandTest, ShowNamesAnUnknownRecord) {
  ShowArgs args;
  args.source = Lists();
  args.id = "nope";
  std::ostringstream out, err;
  EXPECT_EQ(RunShow(args, out, err), 1);
  EXPECT_EQ(err.str(), "embargo show: no record 'nope' in the lists loaded\n");
}

// A DPRK tanker on OFAC's list: its "Linked To:" owner resolved to the
// owner's record, and the owner's UN designation beside it.
TEST(ShowReferenceTest, AVesselsOwnerAndWhereTheOwnerIsListed) {
  ShowArgs args;
  args.source.lists = {testing::SharedData("un/consolidated-2026-02-27.xml"),
                       testing::SharedData("ofac/sdn-2024-05-03.csv")};
  args.id = "us_ofac_sdn-19577";
  std::ostringstream out, err;
  ASSERT_EQ(RunShow(args, out, err), 0) << err.str();
  std::string text = out.str();
  EXPECT_NE(text.find("us_ofac_sdn-19577  Vessel on us_ofac_sdn\n"
                      "  names        JIN TENG\n"
                      "  identifiers  imo 9163166\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("relations\n"
                      "  linked_to: OCEAN MARITIME MANAGEMENT COMPANY LIMITED (us_ofac_sdn-17068, "
                      "Organization on us_ofac_sdn: DPRK)\n"
                      "    also OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM) "
                      "(un_sc_sanctions-KPe.020, Organization on un_sc_sanctions: DPRK)\n"),
            std::string::npos)
      << text;

  args.format = "json";
  std::ostringstream json_out;
  ASSERT_EQ(RunShow(args, json_out, err), 0) << err.str();
  auto doc = nlohmann::json::parse(json_out.str());
  ASSERT_EQ(doc["relations"].size(), 1u);
  const nlohmann::json& owner = doc["relations"][0];
  EXPECT_EQ(owner["relation"], "linked_to");
  EXPECT_EQ(owner["target"]["id"], "us_ofac_sdn-17068");
  ASSERT_EQ(owner["also_listed"].size(), 1u);
  EXPECT_EQ(owner["also_listed"][0]["id"], "un_sc_sanctions-KPe.020");
}

}  // namespace
}  // namespace embargo::cli
