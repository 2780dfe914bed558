#include "sources/bis_dpl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

Result<ParsedList> ParseFile(const std::string& path) {
  return testing::ParseFileWith(&ParseBisDpl, path);
}

const ParsedList& RealList() {
  static const ParsedList list = testing::ParseOrFail(&ParseBisDpl, SharedData("us/bis-dpl.txt"));
  return list;
}

std::vector<const Entity*> FindAll(std::string_view name) {
  std::vector<const Entity*> out;
  for (const Entity& e : RealList().entities) {
    if (e.caption() == name) out.push_back(&e);
  }
  return out;
}

bool HasRemark(const Entity& entity, std::string_view remark) {
  return std::find(entity.remarks.begin(), entity.remarks.end(), remark) != entity.remarks.end();
}

// 546 rows; 433 distinct (name, Effective_Date, FR_Citation) keys, 429 once
// citations that differ only in spacing or commas are one.
TEST(BisDplTest, EveryPartyIsExportControlledNotSanctioned) {
  for (const Entity& e : RealList().entities)
    EXPECT_EQ(e.topics, std::vector<std::string>{"export.control"}) << e.id;
}

TEST(BisDplTest, GroupsRowsPerAddressIntoParties) {
  EXPECT_EQ(RealList().entities.size(), 429u);
  EXPECT_EQ(RealList().dataset.name, "us_bis_dpl");
  EXPECT_EQ(RealList().dataset.format, "bis_dpl");
  std::set<std::string> ids;
  for (const Entity& e : RealList().entities) ids.insert(e.id);
  EXPECT_EQ(ids.size(), 429u);
}

TEST(BisDplTest, OnePartyCollectsEveryAddress) {
  auto parto = FindAll("PARTO ABGARDAN COOLING TOWERS CO.");
  ASSERT_EQ(parto.size(), 1u);
  EXPECT_EQ(parto[0]->addresses.size(), 7u);
  EXPECT_EQ(parto[0]->schema, Schema::kOrganization);
  EXPECT_EQ(parto[0]->listed_on, "2010-10-06");
}

TEST(BisDplTest, CitationSpacingDoesNotSplitAParty) {
  auto tyloo = FindAll("BERTY TYLOO");
  ASSERT_EQ(tyloo.size(), 1u);
  EXPECT_EQ(tyloo[0]->addresses.size(), 2u);
}

TEST(BisDplTest, DifferentCitationsStaySeparateParties) {
  EXPECT_EQ(FindAll("ABDULAH AL NASSER").size(), 2u);
}

TEST(BisDplTest, TrimsTheLeadingSpaceOfNames) {
  auto hernandez = FindAll("ADRIAN MANUEL HERNANDEZ");
  ASSERT_EQ(hernandez.size(), 1u);
  EXPECT_EQ(hernandez[0]->schema, Schema::kLegalEntity);
  EXPECT_EQ(hernandez[0]->listed_on, "2017-10-16");
  EXPECT_EQ(hernandez[0]->addresses[0].full, "3037 S. 69TH DRIVE, PHONEIX, AZ, 85043");
}

TEST(BisDplTest, ClassifiesFirmsByLegalFormWords) {
  size_t orgs = std::count_if(RealList().entities.begin(), RealList().entities.end(),
                              [](const Entity& e) { return e.schema == Schema::kOrganization; });
  EXPECT_EQ(orgs, 107u);
  EXPECT_EQ(FindAll("COTRICOM S.A.")[0]->schema, Schema::kOrganization);
  EXPECT_EQ(FindAll("AL NASER AIRLINES")[0]->schema, Schema::kOrganization);
  EXPECT_EQ(FindAll("KIM SONG II")[0]->schema, Schema::kLegalEntity);
}

TEST(BisDplTest, Year3017IsIgnoredAndNotedButThePartyIsKept) {
  auto zadeh = FindAll("MANSOUR ZADEH");
  ASSERT_EQ(zadeh.size(), 1u);
  EXPECT_EQ(zadeh[0]->addresses.size(), 4u);
  EXPECT_EQ(zadeh[0]->listed_on, "2017-08-10");
  EXPECT_TRUE(HasRemark(*zadeh[0], "Last_Update '3017-08-22' ignored: not a valid date"));
  EXPECT_EQ(RealList().dataset.version_date, "2019-06-12");
}

TEST(BisDplTest, KeepsCitationsAndExpiryAsRemarks) {
  auto hernandez = FindAll("ADRIAN MANUEL HERNANDEZ");
  ASSERT_EQ(hernandez.size(), 1u);
  EXPECT_TRUE(HasRemark(*hernandez[0], "Denial expires 2020-10-13"));
  EXPECT_TRUE(HasRemark(*hernandez[0], "FR citation: 82 F.R. 48792 10/20/2017"));
}

TEST(BisDplTest, ConvertsDates) {
  EXPECT_EQ(DplDate("10/16/2017"), "2017-10-16");
  EXPECT_EQ(DplDate("2017-10-23"), "2017-10-23");
  EXPECT_EQ(DplDate("3017-08-22"), "");
  EXPECT_EQ(DplDate("13/45/2018"), "");
  EXPECT_EQ(DplDate(""), "");
}

TEST(BisDplTest, InvalidEffectiveDateKeepsThePartyWithoutListingDate) {
  Result<ParsedList> list = ParseFile(TestData("dpl/bad-date.txt"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].caption(), "JOHN TEST");
  EXPECT_EQ(list->entities[0].listed_on, "");
  EXPECT_TRUE(
      HasRemark(list->entities[0], "Effective_Date '13/45/2018' ignored: not a valid date"));
  EXPECT_EQ(list->entities[0].countries, std::vector<std::string>{"us"});
}

TEST(BisDplTest, BrokenQuotingIsAnErrorWithLine) {
  Result<ParsedList> list = ParseFile(TestData("dpl/broken-quote.txt"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("dpl/broken-quote.txt") + ":3:24: unexpected character after closing quote");
}

TEST(BisDplTest, MissingColumnIsAnError) {
  Result<ParsedList> list = ParseBisDpl("dpl.txt", "Name\tCity\nX\tY\n");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            "dpl.txt:1: missing column 'Effective_Date' in the DPL header");
}

TEST(BisDplTest, RecognisesTheHeader) {
  EXPECT_TRUE(IsDplHeader({"Name", "Street_Address", "Effective_Date", "FR_Citation"}));
  EXPECT_FALSE(IsDplHeader({"id", "name"}));
}

}  // namespace
}  // namespace embargo
