#include "sources/ofac_sdn_xml.h"

#include <fmt/format.h>
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

constexpr char kFile[] = "ofac/xml/cons-sdnlist-2018-04-06.xml";

std::string Bytes() { return testing::SharedBytes(kFile); }
std::string ErrorOf(std::string_view bytes) {
  return testing::ParseError(&ParseOfacSdnXml, "sdn.xml", bytes);
}

const ParsedList& Cons() {
  static const ParsedList list = testing::ParseOrFail(&ParseOfacSdnXml, SharedData(kFile));
  return list;
}

std::string Ids(const Entity& e) {
  std::string out;
  for (const Identifier& id : e.identifiers)
    out += fmt::format("{}{} {}{}", out.empty() ? "" : ", ", IdTypeName(id.type), id.value,
                       id.country.empty() ? "" : " (" + id.country + ")");
  return out;
}

TEST(OfacSdnXmlTest, DetectedFromContentAndNamedByItsFile) {
  EXPECT_EQ(DetectListFormat("x.xml", Bytes()), ListFormat::kOfacSdnXml);
  EXPECT_EQ(Cons().dataset.name, "us_ofac_cons");  // "cons" in the file name
  Result<ParsedList> sdn = ParseOfacSdnXml("SDN.XML", Bytes());
  ASSERT_TRUE(sdn.ok());
  EXPECT_EQ(sdn->dataset.name, "us_ofac_sdn");
  EXPECT_EQ(sdn->entities[0].id, "us_ofac_sdn-4632");
}

TEST(OfacSdnXmlTest, CountsTheEntriesRecordCountAnnounces) {
  const ParsedList& list = Cons();
  EXPECT_EQ(list.dataset.format, "ofac_sdn_xml");
  EXPECT_EQ(list.dataset.version_date, "2018-04-06");  // Publish_Date 04/06/2018
  ASSERT_EQ(list.entities.size(), 639u);
  size_t names = 0;
  for (const Entity& e : list.entities) names += e.names.size();
  EXPECT_EQ(names, 1893u);
}

TEST(OfacSdnXmlTest, APersonWithPassportBirthRangeAndAliases) {
  const Entity* e = FindEntity(Cons(), "us_ofac_cons-15960");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(KindsAndNames(*e),
            (std::vector<std::string>{"primary:GHALEBANI, Ahmad", "alias:GHALEHBANI, Ahmad",
                                      "alias:QALEHBANI, Ahmad"}));
  ASSERT_EQ(e->names[0].parts.size(), 2u);
  EXPECT_EQ(e->names[0].parts[0].value, "GHALEBANI");
  EXPECT_EQ(Ids(*e), "passport H20676140 (ir)");
  ASSERT_EQ(e->birth_dates.size(), 1u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1953-01-01..1954-12-31");
  // The id lines that are no identifier stay, as remarks.
  bool info = false;
  for (const std::string& r : e->remarks)
    info |= r.rfind("Additional Sanctions Information", 0) == 0;
  EXPECT_TRUE(info);
}

TEST(OfacSdnXmlTest, AVesselWithImoMmsiCallSignFlagAndFormerNames) {
  const Entity* e = FindEntity(Cons(), "us_ofac_cons-15036");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema, Schema::kVessel);
  EXPECT_EQ(e->caption(), "SHONA");
  EXPECT_EQ(Ids(*e), "mmsi 572469210, imo 9187629, other T2EU4");
  // vesselFlag Tanzania; the former flags its id lines give, as the CSV's
  // Remarks ("Former Vessel Flag Malta") give them, apart.
  EXPECT_EQ(e->countries, (std::vector<std::string>{"tz"}));
  EXPECT_EQ(e->former_flags, (std::vector<std::string>{"mt", "tv"}));
  ASSERT_EQ(e->links.size(), 1u);
  EXPECT_EQ(e->links[0].target_name, "NATIONAL IRANIAN TANKER COMPANY");
  std::vector<std::string> names = KindsAndNames(*e);
  EXPECT_EQ(names.size(), 3u);
}

TEST(OfacSdnXmlTest, ACutOrBrokenFileIsRefusedWithItsLine) {
  std::string bytes = Bytes();
  // Cut after an entry and closed again: well-formed, but short of Record_Count.
  size_t cut = bytes.find("</sdnEntry>", bytes.size() / 2) + 11;
  EXPECT_EQ(
      ErrorOf(bytes.substr(0, cut) + "\n</sdnList>"),
      "sdn.xml:3: Record_Count says 639 entries, the file holds 369: the list looks cut short");
  EXPECT_NE(ErrorOf(bytes.substr(0, cut)).find("malformed XML"), std::string::npos);
  EXPECT_EQ(ErrorOf("<sdnList>\n<sdnEntry><uid>x</uid></sdnEntry></sdnList>"),
            "sdn.xml:2: sdnEntry without a numeric uid ('x')");
  EXPECT_EQ(ErrorOf("<sdnList>\n<sdnEntry><uid>1</uid><lastName>A</lastName>"
                    "<sdnType>Ship</sdnType></sdnEntry></sdnList>"),
            "sdn.xml:2: sdnEntry 1: unknown sdnType 'Ship'");
  EXPECT_EQ(ErrorOf("<sdnList>\n<sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity"
                    "</sdnType></sdnEntry>\n<sdnEntry><uid>1</uid><lastName>B</lastName>"
                    "<sdnType>Entity</sdnType></sdnEntry></sdnList>"),
            "sdn.xml:3: a second sdnEntry with uid 1");
  EXPECT_EQ(ErrorOf("<sdnList>\n<sdnEntry><uid>1</uid><sdnType>Entity</sdnType></sdnEntry>"
                    "</sdnList>"),
            "sdn.xml:2: sdnEntry 1 has no name");
}

}  // namespace
}  // namespace embargo
