#include "payments/listed_words.h"

#include <gtest/gtest.h>

namespace embargo::payments {
namespace {

Entity Named(std::initializer_list<const char*> names) {
  Entity e;
  for (const char* n : names) e.names.push_back({n, NameKind::kPrimary, {}});
  return e;
}

TEST(ListedWordsTest, CountsNamesPerWordAndKnowsOneWordNamesAndNeighbours) {
  Entity ship = Named({"EBANO", "SAND SWAN"});
  ship.schema = Schema::kVessel;
  std::vector<Entity> entities = {Named({"RI WON HO", "Ri Won-Ho"}), Named({"KOMID", "PKK"}),
                                  Named({"Korea Mining Development Trading Corporation"}),
                                  Named({"Nirvana"}), ship};
  ListedWords words(entities, ListedWords::Names::kParties);
  ListedWords ships(entities, ListedWords::Names::kVessels);
  EXPECT_TRUE(ships.IsOneWordName("ebano"));
  EXPECT_TRUE(ships.CanNameWhole("MV SAND SWAN"));
  EXPECT_FALSE(ships.CanNameWhole("KOMID"));
  EXPECT_FALSE(words.CanNameWhole("SAND SWAN"));
  EXPECT_EQ(words.NamesHolding("ri"), 2u);  // one entity, two names
  EXPECT_EQ(words.NamesHolding("korea"), 1u);
  EXPECT_EQ(words.NamesHolding("bank"), 0u);
  EXPECT_TRUE(words.IsOneWordName("komid"));
  EXPECT_TRUE(words.IsOneWordName("nirvana"));
  EXPECT_FALSE(words.IsOneWordName("pkk"));  // too short to look for in text
  EXPECT_TRUE(words.AreNeighbours("won", "ri"));
  EXPECT_TRUE(words.AreNeighbours("ho", "ri"));  // last and first: WON HO RI
  EXPECT_FALSE(words.AreNeighbours("korea", "trading"));
  EXPECT_TRUE(words.CanNameWhole("MINING DEVELOPMENT"));
  EXPECT_TRUE(words.CanNameWhole("Komid"));
  EXPECT_TRUE(words.CanNameWhole("PAY RI WON"));
  EXPECT_FALSE(words.CanNameWhole("KOREA TRADING"));
  EXPECT_FALSE(words.CanNameWhole("PKK"));
  EXPECT_FALSE(words.CanNameWhole(""));
  EXPECT_TRUE(words.HoldsPossibleName("PAYMENT TO KOMID PYONGYANG"));
  EXPECT_TRUE(words.HoldsPossibleName("RI WON HO PYONGYANG DPRK"));
  EXPECT_FALSE(words.HoldsPossibleName("KOREA TRADING PKK LTD"));
}

}  // namespace
}  // namespace embargo::payments
