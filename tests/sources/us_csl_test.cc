#include "sources/us_csl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

Result<ParsedList> ParseFile(const std::string& path) {
  return testing::ParseFileWith(&ParseUsCsl, path);
}

const ParsedList& Sample() {
  static const ParsedList list = testing::ParseOrFail(&ParseUsCsl, SharedData("us/csl-sample.csv"));
  return list;
}

const Entity* FindByName(const ParsedList& list, std::string_view name) {
  for (const Entity& e : list.entities) {
    if (e.caption() == name) return &e;
  }
  return nullptr;
}

size_t CountSchema(const ParsedList& list, Schema schema) {
  return std::count_if(list.entities.begin(), list.entities.end(),
                       [&](const Entity& e) { return e.schema == schema; });
}

// The sample's source column: 22 Entity List, 8 Denied Persons and 4
// Unverified List rows (BIS: export controls), 10 ITAR debarments, and 71
// Treasury and State sanctions rows (SDN 28, SSI 26, PLC 13, ISN 3, CAP 1).
TEST(CslTest, EachRowIsListedForWhatItsSourceListIsFor) {
  std::map<std::string, size_t> by_topic;
  for (const Entity& e : Sample().entities) {
    ASSERT_EQ(e.topics.size(), 1u) << e.id;
    ++by_topic[e.topics[0]];
  }
  EXPECT_EQ(by_topic, (std::map<std::string, size_t>{
                          {"export.control", 34}, {"debarment", 10}, {"sanction", 71}}));
}

TEST(CslTest, AnUnknownSourceLeavesTheDefaultTopic) {
  std::string header;
  std::getline(std::ifstream(SharedData("us/csl-sample.csv")), header);
  std::string csv =
      header + "\nSome New List (SNL) - Commerce,,,,ACME" + std::string(23, ',') + "\n";
  auto list = ParseUsCsl("new.csv", csv);
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_TRUE(list->entities[0].topics.empty());
  EXPECT_EQ(list->entities[0].topics_or_default(), std::vector<std::string>{"sanction"});
}

TEST(CslTest, OneEntityPerSampleRow) {
  EXPECT_EQ(Sample().entities.size(), 115u);
  EXPECT_EQ(Sample().dataset.name, "us_trade_csl");
  EXPECT_EQ(Sample().dataset.format, "us_csl");
}

TEST(CslTest, MapsTypeToSchema) {
  EXPECT_EQ(CountSchema(Sample(), Schema::kPerson), 20u);
  EXPECT_EQ(CountSchema(Sample(), Schema::kOrganization), 46u);
  EXPECT_EQ(CountSchema(Sample(), Schema::kVessel), 2u);
  EXPECT_EQ(CountSchema(Sample(), Schema::kLegalEntity), 47u);
}

TEST(CslTest, SplitsAltNamesIntoAliases) {
  size_t aliases = 0;
  for (const Entity& e : Sample().entities) aliases += e.names.size() - 1;
  EXPECT_EQ(aliases, 161u);
  const Entity* canada = FindByName(Sample(), "2904977 CANADA, INC.");
  ASSERT_NE(canada, nullptr);
  EXPECT_EQ(canada->source_id, "8124");
  EXPECT_EQ(canada->id, "us_trade_csl-8124");
  ASSERT_EQ(canada->names.size(), 3u);
  EXPECT_EQ(canada->names[1].value, "CARIBE SOL");
  EXPECT_EQ(canada->names[1].kind, NameKind::kAlias);
  EXPECT_EQ(canada->names[2].value, "HAVANTUR CANADA INC.");
}

TEST(CslTest, IndividualNameIsSplitAtTheComma) {
  const Entity* abu = FindByName(Sample(), "ABU HASSAN, Khaled");
  ASSERT_NE(abu, nullptr);
  EXPECT_EQ(abu->schema, Schema::kPerson);
  ASSERT_EQ(abu->names[0].parts.size(), 2u);
  EXPECT_EQ(abu->names[0].parts[0].type, NamePartType::kFamily);
  EXPECT_EQ(abu->names[0].parts[0].value, "ABU HASSAN");
  EXPECT_EQ(abu->names[0].parts[1].value, "Khaled");
  ASSERT_EQ(abu->birth_dates.size(), 1u);
  EXPECT_EQ(abu->birth_dates[0].ToString(), "1967");
}

