#include "eval/independent_deck.h"

#include <gtest/gtest.h>

#include <map>

#include "eval/un_links.h"
#include "test_paths.h"

namespace embargo::eval {
namespace {

// The UN list with the lists it is paired with: UK OFSI 2018, Australia DFAT
// 2024-12 and OFAC SDN 2024-05-03. Built once for the suite.
class IndependentDeckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lists = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml"),
                            testing::SharedData("uk/ofsi-conlist-2018-04-13.csv"),
                            testing::SharedData("au/dfat-consolidated-2024-12.xlsx"),
                            testing::SharedData("ofac/sdn-2024-05-03.csv")});
    ASSERT_TRUE(lists.ok()) << lists.error().ToString();
    lists_ = new ListSet(std::move(*lists));
    deck_ = new IndependentDeck(MakeIndependentDeck(*lists_));
  }
  static void TearDownTestSuite() {
    delete deck_;
    delete lists_;
  }

  static std::map<std::string, size_t> BySource() {
    std::map<std::string, size_t> out;
    for (const PairRow& row : deck_->rows) ++out[row.source];
    return out;
  }

  static const PairRow* Find(const std::string& source, const std::string& name) {
    for (const PairRow& row : deck_->rows)
      if (row.source == source && row.name == name) return &row;
    return nullptr;
  }

  static ListSet* lists_;
  static IndependentDeck* deck_;
};
ListSet* IndependentDeckTest::lists_ = nullptr;
IndependentDeck* IndependentDeckTest::deck_ = nullptr;

TEST_F(IndependentDeckTest, LinksUkRecordsByUnReferenceAndAustralianOnesByListingEvidence) {
  std::map<std::string, size_t> links;
  for (const UnLink& link : LinkToUnDesignations(*lists_))
    ++links[link.national->dataset + " " + link.how];
  // 250 UK groups cite a reference the 2026 UN list still holds (the others
  // cite pre-2016 references such as QI.A.12.01, or UN designations since
  // removed); 3 of them are people citing their group's reference (QDe.004).
  EXPECT_EQ(links["gb_hmt_sanctions un_reference"], 247u);
  // Of the DFAT records listed under a UN sanctions committee (about 870),
  // the listing evidence singles out one UN record for 613.
  EXPECT_EQ(links["au_dfat_sanctions listing_evidence"], 613u);
  EXPECT_EQ(links.size(), 2u);
}

TEST_F(IndependentDeckTest, PairsPerSource) {
  EXPECT_EQ(BySource(), (std::map<std::string, size_t>{{"uk>un", 708},
                                                       {"un>uk", 765},
                                                       {"au>un", 3142},
                                                       {"un>au", 2529},
                                                       {"ofac>un", 145},
                                                       {"un>ofac", 588},
                                                       {"alias", 3738}}));
}

TEST_F(IndependentDeckTest, UkSpellingOfAUnDesignation) {
  // UK OFSI: Name 1 "Jang", Name 2 "Su", Name 6 "HAN", UN Ref KPi.055.
  const PairRow* row = Find("uk>un", "Jang Su HAN");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->expected_id, "un_sc_sanctions-KPi.055");
  EXPECT_EQ(row->expected_dataset, "un_sc_sanctions");
  EXPECT_EQ(row->expected_name, "HAN JANG SU");
  EXPECT_EQ(row->variant_class, "word_order");
  EXPECT_EQ(row->link, "un_reference");
  EXPECT_EQ(row->birth_date, "1969-11-08");
  EXPECT_EQ(row->query_entity, "gb_hmt_sanctions-13528");
}

TEST_F(IndependentDeckTest, TheReverseDirectionScreensUnNamesAgainstTheNationalList) {
  const PairRow* row = Find("un>au", "HAN JANG SU");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->expected_id, "au_dfat_sanctions-3271");
  EXPECT_EQ(row->expected_name, "Han Jang Su");
  EXPECT_EQ(row->variant_class, "exact");
  EXPECT_EQ(row->link, "listing_evidence");
}

TEST_F(IndependentDeckTest, HeldOutAliasIsGoneFromTheListsItIsScreenedAgainst) {
  const PairRow* row = Find("alias", "Han CHANG-SU");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->expected_id, "gb_hmt_sanctions-13528");
  EXPECT_EQ(row->expected_name, "Jang Su HAN");
  for (const Entity& e : deck_->held_out_lists.entities) {
    if (e.id != row->expected_id) continue;
    ASSERT_EQ(e.names.size(), 1u);
    EXPECT_EQ(e.names[0].value, "Jang Su HAN");
  }
}

TEST_F(IndependentDeckTest, EveryRowHasAClassAndNoWeakAliasIsAQuery) {
  std::map<std::string, size_t> classes;
  for (const PairRow& row : deck_->rows) {
    EXPECT_FALSE(row.variant_class.empty()) << row.id;
    if (row.source != "alias") {
      EXPECT_NE(row.query_entity, row.expected_id) << row.id << " (" << row.source << ")";
    }
    ++classes[row.variant_class];
  }
  EXPECT_EQ(classes, (std::map<std::string, size_t>{{"exact", 6082},
                                                    {"word_order", 367},
                                                    {"joined_split", 33},
                                                    {"other_script", 547},
                                                    {"legal_form", 81},
                                                    {"acronym", 48},
                                                    {"abbreviation", 26},
                                                    {"typo", 1124},
                                                    {"missing_parts", 442},
                                                    {"extra_parts", 211},
                                                    {"spelling", 358},
                                                    {"partial", 1300},
                                                    {"different", 996}}));
}

}  // namespace
}  // namespace embargo::eval
