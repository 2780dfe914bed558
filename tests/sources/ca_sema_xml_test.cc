#include "sources/ca_sema_xml.h"

#include <gtest/gtest.h>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::FindEntity;
using testing::KindsAndNames;
using testing::SharedData;

const ParsedList& Sema() {
  static const ParsedList list =
      testing::ParseOrFail(&ParseCaSemaXml, SharedData("ca/sema-2020-04.xml"));
  return list;
}

std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseCaSemaXml, "sema.xml", bytes);
}

TEST(CaSemaXmlTest, DetectedFromContent) {
  EXPECT_EQ(DetectListFormat("x.xml",
                             "<data-set>\n\t<record>\n\t\t<Country>Iran</Country>\n"
                             "\t\t<Entity>X</Entity><Schedule>1</Schedule>"),
            ListFormat::kCaSemaXml);
}

TEST(CaSemaXmlTest, CountsRecordsPeopleFirmsAndNames) {
  const ParsedList& list = Sema();
  EXPECT_EQ(list.dataset.name, "ca_dfatd_sema_sanctions");
  EXPECT_EQ(list.dataset.format, "ca_sema_xml");
  EXPECT_EQ(list.dataset.version_date, "2020-04");  // from the file's name
  ASSERT_EQ(list.entities.size(), 1369u);
  size_t people = 0, names = 0;
  for (const Entity& e : list.entities) {
    people += e.schema == Schema::kPerson;
    names += e.names.size();
  }
  EXPECT_EQ(people, 985u);  // the records with a LastName; the other 384 name an Entity
  EXPECT_EQ(names, 1525u);
}

TEST(CaSemaXmlTest, AFirmWithItsAliases) {
  const Entity* e = FindEntity(Sema(), "ca_dfatd_sema_sanctions-burma-1-1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(KindsAndNames(*e),
            (std::vector<std::string>{"primary:Air Bagan", "alias:Air Bagan Holdings Pte. Ltd.",
                                      "alias:Air Bagan Limited"}));
  EXPECT_EQ(e->programs, std::vector<std::string>{"Burma / Birmanie"});
}

TEST(CaSemaXmlTest, APersonWithAGivenNameVariantAndABirthDate) {
  const Entity* e = FindEntity(Sema(), "ca_dfatd_sema_sanctions-russia-1-94");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(KindsAndNames(*e), (std::vector<std::string>{"primary:Andrey Igorevich AKIMOV",
                                                         "alias:Andrei Igorevich AKIMOV"}));
  ASSERT_EQ(e->names[0].parts.size(), 2u);
  EXPECT_EQ(e->names[0].parts[1].value, "AKIMOV");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1953-09-22");
}

TEST(CaSemaXmlTest, TwoBirthDatesAndTheRegimeAcronymInTheKey) {
  size_t two_dates = 0, jvcfor = 0;
  for (const Entity& e : Sema().entities) {
    two_dates += e.birth_dates.size() == 2;
    jvcfor += e.source_id.rfind("jvcfor-", 0) == 0;
  }
  EXPECT_EQ(jvcfor, 70u);    // the Justice for Victims of Corrupt Foreign Officials listings
  EXPECT_GE(two_dates, 1u);  // "1972-08-10 or 1972-08-11"
}

TEST(CaSemaXmlTest, NoBreakSpacesAndAnUnknownScheduleAreCleanedUp) {
  // <GivenName>Bharat&#xA0; </GivenName>, <Schedule>N/A</Schedule>
  const Entity* e = FindEntity(Sema(), "ca_dfatd_sema_sanctions-zimbabwe-115");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption(), "Bharat Patel");
}

TEST(CaSemaXmlTest, PartialAliasesAreCompletedFromTheRecord) {
  EXPECT_EQ(
      CompleteSemaAliases("Alexei, Aleksei ", "Alexey Alexandrovich", "PETROV"),
      (std::vector<std::string>{"Alexei Alexandrovich PETROV", "Aleksei Alexandrovich PETROV"}));
  EXPECT_EQ(CompleteSemaAliases("Gennadiy Nikolaevich", "Gennady Nikolayevich", "TIMCHENKO"),
            std::vector<std::string>{"Gennadiy Nikolaevich TIMCHENKO"});
  EXPECT_EQ(CompleteSemaAliases("Aleksei, Oleksii SALYAYEV, SALIAIEV", "Oleksiy", "SALYAEV"),
            (std::vector<std::string>{"Aleksei SALYAEV", "Oleksii SALYAYEV", "Oleksiy SALIAIEV"}));
  EXPECT_EQ(CompleteSemaAliases("Shwe Mann Ko Ko", "Aung Thet", "Mann"),
            std::vector<std::string>{"Shwe Mann Ko Ko"});
  EXPECT_EQ(CompleteSemaAliases("Igor STRELKOV", "Igor Vsevolodovich", "GIRKIN"),
            std::vector<std::string>{"Igor STRELKOV"});
}

TEST(CaSemaXmlTest, MalformedInputIsAnErrorWithItsLine) {
  EXPECT_EQ(ErrorOf("<data-set>\n<record><Country>Iran</Country><Item>1</Item></record>"
                    "</data-set>"),
            "sema.xml:2: record iran-1 has no Entity or LastName");
  EXPECT_EQ(ErrorOf("<data-set>\n<record><Entity>X</Entity></record></data-set>"),
            "sema.xml:2: record without Item");
  EXPECT_EQ(ErrorOf("<data-set>\n<record><Entity>X</Entity><Item>1</Item></record>\n"
                    "<record><Entity>Y</Entity><Item>1</Item></record></data-set>"),
            "sema.xml:3: a second record other-1 (Country, Schedule and Item repeat)");
  EXPECT_EQ(ErrorOf("<data-set>\n<record>"), "sema.xml:2: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf("<data-set>\n</data-set>"), "sema.xml:1: no record in data-set");
}

}  // namespace
}  // namespace embargo
