#include "xref/name_links.h"

#include <gtest/gtest.h>

#include "xref/test_records.h"
#include "xref/xref.h"

namespace embargo::xref {
namespace {

using testing::Lists;
using testing::Person;
using testing::Record;
using testing::WithId;

XrefOptions NamesOnly() { return {.use_identifiers = false, .threads = 2}; }

// Records of list "b" that no test means to match.
std::vector<Entity> Others() {
  return {Person("b", "o1", {"PAK, Song Il"}, "1970-01-01", {"kp"}),
          Person("b", "o2", {"SMITH, Anna"}, "1980", {"gb"}),
          Record("b", "o3", Schema::kOrganization, {"OCEAN MARITIME MANAGEMENT"})};
}

ListSet WithOthers(std::vector<Entity> records) {
  for (Entity& e : Others()) records.push_back(std::move(e));
  return Lists(std::move(records));
}

TEST(XrefNameTest, LinksTheClearBestMatchWithItsEvidence) {
  XrefResult r = LinkLists(WithOthers({Person("a", "1", {"RI WON HO"}, "1964-07-17", {"kp"}),
                                       Person("b", "1", {"RI, Won Ho"}, "1964-07-17", {"kp"})}),
                           NamesOnly());
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].a, 0u);
  EXPECT_EQ(r.links[0].b, 1u);
  EXPECT_EQ(r.links[0].method, LinkMethod::kName);
  EXPECT_EQ(r.links[0].confidence, 1.0);
  EXPECT_EQ(r.links[0].evidence,
            (std::vector<std::string>{"name 'RI WON HO' ~ 'RI, Won Ho' 1.00",
                                      "same birth date (1964-07-17 / 1964-07-17)", "nationality kp",
                                      "closest match both ways"}));
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].members, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(r.clusters[0].links, std::vector<size_t>{0});
}

TEST(XrefNameTest, BirthYearsThatDifferBlockTheLink) {
  XrefResult r = LinkLists(WithOthers({Person("a", "1", {"RI WON HO"}, "1964"),
                                       Person("b", "1", {"RI, Won Ho"}, "1970")}),
                           NamesOnly());
  EXPECT_TRUE(r.links.empty());
}

TEST(XrefNameTest, BirthDatesDaysApartBlockTheLink) {
  XrefResult r = LinkLists(WithOthers({Person("a", "1", {"RI WON HO"}, "1964-07-17"),
                                       Person("b", "1", {"RI, Won Ho"}, "1964-07-27")}),
                           NamesOnly());
  EXPECT_TRUE(r.links.empty());
}

TEST(XrefNameTest, BirthDatesOneDayApartCountAsTheSame) {
  XrefResult r = LinkLists(WithOthers({Person("a", "1", {"RI WON HO"}, "1964-07-17"),
                                       Person("b", "1", {"RI, Won Ho"}, "1964-07-18")}),
                           NamesOnly());
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].evidence[1], "birth dates one day apart (1964-07-17 / 1964-07-18)");
}

TEST(XrefNameTest, DifferentNationalitiesBlockTheLink) {
  XrefResult r = LinkLists(WithOthers({Person("a", "1", {"RI WON HO"}, "", {"kp"}),
                                       Person("b", "1", {"RI, Won Ho"}, "", {"cn"})}),
                           NamesOnly());
  EXPECT_TRUE(r.links.empty());
}

TEST(XrefNameTest, TwoEquallyGoodCandidatesAreReportedNotGuessed) {
  XrefResult r =
      LinkLists(WithOthers({Person("a", "1", {"KIM CHOL SU"}), Person("b", "1", {"KIM, Chol Su"}),
                            Person("b", "2", {"KIM, Chol Su"})}),
                NamesOnly());
  EXPECT_TRUE(r.links.empty());
  ASSERT_FALSE(r.ambiguous.empty());
  EXPECT_EQ(r.ambiguous[0].entity, 0u);
  EXPECT_EQ(r.ambiguous[0].other_dataset, "b");
  EXPECT_EQ(r.ambiguous[0].candidates, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(r.ambiguous[0].why,
            "b-1 'KIM, Chol Su' 1.00 and b-2 'KIM, Chol Su' 1.00 score within 0.03");
}

TEST(XrefNameTest, ATieIsBrokenByTheNamesSpelledTheSame) {
  // The matcher scores TAESONG and DAESONG alike; the spelling tells them apart.
  XrefResult r = LinkLists(
      WithOthers(
          {Record("a", "1", Schema::kOrganization, {"KOREA TAESONG TRADING COMPANY"}),
           Record("b", "1", Schema::kOrganization, {"KOREA TAESONG TRADING COMPANY"}),
           Record("b", "2", Schema::kOrganization,
                  {"KOREA DAESONG GENERAL TRADING CORPORATION", "KOREA DAESONG TRADING COMPANY"})}),
      NamesOnly());
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].b, 1u);
  EXPECT_EQ(r.links[0].evidence[1], "1 of its names spelled the same on both lists (0 on b-2)");
}

