#include "sources/un_xml.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

Result<ParsedList> ParseFile(const std::string& path) {
  return testing::ParseFileWith(&ParseUnXml, path);
}

// The real list is parsed once for all tests.
const ParsedList& RealList() {
  static const ParsedList list =
      testing::ParseOrFail(&ParseUnXml, SharedData("un/consolidated-2026-02-27.xml"));
  return list;
}

const Entity* Find(const ParsedList& list, std::string_view source_id) {
  auto it = std::find_if(list.entities.begin(), list.entities.end(),
                         [&](const Entity& e) { return e.source_id == source_id; });
  return it == list.entities.end() ? nullptr : &*it;
}

const Name* FindName(const Entity& entity, std::string_view value) {
  for (const Name& name : entity.names) {
    if (name.value == value) return &name;
  }
  return nullptr;
}

TEST(UnXmlTest, CountsIndividualsAndEntitiesOfTheFebruary2026List) {
  const ParsedList& list = RealList();
  auto persons = std::count_if(list.entities.begin(), list.entities.end(),
                               [](const Entity& e) { return e.schema == Schema::kPerson; });
  auto orgs = std::count_if(list.entities.begin(), list.entities.end(),
                            [](const Entity& e) { return e.schema == Schema::kOrganization; });
  EXPECT_EQ(persons, 730);
  EXPECT_EQ(orgs, 273);
}

TEST(UnXmlTest, DatasetMetadataComesFromTheRootElement) {
  const Dataset& dataset = RealList().dataset;
  EXPECT_EQ(dataset.name, "un_sc_sanctions");
  EXPECT_EQ(dataset.format, "un_xml");
  EXPECT_EQ(dataset.version_date, "2026-02-27");
}

TEST(UnXmlTest, CountsTheDprkRegime) {
  const ParsedList& list = RealList();
  auto dprk = std::count_if(list.entities.begin(), list.entities.end(), [](const Entity& e) {
    return std::find(e.programs.begin(), e.programs.end(), "DPRK") != e.programs.end();
  });
  EXPECT_EQ(dprk, 155);
}

