#include "xref/identifier_links.h"

#include <gtest/gtest.h>

#include "xref/test_records.h"
#include "xref/xref.h"

namespace embargo::xref {
namespace {

using testing::Lists;
using testing::Person;
using testing::Record;
using testing::WithId;

TEST(XrefIdentifierTest, LinksRecordsOfTwoListsSharingAPassport) {
  IdentifierLinks found = FindIdentifierLinks(
      Lists({WithId(Person("a", "1", {"HAN JANG SU"}), IdType::kPassport, "745 420 176", "kp"),
             WithId(Person("b", "1", {"HAN, Jang Su"}), IdType::kPassport, "745420176", "kp")}));
  ASSERT_EQ(found.links.size(), 1u);
  EXPECT_EQ(found.links[0].a, 0u);
  EXPECT_EQ(found.links[0].b, 1u);
  EXPECT_EQ(found.links[0].method, LinkMethod::kIdentifier);
  EXPECT_EQ(found.links[0].confidence, kIdentifierConfidence);
  EXPECT_EQ(found.links[0].evidence, std::vector<std::string>{"passport 745420176 (kp)"});
}

TEST(XrefIdentifierTest, ConfidenceIsLowerWhenAListDoesNotSayWhoIssuedIt) {
  IdentifierLinks found = FindIdentifierLinks(
      Lists({WithId(Person("a", "1", {"HAN JANG SU"}), IdType::kPassport, "745420176", "kp"),
             WithId(Person("b", "1", {"HAN, Jang Su"}), IdType::kPassport, "745420176")}));
  ASSERT_EQ(found.links.size(), 1u);
  EXPECT_EQ(found.links[0].confidence, kIdentifierConfidenceNoCountry);
}

TEST(XrefIdentifierTest, IssuingCountriesMustAgree) {
  IdentifierLinks found = FindIdentifierLinks(
      Lists({WithId(Person("a", "1", {"A"}), IdType::kPassport, "745420176", "kp"),
             WithId(Person("b", "1", {"B"}), IdType::kPassport, "745420176", "cn")}));
  EXPECT_TRUE(found.links.empty());
}

TEST(XrefIdentifierTest, NumbersOfDifferentKindsDoNotLink) {
  IdentifierLinks found =
      FindIdentifierLinks(Lists({WithId(Person("a", "1", {"A"}), IdType::kPassport, "9074729"),
                                 WithId(Person("b", "1", {"B"}), IdType::kNationalId, "9074729")}));
  EXPECT_TRUE(found.links.empty());
}

TEST(XrefIdentifierTest, AnUnlabelledNumberMatchesAnyKind) {
  IdentifierLinks found = FindIdentifierLinks(
      Lists({WithId(Record("a", "1", Schema::kVessel, {"X"}), IdType::kOther, "IMO 9074729"),
             WithId(Record("b", "1", Schema::kVessel, {"Y"}), IdType::kImo, "9074729")}));
  ASSERT_EQ(found.links.size(), 1u);
  EXPECT_EQ(found.links[0].evidence, std::vector<std::string>{"imo 9074729"});
}

TEST(XrefIdentifierTest, APersonAndAVesselNeverLink) {
  IdentifierLinks found = FindIdentifierLinks(
      Lists({WithId(Person("a", "1", {"X"}), IdType::kOther, "9074729"),
             WithId(Record("b", "1", Schema::kVessel, {"Y"}), IdType::kImo, "9074729")}));
  EXPECT_TRUE(found.links.empty());
}

TEST(XrefIdentifierTest, ShortValuesAreIgnored) {
  IdentifierLinks found =
      FindIdentifierLinks(Lists({WithId(Person("a", "1", {"X"}), IdType::kPassport, "1234"),
                                 WithId(Person("b", "1", {"X"}), IdType::kPassport, "1234")}));
  EXPECT_TRUE(found.links.empty());
}

TEST(XrefIdentifierTest, RecordsOfOneListAreNotLinkedToEachOther) {
  IdentifierLinks found =
      FindIdentifierLinks(Lists({WithId(Person("a", "1", {"X"}), IdType::kPassport, "12345678"),
                                 WithId(Person("a", "2", {"X"}), IdType::kPassport, "12345678")}));
  EXPECT_TRUE(found.links.empty());
}

TEST(XrefIdentifierTest, AValueMoreThanThreeRecordsOfAListCarryIsIgnored) {
  std::vector<Entity> records;
  for (std::string id : {"1", "2", "3", "4"})
    records.push_back(WithId(Person("a", id, {"KIM CHOL"}), IdType::kRegistration, "0000000"));
  records.push_back(WithId(Person("b", "1", {"KIM, Chol"}), IdType::kRegistration, "0000000"));
  IdentifierLinks found = FindIdentifierLinks(Lists(std::move(records)));
  EXPECT_TRUE(found.links.empty());
  EXPECT_TRUE(found.ambiguous.empty());
}

TEST(XrefIdentifierTest, AValueTwoRecordsOfAListCarryLinksOnlyANamesake) {
  IdentifierLinks found = FindIdentifierLinks(Lists(
      {WithId(Person("a", "1", {"AZIM AGHAJANI"}), IdType::kPassport, "6620505"),
       WithId(Person("a", "2", {"ALI AKBAR TABATABAEI"}), IdType::kPassport, "6620505"),
       WithId(Person("b", "1", {"TABATABAEI, Sayyid Ali Akbar"}), IdType::kPassport, "6620505")}));
  ASSERT_EQ(found.links.size(), 1u);
  EXPECT_EQ(found.links[0].a, 1u);
  EXPECT_EQ(found.links[0].b, 2u);
  ASSERT_EQ(found.ambiguous.size(), 1u);
  EXPECT_EQ(found.ambiguous[0].entity, 0u);
  EXPECT_EQ(found.ambiguous[0].other_dataset, "b");
  EXPECT_EQ(found.ambiguous[0].why,
            "passport 6620505 is also carried by a-2 on a, and the names of a-1 and b-1 share no "
            "part");
}

TEST(XrefIdentifierTest, ALinkShowsWhatElseAgreesAndWhatContradicts) {
  XrefResult r =
      LinkLists(Lists({WithId(Person("a", "1", {"HASSAN MAHAT OMAR"}, "1979-04-10", {"et"}),
                              IdType::kPassport, "A1180173", "ke"),
                       WithId(Person("b", "1", {"OMAR, Hassan Mahat"}, "1979-04-10", {"ke"}),
                              IdType::kPassport, "A1180173", "ke")}));
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].evidence,
            (std::vector<std::string>{"passport A1180173 (ke)",
                                      "same birth date (1979-04-10 / 1979-04-10)",
                                      "but nationalities differ (et / ke)"}));
  EXPECT_EQ(r.links[0].confidence, kContradictedIdentifierConfidence);
}

}  // namespace
}  // namespace embargo::xref
