#include "sources/ofsi_csv.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/free_text.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::ParseOrFail;
using testing::SharedData;

const ParsedList& Ofsi() {
  static const ParsedList list =
      ParseOrFail(ParseOfsiCsv, SharedData("uk/ofsi-conlist-2018-04-13.csv"));
  return list;
}

const Entity* ById(const std::string& id) { return testing::FindEntity(Ofsi(), id); }

std::vector<std::string> IdsOf(const Entity& e, IdType type) {
  std::vector<std::string> out;
  for (const Identifier& id : e.identifiers)
    if (id.type == type) out.push_back(id.value);
  return out;
}

std::vector<std::string> UnRefsOf(const Entity& e) {
  std::vector<std::string> out;
  for (const Identifier& id : e.identifiers)
    if (id.label == kUnReferenceLabel) out.push_back(id.value);
  return out;
}

TEST(OfsiCsvTest, DetectedFromContent) {
  std::string head = "Last Updated,13/04/2018\nName 6,Name 1,Group ID\n";
  EXPECT_EQ(DetectListFormat("list.csv", head), ListFormat::kOfsiCsv);
  EXPECT_EQ(DetectListFormat("list.csv", "Last Updated,13/04/2018\nName,Other\n"),
            ListFormat::kUnknown);
}

TEST(OfsiCsvTest, CountsGroupsAndDistinctNames) {
  // 9,487 rows (one per name, birth date, address ...) make 2,106 groups
  // holding 5,553 distinct names: 2,106 primary, 3,438 a.k.a., 9 f.k.a.
  const ParsedList& list = Ofsi();
  EXPECT_EQ(list.dataset.name, "gb_hmt_sanctions");
  EXPECT_EQ(list.dataset.format, "ofsi_csv");
  EXPECT_EQ(list.dataset.version_date, "2018-04-13");
  ASSERT_EQ(list.entities.size(), 2106u);
  size_t names = 0, previous = 0;
  for (const Entity& e : list.entities) {
    names += e.names.size();
    previous += std::count_if(e.names.begin(), e.names.end(),
                              [](const Name& n) { return n.kind == NameKind::kPreviousName; });
    EXPECT_EQ(e.names[0].kind, NameKind::kPrimary) << e.id;
  }
  EXPECT_EQ(names, 5553u);
  EXPECT_EQ(previous, 9u);
}

TEST(OfsiCsvTest, SchemasFromGroupTypeAndImo) {
  size_t people = 0, organisations = 0, vessels = 0;
  for (const Entity& e : Ofsi().entities) {
    people += e.schema == Schema::kPerson;
    organisations += e.schema == Schema::kOrganization;
    vessels += e.schema == Schema::kVessel;
  }
  EXPECT_EQ(people, 1426u);
  EXPECT_EQ(organisations + vessels, 680u);
  // 27 entities give an IMO number: 25 ships, and two shipping companies
  // (Chong-Chongang Shipping, Korea Yujong Shipping) whose number is a
  // company's, so they stay organisations.
  EXPECT_EQ(vessels, 25u);
}

TEST(OfsiCsvTest, PersonWithPassportAndUnReference) {
  // HAN Jang Su (UN KPi.055): Name 1 "Jang", Name 2 "Su", Name 6 "HAN".
  const Entity* han = ById("gb_hmt_sanctions-13528");
  ASSERT_NE(han, nullptr);
  EXPECT_EQ(han->schema, Schema::kPerson);
  EXPECT_EQ(testing::KindsAndNames(*han),
            (std::vector<std::string>{"primary:Jang Su HAN", "alias:Han CHANG-SU"}));
  ASSERT_EQ(han->names[0].parts.size(), 3u);
  EXPECT_EQ(han->names[0].parts[2].type, NamePartType::kFamily);
  EXPECT_EQ(han->names[0].parts[2].value, "HAN");
  EXPECT_EQ(IdsOf(*han, IdType::kPassport), (std::vector<std::string>{"745420176"}));
  EXPECT_EQ(UnRefsOf(*han), (std::vector<std::string>{"KPi.055"}));
  ASSERT_EQ(han->birth_dates.size(), 1u);
  EXPECT_EQ(han->birth_dates[0].ToString(), "1969-11-08");
}

TEST(OfsiCsvTest, EntityWithAliases) {
  const Entity* academy = ById("gb_hmt_sanctions-12871");
  ASSERT_NE(academy, nullptr);
  EXPECT_EQ(academy->schema, Schema::kOrganization);
  EXPECT_EQ(academy->caption(), "SECOND ACADEMY OF NATURAL SCIENCES");
  EXPECT_EQ(academy->names.size(), 9u);
  EXPECT_EQ(UnRefsOf(*academy), (std::vector<std::string>{"KPe.018"}));
  EXPECT_EQ(academy->programs,
            (std::vector<std::string>{"North Korea (Democratic People's Republic of Korea)"}));
}

TEST(OfsiCsvTest, VesselWithImo) {
  const Entity* ship = ById("gb_hmt_sanctions-13556");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  EXPECT_EQ(ship->caption(), "TONG SAN 2");
  EXPECT_EQ(IdsOf(*ship, IdType::kImo), (std::vector<std::string>{"8937675"}));
}

TEST(OfsiCsvTest, UnknownDayAndMonthAreAPartialDateAndWindows1252IsDecoded) {
  // AL-QAHTANI, Sheikh Farooq: DOB 00/00/1980 and 00/00/1981 on two rows.
  const Entity* farooq = ById("gb_hmt_sanctions-13349");
  ASSERT_NE(farooq, nullptr);
  ASSERT_EQ(farooq->birth_dates.size(), 2u);
  EXPECT_EQ(farooq->birth_dates[0].ToString(), "1980");
  EXPECT_EQ(UnRefsOf(*farooq), (std::vector<std::string>{"QDe.004"}));
  EXPECT_EQ(farooq->nationalities, (std::vector<std::string>{"sa", "qa"}));
  bool curly_quote = false;
  for (const Entity& e : Ofsi().entities)
    for (const std::string& r : e.remarks) curly_quote |= r.find("\u2018PK5\u2019") != r.npos;
  EXPECT_TRUE(curly_quote);  // 0x91/0x92 in the file
}

TEST(OfsiCsvTest, BadRowsAreErrorsWithTheirLine) {
  std::string header =
      "Last Updated,13/04/2018\nName 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of "
      "Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address "
      "2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group "
      "Type,Alias Type,Regime,Listed On,Group ID\n";
  std::string good = "KIM,Il,,,,,,,,,,,,,,,,,,,,,,Individual,Prime Alias,Regime,01/02/2017,1\n";
  auto short_row = ParseOfsiCsv("uk.csv", header + good + "KIM,Il\n");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.error().ToString(), "uk.csv:4: expected 28 fields as in the header, found 2");
  std::string ship = good;
  ship.replace(ship.find("Individual"), 10, "Aircraft");
  EXPECT_EQ(ParseOfsiCsv("uk.csv", header + ship).error().ToString(),
            "uk.csv:3: unknown Group Type 'Aircraft'");
  EXPECT_EQ(ParseOfsiCsv("uk.csv", header).error().ToString(),
            "uk.csv:2: no records after the header");
  EXPECT_EQ(ParseOfsiCsv("uk.csv", "Name 6,Group ID\n").error().ToString(),
            "uk.csv:1: expected 'Last Updated,dd/mm/yyyy' then the OFSI header");
  auto parsed = ParseOfsiCsv("uk.csv", header + good);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed->entities[0].listed_on, "2017-02-01");
}

}  // namespace
}  // namespace embargo
