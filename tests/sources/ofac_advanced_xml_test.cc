#include "sources/ofac_advanced_xml.h"

#include <gtest/gtest.h>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::FindEntity;
using testing::SharedData;

constexpr char kFile[] = "ofac/xml/cons-advanced-2020-03-17.xml";

std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseOfacAdvancedXml, "adv.xml", bytes);
}

const ParsedList& Advanced() {
  static const ParsedList list = testing::ParseOrFail(&ParseOfacAdvancedXml, SharedData(kFile));
  return list;
}

std::vector<std::string> IdsOf(const Entity& e) {
  std::vector<std::string> ids;
  for (const Identifier& id : e.identifiers)
    ids.push_back(std::string(IdTypeName(id.type)) + " " + id.value + " " + id.country);
  return ids;
}

TEST(OfacAdvancedXmlTest, EveryDistinctPartyIsAnEntity) {
  EXPECT_EQ(DetectListFormat(kFile, testing::SharedBytes(kFile)), ListFormat::kOfacAdvancedXml);
  const ParsedList& list = Advanced();
  EXPECT_EQ(list.dataset.name, "us_ofac_cons");  // entries on the non-SDN lists
  EXPECT_EQ(list.dataset.format, "ofac_advanced_xml");
  EXPECT_EQ(list.dataset.version_date, "2020-03-17");
  ASSERT_EQ(list.entities.size(), 375u);  // 375 <DistinctParty>
  size_t names = 0, people = 0;
  for (const Entity& e : list.entities) {
    names += e.names.size();
    people += e.schema == Schema::kPerson;
  }
  // 1,290 <DocumentedName>; one of 18769's two "Vysokotochnye Kompleksy"
  // a.k.a.s is kept.
  EXPECT_EQ(names, 1289u);
  EXPECT_EQ(people, 82u);  // PartySubTypeID 4: Individual
}

TEST(OfacAdvancedXmlTest, APersonWithPassportBirthDateAndCitizenship) {
  const Entity* e = FindEntity(Advanced(), "us_ofac_cons-17526");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  // Last Name part in capitals as in OFAC's other formats (here "Bektas"),
  // then the First Name part.
  EXPECT_EQ(e->caption(), "BEKTAS, Halis");
  ASSERT_EQ(e->names[0].parts.size(), 2u);
  EXPECT_EQ(e->names[0].parts[0].value, "BEKTAS");
  EXPECT_EQ(IdsOf(*e), std::vector<std::string>{"passport X0906223 ch"});
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1966-02-13");        // a one-day period
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"ch"});  // Citizenship Country
  EXPECT_EQ(e->listed_on, "2014-12-17");                        // the date of its three entries
}

TEST(OfacAdvancedXmlTest, AWholeYearPeriodIsTheYear) {
  const Entity* e = FindEntity(Advanced(), "us_ofac_cons-9639");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption(), "HANIYA, Ismail Abdul Salah");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1962");  // 1962-01-01 .. 1962-12-31
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"Shati"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"NS-PLC"});
  std::vector<std::string> names;
  for (const Name& n : e->names) names.push_back(std::string(NameKindName(n.kind)) + ":" + n.value);
  EXPECT_EQ(names, (std::vector<std::string>{"primary:HANIYA, Ismail Abdul Salah",
                                             "alias:HANIYA, Ismail", "alias:HANIYYA, Ismaeel"}));
}

TEST(OfacAdvancedXmlTest, BanksWithTheirIdentifiersAndASubsidiarysOwner) {
  const Entity* e = FindEntity(Advanced(), "us_ofac_cons-17018");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption(), "SBERBANK OF RUSSIA");  // "Sberbank of Russia" in the file
  EXPECT_EQ(IdsOf(*e), std::vector<std::string>{"swift_bic SABRRUMM "});
  const Entity* vtb = FindEntity(Advanced(), "us_ofac_cons-17013");
  ASSERT_NE(vtb, nullptr);
  EXPECT_EQ(IdsOf(*vtb),
            (std::vector<std::string>{"swift_bic VTBRRUMM ", "registration 1027739609391 ru",
                                      "registration 00032520 ru", "tax 7702070139 ru"}));
  // A subsidiary's relationship names the owner by id and name.
  const Entity* subsidiary = FindEntity(Advanced(), "us_ofac_cons-18267");
  ASSERT_NE(subsidiary, nullptr);
  ASSERT_FALSE(subsidiary->links.empty());
  EXPECT_EQ(subsidiary->links[0].relation, "Owned or Controlled By");
  EXPECT_EQ(subsidiary->links[0].target_id, "us_ofac_cons-17022");
  EXPECT_EQ(subsidiary->links[0].target_name,
            FindEntity(Advanced(), "us_ofac_cons-17022")->caption());
}

// A file cut after the reference values, a dangling ID, a party without a
// name: an error with its line, nothing loaded.
TEST(OfacAdvancedXmlTest, BrokenFilesAreErrorsWithTheirLine) {
  const std::string head =
      "<Sanctions xmlns=\"http://www.un.org/sanctions/1.0\">\n<ReferenceValueSets>\n"
      "<PartySubTypeValues><PartySubType ID=\"4\" PartyTypeID=\"1\">Unknown</PartySubType>"
      "</PartySubTypeValues>\n<PartyTypeValues><PartyType ID=\"1\">Individual</PartyType>"
      "</PartyTypeValues>\n</ReferenceValueSets>\n";
  EXPECT_EQ(ErrorOf(head + "</Sanctions>"),
            "adv.xml:1: no <ReferenceValueSets> or <DistinctParties> in <Sanctions>: the file "
            "looks cut short");
  EXPECT_EQ(
      ErrorOf(head + "<DistinctParties>\n<DistinctParty><Profile ID=\"7\" "
                     "PartySubTypeID=\"4\"/></DistinctParty>\n</DistinctParties></Sanctions>"),
      "adv.xml:7: profile 7 has no name");
  EXPECT_EQ(
      ErrorOf(head + "<DistinctParties>\n<DistinctParty><Profile ID=\"7\" "
                     "PartySubTypeID=\"9\"/></DistinctParty>\n</DistinctParties></Sanctions>"),
      "adv.xml:7: <Profile PartySubTypeID=\"9\">: no such ID in the reference values");
  std::string bytes = testing::SharedBytes(kFile);
  EXPECT_EQ(ErrorOf(bytes.substr(0, bytes.size() / 2)).rfind("adv.xml:", 0), 0u);
}

}  // namespace
}  // namespace embargo
