#include "sources/uk_fcdo_xml.h"

#include <gtest/gtest.h>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/free_text.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::FindEntity;
using testing::KindsAndNames;
using testing::SharedData;

constexpr char kFile[] = "uk/uk-sanctions-list-excerpt-2026-08-14.xml";

std::string Bytes() { return testing::SharedBytes(kFile); }
std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseUkFcdoXml, "uk.xml", bytes);
}

const ParsedList& Uk() {
  static const ParsedList list = testing::ParseOrFail(&ParseUkFcdoXml, SharedData(kFile));
  return list;
}

std::vector<std::string> Ids(const Entity& e, IdType type) {
  std::vector<std::string> out;
  for (const Identifier& id : e.identifiers)
    if (id.type == type) out.push_back(id.value);
  return out;
}

TEST(UkFcdoXmlTest, DetectedFromContent) {
  EXPECT_EQ(DetectListFormat("any.xml", Bytes()), ListFormat::kUkFcdoXml);
}

TEST(UkFcdoXmlTest, CountsTheExcerptsDesignationsAndNames) {
  const ParsedList& list = Uk();
  EXPECT_EQ(list.dataset.name, "gb_fcdo_sanctions");
  EXPECT_EQ(list.dataset.format, "uk_fcdo_xml");
  EXPECT_EQ(list.dataset.version_date, "2026-08-14");
  ASSERT_EQ(list.entities.size(), 4u);
  size_t names = 0;
  for (const Entity& e : list.entities) names += e.names.size();
  EXPECT_EQ(names, 17u);  // 14 Name + 3 NonLatinName
}

TEST(UkFcdoXmlTest, APersonWithPassportsBirthDatesAndAnArabicScriptName) {
  const Entity* e = FindEntity(Uk(), "gb_fcdo_sanctions-AFG0011");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(KindsAndNames(*e),
            (std::vector<std::string>{"primary:ABDUL LATIF MANSUR", "alias:Abdul Latif MANSOOR",
                                      "alias:Wali MOHAMMAD", "alias:عبد اللطيف منصور"}));
  ASSERT_EQ(e->names[0].parts.size(), 3u);
  EXPECT_EQ(e->names[0].parts[2].type, NamePartType::kFamily);
  EXPECT_EQ(e->names[0].parts[2].value, "MANSUR");
  EXPECT_EQ(Ids(*e, IdType::kPassport), (std::vector<std::string>{"D0009720", "D0010442"}));
  ASSERT_EQ(e->birth_dates.size(), 2u);  // "dd/mm/1968", "12/11/1967" (given twice)
  EXPECT_EQ(e->birth_dates[0].ToString(), "1968");
  EXPECT_EQ(e->birth_dates[1].ToString(), "1967-11-12");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"af"});
  EXPECT_EQ(e->listed_on, "2001-01-31");
  ASSERT_FALSE(e->identifiers.empty());
  bool un = false;
  for (const Identifier& id : e->identifiers)
    un |= id.label == kUnReferenceLabel && id.value == "TAi.007";
  EXPECT_TRUE(un);
  EXPECT_EQ(e->birth_places.front(), "Zurmat District, Paktia Province, Afghanistan");
  EXPECT_EQ(e->addresses.size(), 1u);
  EXPECT_EQ(e->addresses[0].full, "Darul Aman, Kabul, Afghanistan");
  EXPECT_EQ(e->countries, std::vector<std::string>{"af"});
}

TEST(UkFcdoXmlTest, LowQualityAliasesAreWeakAndOtherIdentifiersKeepTheirLabel) {
  const Entity* e = FindEntity(Uk(), "gb_fcdo_sanctions-AQD0128");
  ASSERT_NE(e, nullptr);
  std::vector<std::string> weak;
  for (const Name& n : e->names)
    if (n.kind == NameKind::kWeakAlias) weak.push_back(n.value);
  EXPECT_EQ(weak, (std::vector<std::string>{"Abu Akram", "Abu Jarrah"}));
  ASSERT_EQ(Ids(*e, IdType::kNationalId), std::vector<std::string>{"0075258"});
  bool ration = false;
  for (const Identifier& id : e->identifiers) ration |= id.label == "Ration card no.";
  EXPECT_TRUE(ration);
}

TEST(UkFcdoXmlTest, AGroupWithACyrillicAlias) {
  const Entity* e = FindEntity(Uk(), "gb_fcdo_sanctions-AQD0377");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption(), "Khatiba al-Tawhid wal-Jihad (KTJ)");
  EXPECT_EQ(e->names.back().value, "Катиба ат-Таухид валь-Джихад");
}

TEST(UkFcdoXmlTest, AShipWithItsImoFlagsAndOwner) {
  const Entity* e = FindEntity(Uk(), "gb_fcdo_sanctions-DPR0075");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  EXPECT_EQ(e->caption(), "Petrel 8");
  EXPECT_EQ(Ids(*e, IdType::kImo), std::vector<std::string>{"9562233"});
  EXPECT_EQ(e->countries, std::vector<std::string>{"km"});  // Comoros, the current flag
  ASSERT_EQ(e->links.size(), 1u);
  EXPECT_EQ(e->links[0].target_name, "Global United Shipping India");
  EXPECT_EQ(e->former_flags, std::vector<std::string>{"in"});  // India
  EXPECT_EQ(*e->vessel, (VesselFacts{"Bulk Carrier", "7078", "", "2011"}));
  EXPECT_NE(std::find(e->remarks.begin(), e->remarks.end(), "Length: 134.5"), e->remarks.end());
  EXPECT_EQ(e->programs, std::vector<std::string>{"The Democratic People's Republic of Korea "
                                                  "(Sanctions) (EU Exit) Regulations 2019"});
}

TEST(UkFcdoXmlTest, MalformedInputIsAnErrorWithItsLineAndNothingIsLoaded) {
  std::string bytes = Bytes();
  std::string cut = ErrorOf(bytes.substr(0, bytes.size() * 2 / 3));
  EXPECT_EQ(cut.rfind("uk.xml:", 0), 0u) << cut;
  EXPECT_NE(cut.find("malformed XML"), std::string::npos) << cut;
  EXPECT_EQ(ErrorOf("<Designations>\n</Designations>"), "uk.xml:1: no Designation in Designations");
  EXPECT_EQ(ErrorOf("<Designations>\n<Designation><Names/></Designation></Designations>"),
            "uk.xml:2: Designation without UniqueID");
  EXPECT_EQ(ErrorOf("<Designations>\n<Designation><UniqueID>X1</UniqueID><Names/>"
                    "</Designation></Designations>"),
            "uk.xml:2: Designation X1 has no name");
  EXPECT_EQ(ErrorOf("<Other/>"), "uk.xml:1: expected root element Designations, found 'Other'");
}

}  // namespace
}  // namespace embargo
