#include "sources/ofac_enhanced_xml.h"

#include <gtest/gtest.h>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::FindEntity;
using testing::SharedData;

constexpr char kFile[] = "ofac/xml/cons-enhanced-2025-01-10.zip";

std::string Bytes() { return testing::SharedBytes(kFile); }
std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseOfacEnhancedXml, "cons.zip", bytes);
}

const ParsedList& Enhanced() {
  static const ParsedList list = testing::ParseOrFail(&ParseOfacEnhancedXml, SharedData(kFile));
  return list;
}

TEST(OfacEnhancedXmlTest, ReadStraightFromThePublishedZip) {
  EXPECT_EQ(DetectListFormat("cons.zip", Bytes()), ListFormat::kOfacEnhancedXml);
  const ParsedList& list = Enhanced();
  EXPECT_EQ(list.dataset.name, "us_ofac_cons");  // the export's filter: Consolidated List
  EXPECT_EQ(list.dataset.format, "ofac_enhanced_xml");
  EXPECT_EQ(list.dataset.version_date, "2025-01-10");
  ASSERT_EQ(list.entities.size(), 443u);
  size_t names = 0, people = 0;
  for (const Entity& e : list.entities) {
    names += e.names.size();
    people += e.schema == Schema::kPerson;
  }
  EXPECT_EQ(names, 1624u);
  EXPECT_EQ(people, 80u);
}

TEST(OfacEnhancedXmlTest, APersonWithPassportBirthDateAndNationality) {
  const Entity* e = FindEntity(Enhanced(), "us_ofac_cons-26182");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption(), "KAYAKIRAN, Evren");
  ASSERT_EQ(e->names[0].parts.size(), 2u);
  EXPECT_EQ(e->names[0].parts[0].value, "KAYAKIRAN");
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(e->identifiers[0].value, "U00242309");
  EXPECT_EQ(e->identifiers[0].country, "tr");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1980-02-08");
  EXPECT_EQ(e->nationalities, std::vector<std::string>{"tr"});
  EXPECT_EQ(e->programs, std::vector<std::string>{"FSE-IR"});
}

TEST(OfacEnhancedXmlTest, AFirmWithNamesInTwoScriptsAndItsIdentifiers) {
  const Entity* e = FindEntity(Enhanced(), "us_ofac_cons-17018");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kOrganization);
  EXPECT_EQ(e->caption(), "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA");
  // The primary name's Cyrillic translation comes right after it, as an alias.
  ASSERT_GE(e->names.size(), 2u);
  EXPECT_EQ(e->names[1].value, "ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО СБЕРБАНК РОССИИ");
  EXPECT_EQ(e->names[1].kind, NameKind::kAlias);
  std::vector<std::string> ids;
  for (const Identifier& id : e->identifiers)
    ids.push_back(std::string(IdTypeName(id.type)) + " " + id.value + " " + id.country);
  EXPECT_EQ(ids, (std::vector<std::string>{"swift_bic SABRRUMM ", "registration 1027700132195 ru",
                                           "tax 7707083893 ru"}));
}

TEST(OfacEnhancedXmlTest, RelationshipsLinkToTheRelatedEntitysId) {
  const Entity* e = FindEntity(Enhanced(), "us_ofac_cons-9647");
  ASSERT_NE(e, nullptr);
  bool hamas = false;
  for (const Link& l : e->links)
    hamas |= l.relation == "Acting for or on behalf of" && l.target_id == "us_ofac_cons-4695" &&
             l.target_name == "HAMAS";
  EXPECT_TRUE(hamas);
}

TEST(OfacEnhancedXmlTest, ABrokenZipOrXmlIsAnErrorAndNothingIsLoaded) {
  std::string zip = Bytes();
  EXPECT_EQ(ErrorOf(zip.substr(0, zip.size() / 2))
                .rfind("cons.zip: not a readable OFAC ENHANCED "
                       "XML (zip) archive",
                       0),
            0u);
  std::string corrupt = zip;
  for (size_t i = 200; i < 2000; ++i) corrupt[i] = 'x';  // inside the compressed entry
  std::string error = ErrorOf(corrupt);
  EXPECT_EQ(error.rfind("cons.zip", 0), 0u) << error;
  EXPECT_NE(error, "ok");
  EXPECT_EQ(ErrorOf("<sanctionsData xmlns=\"x/ENHANCED_XML\">\n<entities>\n<entity id=\"1\">"
                    "<generalInfo><entityType>Individual</entityType></generalInfo>"
                    "</entity></entities></sanctionsData>"),
            "cons.zip:3: entity 1 has no name");
  EXPECT_EQ(ErrorOf("<sanctionsData>\n<publicationInfo/></sanctionsData>"),
            "cons.zip:1: no <entities> in <sanctionsData>: the export looks cut short");
  EXPECT_EQ(ErrorOf("<sanctionsData><entities>\n<entity id=\"1\"><generalInfo><entityType>Ship"
                    "</entityType></generalInfo></entity></entities></sanctionsData>"),
            "cons.zip:2: entity 1: unknown type 'Ship'");
}

}  // namespace
}  // namespace embargo
