// An entity across stored versions, and a stored version against the one
// before it, on both backends, checked against a diff of the two OFAC files
// loaded whole (store/entity_diff.h).
#include "store/entity_history.h"

#include <gtest/gtest.h>

#include <set>

#include "store/ofac_months.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

const ListSet& Jan() { return testing::OfacJanuary(); }
const ListSet& Feb() { return testing::OfacFebruary(); }

std::set<std::string> Ids(const nlohmann::json& items) {
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(item["id"].get<std::string>());
  return ids;
}

class EntityHistoryTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    for (const ListSet* lists : {&Jan(), &Feb()}) {
      auto stored = StoreListSet(db(), *lists, {});
      ASSERT_TRUE(stored.ok()) << stored.error().ToString();
    }
  }
};

TEST_P(EntityHistoryTest, AVersionDiffIsTheDiffOfTheTwoListsLoadedWhole) {
  auto versions = ListVersions(db());
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  auto diff = VersionDiffJson(db(), versions->back().id);
  ASSERT_TRUE(diff.ok()) << diff.error().ToString();
  nlohmann::json whole = DiffToJson(DiffEntities(Jan().entities, Feb().entities));
  EXPECT_EQ((*diff)["counts"], whole["counts"]);
  EXPECT_EQ(Ids((*diff)["added"]), Ids(whole["added"]));
  EXPECT_EQ(Ids((*diff)["removed"]), Ids(whole["removed"]));
  EXPECT_EQ((*diff)["changed"], whole["changed"]) << "the same fields, in the same order";
  EXPECT_EQ((*diff)["from"]["id"], versions->front().id);
  EXPECT_EQ((*diff)["to"]["effective_date"], "2024-02-23");

  auto first = VersionDiffJson(db(), versions->front().id);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE((*first)["from"].is_null());
  EXPECT_EQ((*first)["counts"]["added"], Jan().entities.size());
  EXPECT_FALSE(VersionDiffJson(db(), 999).ok());
}

TEST_P(EntityHistoryTest, AnEntityIsFollowedThroughChangeAndRemoval) {
  ListDiff whole = DiffEntities(Jan().entities, Feb().entities);
  ASSERT_FALSE(whole.changed.empty());
  ASSERT_FALSE(whole.removed.empty());
  ASSERT_FALSE(whole.added.empty());

  const EntityChange& change = whole.changed.front();
  auto changed = EntityHistory(db(), change.before->id);
  ASSERT_TRUE(changed.ok()) << changed.error().ToString();
  ASSERT_EQ(changed->size(), 2u);
  EXPECT_EQ((*changed)[0].state, "added");
  EXPECT_EQ((*changed)[1].state, "changed");
  ASSERT_EQ((*changed)[1].fields.size(), change.fields.size());
  for (size_t i = 0; i < change.fields.size(); ++i) {
    EXPECT_EQ((*changed)[1].fields[i].field, change.fields[i].field);
    EXPECT_EQ((*changed)[1].fields[i].added, change.fields[i].added);
    EXPECT_EQ((*changed)[1].fields[i].removed, change.fields[i].removed);
  }

  auto removed = EntityHistory(db(), whole.removed.front()->id);
  ASSERT_TRUE(removed.ok());
  ASSERT_EQ(removed->size(), 2u);
  EXPECT_EQ((*removed)[1].state, "removed");
  EXPECT_EQ((*removed)[1].record_hash, "");

  auto added = EntityHistory(db(), whole.added.front()->id);
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->size(), 1u) << "a version before it was listed is not part of its history";
  EXPECT_EQ((*added)[0].state, "added");
  EXPECT_EQ((*added)[0].version.effective_date, "2024-02-23");

  auto unknown = EntityHistory(db(), "us_ofac_sdn-nope");
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->empty());
}

EMBARGO_STORE_BACKENDS(EntityHistoryTest);

}  // namespace
}  // namespace embargo::store