TEST(XrefNameTest, ACommonNameNeedsABirthDateOrNationalityToConfirmIt) {
  // Two b records are called MOHAMED OMAR; one is born 1990, so the other is
  // the best candidate, but only because nothing contradicts it.
  std::vector<Entity> records = {Person("a", "1", {"MOHAMED OMAR"}, "1976"),
                                 Person("b", "1", {"OMAR, Mohamed"}, "1977"),
                                 Person("b", "2", {"OMAR, Mohamed"}, "1990")};
  XrefResult r = LinkLists(WithOthers(records), NamesOnly());
  EXPECT_TRUE(r.links.empty());
  ASSERT_FALSE(r.ambiguous.empty());
  EXPECT_EQ(r.ambiguous[0].candidates, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(r.ambiguous[0].why,
            "'MOHAMED OMAR' fits b-1 'OMAR, Mohamed' 1.00 and b-2 'OMAR, Mohamed' 1.00 as well by "
            "name, and neither birth date nor nationality confirms the first");
  records[1] = Person("b", "1", {"OMAR, Mohamed"}, "1976");
  EXPECT_EQ(LinkLists(WithOthers(records), NamesOnly()).links.size(), 1u);
}

TEST(XrefNameTest, ARecordCloserToAnotherOneIsNotLinked) {
  // b-1 is a's "JOHN ROBERT SMITH" (a-2) rather than its "JOHN SMITH" (a-1).
  XrefOptions options = NamesOnly();
  options.name_threshold = 0.75;
  XrefResult r = LinkLists(
      WithOthers({Person("a", "1", {"JOHN SMITH"}), Person("a", "2", {"JOHN ROBERT SMITH"}),
                  Person("b", "1", {"SMITH, John Robert"})}),
      options);
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].a, 1u);
  EXPECT_EQ(r.links[0].b, 2u);
  ASSERT_FALSE(r.ambiguous.empty());
  EXPECT_EQ(r.ambiguous[0].entity, 0u);
  EXPECT_EQ(r.ambiguous[0].why, "b-1 matches a-2 'JOHN ROBERT SMITH' as well or better (1.00)");
}

TEST(XrefNameTest, AnIdentifierLinkTakesPrecedenceOverANameLink) {
  XrefResult r = LinkLists(
      WithOthers({WithId(Person("a", "1", {"KIM CHOL"}), IdType::kPassport, "12345678"),
                  WithId(Person("b", "1", {"KIM, Chol Nam"}), IdType::kPassport, "12345678"),
                  Person("b", "2", {"KIM, Chol"})}));
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].method, LinkMethod::kIdentifier);
  EXPECT_EQ(r.links[0].b, 1u);
}

TEST(XrefNameTest, ClustersJoinLinksAcrossLists) {
  XrefResult r = LinkLists(WithOthers(
      {Person("c", "1", {"리원호", "Ri Won Ho"}, "1964-07-17", {"kp"}),
       WithId(Person("a", "1", {"RI WON HO"}, "1964-07-17"), IdType::kPassport, "381310014"),
       WithId(Person("b", "1", {"RI, Won Ho"}), IdType::kPassport, "381310014")}));
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].members, (std::vector<size_t>{1, 2, 0}));  // by (dataset, id)
  EXPECT_EQ(r.clusters[0].links.size(), r.links.size());
}

TEST(XrefNameTest, APersonIsNotLinkedToAVesselOfTheSameName) {
  ListSet lists = WithOthers({Person("a", "1", {"OCEAN MARITIME MANAGEMENT"}),
                              Record("b", "1", Schema::kVessel, {"OCEAN MARITIME MANAGEMENT"})});
  lists.entities.erase(lists.entities.end() - 1);  // the organisation of that name
  XrefResult r = LinkLists(lists, NamesOnly());
  EXPECT_TRUE(r.links.empty());
  std::vector<Unlinked> gap = ExplainUnlinked(lists, r, "a", "b", "", NamesOnly());
  ASSERT_EQ(gap.size(), 1u);
  EXPECT_EQ(gap[0].reason, UnlinkedReason::kSchema);
  EXPECT_EQ(gap[0].why,
            "the name matches b-1 'OCEAN MARITIME MANAGEMENT' (1.00), but that is a Vessel and "
            "this a Person");
}

TEST(XrefNameTest, TheResultDoesNotDependOnTheNumberOfThreads) {
  std::vector<Entity> records;
  const char* names[] = {"KIM CHOL",    "KIM CHOL SU",    "RI WON HO",    "PAK SONG IL", "CHOE HWI",
                         "HAN JANG SU", "JANG SONG CHOL", "KIM JONG SIK", "RI JAE IL"};
  int n = 0;
  for (const char* name : names) {
    records.push_back(Person("a", std::to_string(++n), {name}, "1960"));
    records.push_back(Person("b", std::to_string(n), {name}, n % 2 ? "1960" : "1961"));
    records.push_back(Person("b", std::to_string(n) + "x", {name}, "1980"));
  }
  ListSet lists = Lists(records);
  XrefResult one = LinkLists(lists, {.threads = 1});
  XrefResult many = LinkLists(lists, {.threads = 4});
  ASSERT_EQ(one.links.size(), many.links.size());
  for (size_t i = 0; i < one.links.size(); ++i) {
    EXPECT_EQ(one.links[i].a, many.links[i].a);
    EXPECT_EQ(one.links[i].b, many.links[i].b);
    EXPECT_EQ(one.links[i].evidence, many.links[i].evidence);
  }
  ASSERT_EQ(one.ambiguous.size(), many.ambiguous.size());
  for (size_t i = 0; i < one.ambiguous.size(); ++i)
    EXPECT_EQ(one.ambiguous[i].why, many.ambiguous[i].why);
}

TEST(XrefNameTest, OneDayApartNeedsTwoFullDates) {
  auto date = [](const char* text) {
    PartialDate d = *PartialDate::Parse(text);
    return std::vector<DateSpec>{DateSpec{d, d, false}};
  };
  EXPECT_TRUE(OneDayApart(date("1969-11-07"), date("1969-11-08")));
  EXPECT_TRUE(OneDayApart(date("1969-12-31"), date("1970-01-01")));
  EXPECT_FALSE(OneDayApart(date("1969-11-07"), date("1969-11-09")));
  EXPECT_FALSE(OneDayApart(date("1969-11"), date("1969-11-01")));
}

}  // namespace
}  // namespace embargo::xref
