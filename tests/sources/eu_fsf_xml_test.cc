#include "sources/eu_fsf_xml.h"

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

constexpr char kFile[] = "eu/fsf-excerpt-2026-08-05.xml";

std::string Bytes() { return testing::SharedBytes(kFile); }
std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseEuFsfXml, "eu.xml", bytes);
}

const ParsedList& Eu() {
  static const ParsedList list = testing::ParseOrFail(&ParseEuFsfXml, SharedData(kFile));
  return list;
}

TEST(EuFsfXmlTest, DetectedFromContent) {
  EXPECT_EQ(DetectListFormat("any.xml", Bytes()), ListFormat::kEuFsfXml);
  EXPECT_EQ(DetectListFormat("any.xml", "<export><sanctionEntity/></export>"),
            ListFormat::kUnknown);
}

TEST(EuFsfXmlTest, CountsTheExcerptsRecordsAndNames) {
  const ParsedList& list = Eu();
  EXPECT_EQ(list.dataset.name, "eu_fsf");
  EXPECT_EQ(list.dataset.format, "eu_fsf_xml");
  EXPECT_EQ(list.dataset.version_date, "2026-08-05");
  ASSERT_EQ(list.entities.size(), 4u);
  size_t names = 0, people = 0;
  for (const Entity& e : list.entities) {
    names += e.names.size();
    people += e.schema == Schema::kPerson;
  }
  EXPECT_EQ(names, 23u);  // one per nameAlias: none repeats within its record
  EXPECT_EQ(people, 2u);
}

TEST(EuFsfXmlTest, APersonWithHisBirthAndPassport) {
  const Entity* e = FindEntity(Eu(), "eu_fsf-EU.3579.2");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->caption(), "Bin Khalid Fahd Bin Adballah");  // the first nameAlias
  ASSERT_GE(e->names.size(), 6u);
  EXPECT_EQ(e->names[5].value, "Khalid Sheikh MOHAMMED");
  ASSERT_EQ(e->names[5].parts.size(), 2u);
  EXPECT_EQ(e->names[5].parts[0].value, "Khalid Sheikh");
  EXPECT_EQ(e->names[5].parts[1].type, NamePartType::kFamily);
  EXPECT_EQ(e->gender, Gender::kMale);
  ASSERT_EQ(e->birth_dates.size(), 2u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1965-04-14");
  EXPECT_EQ(e->birth_dates[1].ToString(), "1964-03-01");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"PAKISTAN"});  // city "-" is no city
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(e->identifiers[0].value, "488555");
  EXPECT_EQ(e->identifiers[0].country, "");  // countryIso2Code "00": UNKNOWN
}

TEST(EuFsfXmlTest, SaddamHusseinWithCitizenshipBirthPlaceAndAliases) {
  const Entity* e = FindEntity(Eu(), "eu_fsf-EU.27.28");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(KindsAndNames(*e), (std::vector<std::string>{"primary:Saddam Hussein Al-Tikriti",
                                                         "alias:Abu Ali", "alias:Abou Ali"}));
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"iq"});
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1937-04-28");
  EXPECT_EQ(e->birth_places, std::vector<std::string>{"al-Awja, near Tikrit, IRAQ"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"IRQ"});
  EXPECT_EQ(e->listed_on, "2003-07-08");  // the regulation's publication
  EXPECT_EQ(e->remarks, std::vector<std::string>{"UNSC RESOLUTION 1483"});
}

TEST(EuFsfXmlTest, AFirmWithAliasesInTwoScriptsAndItsAddresses) {
  const Entity* e = FindEntity(Eu(), "eu_fsf-EU.522.39");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption(), "Al-Rasheed Trust");
  bool cyrillic = false, latin = false;
  for (const Name& n : e->names) {
    cyrillic |= n.value == "Организация за подпомагане на Ulema, Пакистан";
    latin |= n.value == "Aid Organisation of the Ulema, Pakistan";
  }
  EXPECT_TRUE(cyrillic);
  EXPECT_TRUE(latin);
  EXPECT_EQ(e->listed_on, "2001-10-06");  // designationDate
  EXPECT_EQ(e->countries, std::vector<std::string>{"pk"});
  ASSERT_FALSE(e->addresses.empty());
  EXPECT_EQ(e->addresses[0].city, "Karachi");
  EXPECT_EQ(e->addresses[0].full,
            "302b-40 Good Earth Court, Opposite Pia Planitarium, Block 13a, Gushan-I Igbal, "
            "Karachi, PAKISTAN");
  bool founded = false;  // a remark given on one of its names
  for (const std::string& r : e->remarks) founded |= r.find("Founded by Mufti") != r.npos;
  EXPECT_TRUE(founded);
}

TEST(EuFsfXmlTest, MalformedInputIsAnErrorWithItsLineAndNothingIsLoaded) {
  std::string bytes = Bytes();
  EXPECT_EQ(ErrorOf(bytes.substr(0, bytes.size() / 2)).rfind("eu.xml:", 0), 0u);
  EXPECT_NE(ErrorOf(bytes.substr(0, bytes.size() / 2)).find("malformed XML"), std::string::npos);
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<other/>"),
            "eu.xml:2: expected root element export, found 'other'");
  EXPECT_EQ(ErrorOf("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">\n</export>"),
            "eu.xml:1: no sanctionEntity in the export");
  EXPECT_EQ(ErrorOf("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">\n"
                    "<sanctionEntity euReferenceNumber=\"EU.1.1\">\n"
                    "<nameAlias wholeName=\"\"/></sanctionEntity></export>"),
            "eu.xml:2: sanctionEntity EU.1.1 has no name (no nameAlias with a wholeName or name "
            "parts)");
  EXPECT_EQ(ErrorOf("<export>\n<sanctionEntity><nameAlias wholeName=\"X\"/></sanctionEntity>"
                    "</export>"),
            "eu.xml:2: sanctionEntity without euReferenceNumber or logicalId");
  EXPECT_NE(ErrorOf("<export>\xff</export>").find("invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace embargo