TEST(CslTest, ParsesCountryNumberLabelIds) {
  const Entity* psa = FindByName(Sample(), "200G PSA HOLDINGS LLC");
  ASSERT_NE(psa, nullptr);
  ASSERT_EQ(psa->identifiers.size(), 1u);
  EXPECT_EQ(psa->identifiers[0].type, IdType::kTax);
  EXPECT_EQ(psa->identifiers[0].value, "80-0890696");
  EXPECT_EQ(psa->identifiers[0].country, "us");
  EXPECT_EQ(psa->identifiers[0].label, "Tax ID No.");
}

TEST(CslTest, VesselGetsImoAndFlagAndKeepsSanctionNotesAsRemarks) {
  const Entity* vessel = FindByName(Sample(), "7-28");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->schema, Schema::kVessel);
  ASSERT_EQ(vessel->identifiers.size(), 1u);
  EXPECT_EQ(vessel->identifiers[0].type, IdType::kImo);
  EXPECT_EQ(vessel->identifiers[0].value, "8898831");
  EXPECT_EQ(vessel->countries, std::vector<std::string>{"kp"});
  EXPECT_NE(std::find(vessel->remarks.begin(), vessel->remarks.end(),
                      "Secondary sanctions risk: North Korea Sanctions Regulations, sections "
                      "510.201 and 510.210"),
            vessel->remarks.end());
}

TEST(CslTest, KeepsTheSubListAsRemark) {
  const Entity* vessel = FindByName(Sample(), "7-28");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->remarks.back(),
            "CSL source: Specially Designated Nationals (SDN) - Treasury Department");
  EXPECT_EQ(vessel->programs, std::vector<std::string>{"DPRK4"});
}

TEST(CslTest, RowsWithoutEntityNumberGetUniqueHashedIds) {
  std::set<std::string> ids;
  for (const Entity& e : Sample().entities) ids.insert(e.id);
  EXPECT_EQ(ids.size(), Sample().entities.size());
  size_t migeotte =
      std::count_if(Sample().entities.begin(), Sample().entities.end(),
                    [](const Entity& e) { return e.caption() == "Gunther Migeotte"; });
  EXPECT_EQ(migeotte, 5u);
}

TEST(CslTest, StartDateIsListedOn) {
  const Entity* hernandez = FindByName(Sample(), "ADRIAN MANUEL HERNANDEZ");
  ASSERT_NE(hernandez, nullptr);
  EXPECT_EQ(hernandez->listed_on, "2017-10-16");
  EXPECT_EQ(hernandez->schema, Schema::kLegalEntity);
}

TEST(CslTest, HeaderWithIdColumnUsesItWhenEntityNumberIsEmpty) {
  Result<ParsedList> list = ParseFile(TestData("csl/with-id-column.csv"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].id, "us_trade_csl-a1b2c3");
  EXPECT_EQ(list->entities[0].countries, std::vector<std::string>{"cn"});
  const Entity& kim = list->entities[1];
  EXPECT_EQ(kim.id, "us_trade_csl-30001");
  ASSERT_EQ(kim.birth_dates.size(), 2u);
  EXPECT_EQ(kim.birth_dates[0].ToString(), "1970-01-02");
  EXPECT_EQ(kim.nationalities, std::vector<std::string>{"kp"});
  EXPECT_EQ(kim.birth_places, std::vector<std::string>{"Pyongyang"});
  ASSERT_EQ(kim.identifiers.size(), 2u);
  EXPECT_EQ(kim.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(kim.identifiers[1].type, IdType::kNationalId);
}

TEST(CslTest, BrokenQuotingIsAnErrorWithLine) {
  Result<ParsedList> list = ParseFile(TestData("csl/broken-quote.csv"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(), TestData("csl/broken-quote.csv") +
                                         ":2:55: unterminated quoted field (missing closing '\"')");
}

TEST(CslTest, ShortRowIsAnErrorWithLine) {
  Result<ParsedList> list = ParseFile(TestData("csl/short-row.csv"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("csl/short-row.csv") + ":2: expected 28 fields as in the header, found 8");
}

TEST(CslTest, EmptyFileIsAnError) {
  Result<ParsedList> list = ParseUsCsl("empty.csv", "");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(), "empty.csv:1: empty file: expected the CSL header row");
}

TEST(CslTest, RecognisesTheHeader) {
  EXPECT_TRUE(IsCslHeader({"source", "entity_number", "type", "programs", "name", "alt_names"}));
  EXPECT_FALSE(IsCslHeader({"id", "name", "aliases"}));
}

}  // namespace
}  // namespace embargo