TEST(UnXmlTest, HanJangSuHasFamilyNameFirstAndPassport) {
  const Entity* han = Find(RealList(), "KPi.055");
  ASSERT_NE(han, nullptr);
  EXPECT_EQ(han->id, "un_sc_sanctions-KPi.055");
  EXPECT_EQ(han->caption(), "HAN JANG SU");
  ASSERT_EQ(han->names[0].parts.size(), 2u);
  EXPECT_EQ(han->names[0].parts[0].type, NamePartType::kFamily);
  EXPECT_EQ(han->names[0].parts[0].value, "HAN");
  EXPECT_EQ(han->names[0].parts[1].type, NamePartType::kGiven);
  EXPECT_EQ(han->names[0].parts[1].value, "JANG SU");
  ASSERT_EQ(han->identifiers.size(), 1u);
  EXPECT_EQ(han->identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(han->identifiers[0].value, "745420176");
  EXPECT_EQ(han->nationalities, std::vector<std::string>{"kp"});
  ASSERT_EQ(han->birth_dates.size(), 1u);
  EXPECT_EQ(han->birth_dates[0].ToString(), "1969-11-07");
  EXPECT_EQ(han->listed_on, "2017-08-05");
  ASSERT_NE(FindName(*han, "Chang-Su Han"), nullptr);
  EXPECT_EQ(FindName(*han, "Chang-Su Han")->kind, NameKind::kAlias);
}

TEST(UnXmlTest, NonKoreanNamesPutTheGivenNameFirst) {
  const Entity* badege = Find(RealList(), "CDi.001");
  ASSERT_NE(badege, nullptr);
  ASSERT_EQ(badege->names[0].parts.size(), 2u);
  EXPECT_EQ(badege->names[0].parts[0].type, NamePartType::kGiven);
  EXPECT_EQ(badege->names[0].parts[0].value, "ERIC");
  EXPECT_EQ(badege->names[0].parts[1].type, NamePartType::kFamily);
  EXPECT_EQ(badege->names[0].parts[1].value, "BADEGE");
}

TEST(UnXmlTest, SplitsSeveralNamesPackedInOneEntityAlias) {
  const Entity* nusrah = Find(RealList(), "QDe.137");
  ASSERT_NE(nusrah, nullptr);
  for (const char* expected :
       {"Hayat Tahrir al-Sham", "Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "جبهة النصرة",
        "the Victory Front", "Jabhat al-Nusrah", "Tahrir al-Sham Hay’at"}) {
    const Name* name = FindName(*nusrah, expected);
    ASSERT_NE(name, nullptr) << expected;
    EXPECT_EQ(name->kind, NameKind::kAlias) << expected;
  }
}

TEST(UnXmlTest, SplitsScriptNameFollowedByLatinSpellings) {
  EXPECT_EQ(SplitUnAliasNames("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)"),
            (std::vector<std::string>{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"}));
  EXPECT_EQ(
      SplitUnAliasNames("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet"),
      (std::vector<std::string>{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"}));
  EXPECT_EQ(SplitUnAliasNames("Abdullah Sindhi (عبدالله السندي)"),
            (std::vector<std::string>{"Abdullah Sindhi", "عبدالله السندي"}));
  EXPECT_EQ(SplitUnAliasNames("Abubakar (original script: Абубакар)"),
            (std::vector<std::string>{"Abubakar", "Абубакар"}));
  EXPECT_EQ(SplitUnAliasNames("Ansar Network (sub-unit name)"),
            (std::vector<std::string>{"Ansar Network (sub-unit name)"}));
  EXPECT_TRUE(SplitUnAliasNames("").empty());
}

TEST(UnXmlTest, LowQualityAliasIsWeak) {
  const Entity* soleimani = Find(RealList(), "IRi.039");
  ASSERT_NE(soleimani, nullptr);
  ASSERT_NE(FindName(*soleimani, "Haj Qasem"), nullptr);
  EXPECT_EQ(FindName(*soleimani, "Haj Qasem")->kind, NameKind::kWeakAlias);
  ASSERT_NE(FindName(*soleimani, "Kasim Sulaymani"), nullptr);
  EXPECT_EQ(FindName(*soleimani, "Kasim Sulaymani")->kind, NameKind::kAlias);
}

TEST(UnXmlTest, FormerNameIsPreviousName) {
  const Entity* logarcheo = Find(RealList(), "IQe.200");
  ASSERT_NE(logarcheo, nullptr);
  ASSERT_NE(FindName(*logarcheo, "LOGARCHEO AG"), nullptr);
  EXPECT_EQ(FindName(*logarcheo, "LOGARCHEO AG")->kind, NameKind::kPreviousName);
}

TEST(UnXmlTest, BetweenBirthDateIsAYearRange) {
  const Entity* kim = Find(RealList(), "KPi.066");
  ASSERT_NE(kim, nullptr);
  ASSERT_EQ(kim->birth_dates.size(), 1u);
  EXPECT_EQ(kim->birth_dates[0].ToString(), "1967..1969");
}

TEST(UnXmlTest, OriginalScriptNameIsAnAlias) {
  const Entity* entity = Find(RealList(), "QDi.306");
  ASSERT_NE(entity, nullptr);
  ASSERT_NE(FindName(*entity, "مصطفى حجي محمد خان"), nullptr);
  EXPECT_EQ(FindName(*entity, "مصطفى حجي محمد خان")->kind, NameKind::kAlias);
}

TEST(UnXmlTest, ListedOnDropsTheTimeZoneSuffix) {
  const Entity* entity = Find(RealList(), "QDi.352");
  ASSERT_NE(entity, nullptr);
  EXPECT_EQ(entity->listed_on, "2015-04-07");
}

TEST(UnXmlTest, MiniatureCoversEmptyPlaceholdersAndFrenchPassportLabel) {
  Result<ParsedList> list = ParseFile(TestData("un/mini.xml"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  const Entity& pak = list->entities[0];
  EXPECT_EQ(pak.source_id, "KPi.901");
  EXPECT_EQ(pak.gender, Gender::kFemale);
  EXPECT_EQ(pak.birth_dates[0].ToString(), "~1958");
  ASSERT_EQ(pak.identifiers.size(), 1u);
  EXPECT_EQ(pak.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(pak.identifiers[0].value, "927100001");
  EXPECT_EQ(pak.identifiers[0].country, "kp");
  EXPECT_TRUE(pak.addresses.empty());
  ASSERT_EQ(pak.names.size(), 3u);
  EXPECT_EQ(pak.names[1].kind, NameKind::kWeakAlias);
  EXPECT_EQ(pak.listed_on, "2015-07-01");
  const Entity& shipping = list->entities[1];
  EXPECT_EQ(shipping.names[1].kind, NameKind::kPreviousName);
  ASSERT_EQ(shipping.addresses.size(), 1u);
  EXPECT_EQ(shipping.addresses[0].city, "Nampo");
  EXPECT_EQ(shipping.countries, std::vector<std::string>{"kp"});
}

TEST(UnXmlTest, TruncatedXmlIsAnErrorWithLine) {
  Result<ParsedList> list = ParseFile(TestData("un/truncated.xml"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("un/truncated.xml") + ":10: malformed XML: Start-end tags mismatch");
}

TEST(UnXmlTest, MissingReferenceNumberIsAnErrorWithLine) {
  Result<ParsedList> list = ParseFile(TestData("un/no-reference.xml"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("un/no-reference.xml") + ":11: ENTITY without REFERENCE_NUMBER");
}

TEST(UnXmlTest, InvalidUtf8IsRejectedWithLineAndColumn) {
  Result<ParsedList> list = ParseFile(TestData("un/latin1.xml"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("un/latin1.xml") + ":5:22: invalid UTF-8 (byte 0xC9); save the file as UTF-8");
}

TEST(UnXmlTest, OtherRootElementIsAnError) {
  Result<ParsedList> list = ParseUnXml("x.xml", "<sdnList></sdnList>");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            "x.xml:1: expected root element CONSOLIDATED_LIST, found 'sdnList'");
}

TEST(UnXmlTest, EmptyInputIsAnError) {
  Result<ParsedList> list = ParseUnXml("empty.xml", "");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(), "empty.xml:1: malformed XML: No document element found");
}

// One person whose FIRST_NAME is `first_name` as written in the file.
std::string OnePerson(const std::string& first_name) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n"
         "  <INDIVIDUALS>\n"
         "    <INDIVIDUAL>\n"
         "      <FIRST_NAME>" +
         first_name +
         "</FIRST_NAME>\n"
         "      <REFERENCE_NUMBER>KPi.901</REFERENCE_NUMBER>\n"
         "    </INDIVIDUAL>\n"
         "  </INDIVIDUALS>\n"
         "  <ENTITIES/>\n"
         "</CONSOLIDATED_LIST>\n";
}

std::string ErrorOf(const Result<ParsedList>& list) {
  return list.ok() ? "ok" : list.error().ToString();
}

// These references got past the UTF-8 check of the raw bytes, and pugixml
// wrote what they name into the names: batch screening then aborted on the
// first row meeting the entity, and the API answered 500.
TEST(UnXmlTest, CharacterReferencesToNonCharactersAreRefusedWithLineAndColumn) {
  const std::pair<std::string, std::string> kCases[] = {
      {"RI &#xD800;", "character reference '&#xD800;' is not an XML character (a surrogate)"},
      {"RI &#57343;", "character reference '&#57343;' is not an XML character (a surrogate)"},
      {"RI &#x110000;",
       "character reference '&#x110000;' is not an XML character (above U+10FFFF)"},
      {"RI &#x100000041;",
       "character reference '&#x100000041;' is not an XML character (above U+10FFFF)"},
      {"RI &#0;", "character reference '&#0;' is not an XML character (U+0000)"},
      {"RI &#x1;", "character reference '&#x1;' is not an XML character (U+0001)"},
      {"RI &#xFFFE;", "character reference '&#xFFFE;' is not an XML character (U+FFFE)"},
  };
  for (const auto& [name, message] : kCases) {
    EXPECT_EQ(ErrorOf(ParseUnXml("un.xml", OnePerson(name))), "un.xml:5:22: " + message) << name;
  }
}

TEST(UnXmlTest, ValidReferencesAndReferencesInCdataOrCommentsPass) {
  Result<ParsedList> list = ParseUnXml("un.xml", OnePerson("RI &#xC6D0;&#54840; &#x1F600;"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->entities[0].names[0].value, "RI 원호 \U0001F600");
  list = ParseUnXml("un.xml", OnePerson("<![CDATA[RI &#0;]]><!-- &#xD800; -->"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->entities[0].names[0].value, "RI &#0;");
}

// What the decoder hands back is checked too: a raw control byte is valid
// UTF-8, and pugixml keeps it.
TEST(UnXmlTest, DecodedTextWithAControlCharacterIsRefusedWithItsLine) {
  EXPECT_EQ(ErrorOf(ParseUnXml("un.xml", OnePerson("RI \x01WON HO"))),
            "un.xml:5: text of <FIRST_NAME> holds U+0001, which is not an XML character");
  EXPECT_EQ(ErrorOf(ParseUnXml("un.xml", OnePerson("RI \xEF\xBF\xBF"))),
            "un.xml:5: text of <FIRST_NAME> holds U+FFFF, which is not an XML character");
}

// A UN file cut short and closed again is well-formed XML.
TEST(UnXmlTest, ReclosedFileWithoutEntitiesIsRefused) {
  std::string text = OnePerson("RI WON HO");
  text.erase(text.find("  <ENTITIES/>\n"), 14);
  EXPECT_EQ(ErrorOf(ParseUnXml("un.xml", text)),
            "un.xml:2: no <ENTITIES> in <CONSOLIDATED_LIST>: the list looks cut short (the UN "
            "list always holds INDIVIDUALS and ENTITIES)");
}

TEST(UnXmlTest, RealListCutAfterATenthOfItsIndividualsAndReclosedIsRefused) {
  Result<std::string> bytes = ReadFileBytes(SharedData("un/consolidated-2026-02-27.xml"));
  ASSERT_TRUE(bytes.ok());
  size_t cut = 0;
  for (int i = 0; i < 73; ++i) cut = bytes->find("</INDIVIDUAL>", cut) + 13;
  std::string reclosed = bytes->substr(0, cut) + "\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n";
  EXPECT_EQ(ErrorOf(ParseUnXml("un.xml", reclosed)),
            "un.xml:2: no <ENTITIES> in <CONSOLIDATED_LIST>: the list looks cut short (the UN "
            "list always holds INDIVIDUALS and ENTITIES)");
}

TEST(UnXmlTest, LowercaseNaNationalityIsNotAvailableNotNamibia) {
  const Entity* e = Find(RealList(), "SDi.001");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->nationalities.empty());
}

}  // namespace
}  // namespace embargo
