// Names found by their beginning: folding, word order, the last word begun,
// ranking, the accept filter and the limit, on a few hand-made entities.
#include "service/name_prefix_index.h"

#include <gtest/gtest.h>

namespace embargo::service {
namespace {

Entity MakeEntity(const std::string& id, std::vector<Name> names) {
  Entity e;
  e.id = id;
  e.dataset = id.substr(0, id.find('-'));
  e.names = std::move(names);
  return e;
}

const std::vector<Entity>& Entities() {
  static const std::vector<Entity> entities = {
      MakeEntity("a-1", {{"PUTIN, Vladimir Vladimirovich", NameKind::kPrimary, {}},
                         {"Владимир Путин", NameKind::kAlias, {}}}),
      MakeEntity("a-2", {{"Vladimir Putilov", NameKind::kPrimary, {}}}),
      MakeEntity("b-3", {{"Putin Holdings Ltd", NameKind::kAlias, {}},
                         {"PH Ltd", NameKind::kPrimary, {}}}),
      MakeEntity("b-4", {{"José Müller-Lüdenscheidt", NameKind::kPrimary, {}}}),
  };
  return entities;
}

std::vector<std::string> Find(std::string_view prefix, size_t limit = 10,
                              const std::function<bool(const Entity&)>& accept = nullptr) {
  NamePrefixIndex index(Entities());
  std::vector<std::string> ids;
  for (const auto& hit : index.Find(Entities(), prefix, limit, accept))
    ids.push_back(hit.entity->id);
  return ids;
}

TEST(NamePrefixIndexTest, FoldsToLowercaseAsciiWords) {
  EXPECT_EQ(NamePrefixIndex::Fold("HAN, Jang-Su"), "han jang su");
  EXPECT_EQ(NamePrefixIndex::Fold("  José Müller "), "jose muller");
  EXPECT_EQ(NamePrefixIndex::Fold("Путин"), "putin");
  EXPECT_EQ(NamePrefixIndex::Fold("--"), "");
}

TEST(NamePrefixIndexTest, TheLastWordIsBegunTheOthersWhole) {
  EXPECT_EQ(Find("vladimir put"), (std::vector<std::string>{"a-2", "a-1"}));
  EXPECT_EQ(Find("vladimir puti"), (std::vector<std::string>{"a-2", "a-1"}));
  EXPECT_EQ(Find("vladimir putin"), (std::vector<std::string>{"a-1"}));
  EXPECT_EQ(Find("vlad putin"), std::vector<std::string>{});  // "vlad" is not a whole word
}

TEST(NamePrefixIndexTest, NamesBeginningWithThePrefixComeFirst) {
  // "putin" begins a-1's primary name and b-3's alias; a-1 is primary.
  EXPECT_EQ(Find("putin"), (std::vector<std::string>{"a-1", "b-3"}));
  // "PUTIN, Vladimir..." read in another order still matches.
  EXPECT_EQ(Find("vladimir vladimirovich pu"), (std::vector<std::string>{"a-1"}));
}

TEST(NamePrefixIndexTest, MatchesAcrossScriptsAndAccents) {
  EXPECT_EQ(Find("Владимир Пут"), (std::vector<std::string>{"a-2", "a-1"}));
  EXPECT_EQ(Find("jose muller lud"), (std::vector<std::string>{"b-4"}));
  EXPECT_EQ(Find("MÜLLER"), (std::vector<std::string>{"b-4"}));
}

TEST(NamePrefixIndexTest, AcceptAndLimitApplyToEntities) {
  auto only_b = [](const Entity& e) { return e.dataset == "b"; };
  EXPECT_EQ(Find("putin", 10, only_b), (std::vector<std::string>{"b-3"}));
  EXPECT_EQ(Find("vladimir", 1), (std::vector<std::string>{"a-2"}));
  EXPECT_EQ(Find("vladimir", 0), std::vector<std::string>{});
  EXPECT_EQ(Find(""), std::vector<std::string>{});
  EXPECT_EQ(Find("zzz"), std::vector<std::string>{});
}

TEST(NamePrefixIndexTest, ForScreenerKeepsOneIndexPerScreener) {
  ListSet lists;
  lists.entities = Entities();
  std::shared_ptr<const Screener> screener = Screener::Build(std::move(lists));
  auto first = NamePrefixIndex::ForScreener(screener);
  EXPECT_EQ(NamePrefixIndex::ForScreener(screener), first);
  std::shared_ptr<const Screener> other = Screener::Build(ListSet{});
  auto second = NamePrefixIndex::ForScreener(other);
  EXPECT_NE(second, first);
  EXPECT_TRUE(second->Find(other->lists().entities, "putin", 10, nullptr).empty());
  EXPECT_EQ(first->Find(screener->lists().entities, "putin", 10, nullptr).size(), 2u);
}

}  // namespace
}  // namespace embargo::service
