#include "sources/eu_fsf_csv.h"

#include <gtest/gtest.h>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::FindEntity;
using testing::SharedData;

constexpr char kFile[] = "eu/fsf-csv-2018-07-04-first1000lines.csv";

std::string Bytes() { return testing::SharedBytes(kFile); }
std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseEuFsfCsv, "eu.csv", bytes);
}

const ParsedList& EuCsv() {
  static const ParsedList list = testing::ParseOrFail(&ParseEuFsfCsv, SharedData(kFile));
  return list;
}

TEST(EuFsfCsvTest, DetectedFromContentAndGroupedIntoEntities) {
  EXPECT_EQ(DetectListFormat("x.csv", Bytes()), ListFormat::kEuFsfCsv);
  const ParsedList& list = EuCsv();
  EXPECT_EQ(list.dataset.name, "eu_fsf");
  EXPECT_EQ(list.dataset.format, "eu_fsf_csv");
  EXPECT_EQ(list.dataset.version_date, "2018-07-04");
  size_t names = 0;
  for (const Entity& e : list.entities) names += e.names.size();
  // 999 rows (the file's first 1,000 lines) of 93 entities; 743 distinct
  // names (a name is repeated on a row for each regulation naming it).
  EXPECT_EQ(list.entities.size(), 93u);
  EXPECT_EQ(names, 743u);
}

TEST(EuFsfCsvTest, RobertMugabeWithHisBirthAndPassport) {
  const Entity* e = FindEntity(EuCsv(), "eu_fsf-EU.36.64");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption(), "Robert Gabriel Mugabe");
  ASSERT_EQ(e->names[0].parts.size(), 3u);
  EXPECT_EQ(e->names[0].parts[2].value, "Mugabe");
  EXPECT_EQ(e->gender, Gender::kMale);
  ASSERT_FALSE(e->birth_dates.empty());
  EXPECT_EQ(e->birth_dates[0].ToString(), "1924-02-21");
  EXPECT_EQ(e->programs.front(), "ZWE");
  ASSERT_FALSE(e->identifiers.empty());
  EXPECT_EQ(e->identifiers[0].value, "AD001095");
  EXPECT_EQ(e->identifiers[0].type, IdType::kPassport);
}

TEST(EuFsfCsvTest, AFieldQuotedBecauseItHoldsTheSeparator) {
  // Line 55: ""Former Governor of Karbala and An Najaf;"" is one field.
  const Entity* e = FindEntity(EuCsv(), "eu_fsf-EU.85.7");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption(), "Aziz Salih al-Numan");
  bool function = false;
  for (const std::string& r : e->remarks)
    function |= r == "Function: Former Governor of Karbala and An Najaf;";
  EXPECT_TRUE(function);
}

TEST(EuFsfCsvTest, BrokenInputIsAnErrorWithItsLine) {
  std::string bytes = Bytes();
  size_t second = bytes.find('\n') + 1;
  EXPECT_EQ(ErrorOf(bytes.substr(0, second) + "\"04/07/2018;1;P\"\n"),
            "eu.csv:2: 3 fields, the header has 59");
  EXPECT_EQ(ErrorOf("\"Date_file;Entity_logical_id;Subject_type\"\n"),
            "eu.csv:1: no column Leba_publication_date in the header");
  std::string header = bytes.substr(0, second);
  std::string row = bytes.substr(second, bytes.find('\n', second) + 1 - second);
  std::string bad_date = row;
  bad_date.replace(1, 10, "2018-07-04");
  EXPECT_EQ(ErrorOf(header + bad_date), "eu.csv:2: file date '2018-07-04' is not dd/mm/yyyy");
}

}  // namespace
}  // namespace embargo
