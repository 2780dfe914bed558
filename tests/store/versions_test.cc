#include "store/versions.h"

#include <gtest/gtest.h>

#include <set>

#include "model/entity_json.h"
#include "store/entity_diff.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

ListSet Load(const std::string& relative) {
  auto lists = LoadLists({::embargo::testing::SharedData(relative)});
  EXPECT_TRUE(lists.ok()) << lists.error().ToString();
  return lists.ok() ? std::move(*lists) : ListSet{};
}

class VersionsTest : public testing::StoreTest {
 protected:
  StoredVersion Import(const ListSet& lists, const ShrinkGuard& shrink = {}) {
    auto stored = StoreListSet(db(), lists, {}, shrink);
    EXPECT_TRUE(stored.ok()) << stored.error().ToString();
    if (!stored.ok() || stored->size() != 1) return {};
    return stored->front();
  }
  std::set<std::string> Ids(const std::vector<std::string>& ids) {
    return {ids.begin(), ids.end()};
  }
};

TEST_P(VersionsTest, OfacSnapshotsBecomeVersionsAndRebuildExactly) {
  ListSet jan = Load("ofac/sdn-2024-01-31.csv");
  ListSet feb = Load("ofac/sdn-2024-02-23.csv");
  StoredVersion v1 = Import(jan);
  StoredVersion v2 = Import(feb);
  ASSERT_TRUE(v1.created && v2.created);
  EXPECT_EQ(v1.version.dataset, "us_ofac_sdn");
  EXPECT_EQ(v1.version.effective_date, "2024-01-31");
  EXPECT_EQ(v2.version.effective_date, "2024-02-23");
  EXPECT_EQ(v1.version.entity_count, static_cast<int64_t>(jan.entities.size()));

  // Rebuilt from the store, a version is the list as parsed, field for field.
  auto rebuilt = LoadVersionEntities(db(), v1.version.id);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().ToString();
  ASSERT_EQ(rebuilt->size(), jan.entities.size());
  std::map<std::string, std::string> original;
  for (const Entity& e : jan.entities) original[e.id] = EntityJson(e);
  for (const Entity& e : *rebuilt) EXPECT_EQ(EntityJson(e), original[e.id]) << e.id;

  // The store's delta agrees with diffing the parsed files directly.
  auto delta = DiffVersionIds(db(), v1.version.id, v2.version.id);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();
  ListDiff direct = DiffEntities(jan.entities, feb.entities);
  std::set<std::string> added, removed, changed;
  for (const Entity* e : direct.added) added.insert(e->id);
  for (const Entity* e : direct.removed) removed.insert(e->id);
  for (const EntityChange& c : direct.changed) changed.insert(c.after->id);
  EXPECT_EQ(Ids(delta->added), added);
  EXPECT_EQ(Ids(delta->removed), removed);
  EXPECT_EQ(Ids(delta->changed), changed);
  EXPECT_EQ(delta->added.size(), 584u);
  EXPECT_EQ(delta->removed.size(), 1u);

  // Unchanged entities are stored once across the two versions.
  auto records = db().QueryValue("SELECT count(*) FROM entity_records");
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->value_or(""),
            std::to_string(jan.entities.size() + delta->added.size() + delta->changed.size()));
}

// OFAC's CSV gives no listing dates; the versions bracket them. Stored out
// of order, they are still read by effective date.
TEST_P(VersionsTest, FirstSeenDatesBracketWhenAnUndatedListAddedAnEntity) {
  Import(Load("ofac/sdn-2024-02-23.csv"));
  StoredVersion jan = Import(Load("ofac/sdn-2024-01-31.csv"));
  StoredVersion may = Import(Load("ofac/sdn-2024-05-03.csv"));
  auto seen = FirstSeenDates(db(), may.version);
  ASSERT_TRUE(seen.ok()) << seen.error().ToString();
  EXPECT_EQ(seen->size(), static_cast<size_t>(may.version.entity_count));
  // In January already: designated on or before 2024-01-31.
  EXPECT_EQ(seen->at("us_ofac_sdn-9345").by, "2024-01-31");
  EXPECT_EQ(seen->at("us_ofac_sdn-9345").after, "");
  // A February designation.
  EXPECT_EQ(seen->at("us_ofac_sdn-37809").by, "2024-02-23");
  EXPECT_EQ(seen->at("us_ofac_sdn-37809").after, "2024-01-31");
  // Every entity added between two versions carries that bracket.
  auto delta = DiffVersionIds(db(), jan.version.id, may.version.id);
  ASSERT_TRUE(delta.ok());
  size_t after_january = 0;
  for (const auto& [id, s] : *seen) after_january += s.after.empty() ? 0 : 1;
  EXPECT_EQ(after_january, delta->added.size());
  // As of January, nothing was seen later.
  auto as_of_jan = FirstSeenDates(db(), jan.version);
  ASSERT_TRUE(as_of_jan.ok());
  for (const auto& [id, s] : *as_of_jan) {
    EXPECT_EQ(s.by, "2024-01-31") << id;
  }
}

TEST_P(VersionsTest, TheSameContentMakesNoNewVersion) {
  ListSet feb = Load("ofac/sdn-2024-02-23.csv");
  StoredVersion first = Import(feb);
  StoredVersion again = Import(feb);
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.version.id, first.version.id);
  auto versions = ListVersions(db(), "us_ofac_sdn");
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->size(), 1u);
  auto actions = db().Query("SELECT action FROM audit_log ORDER BY seq");
  ASSERT_TRUE(actions.ok());
  ASSERT_EQ(actions->size(), 2u);
  EXPECT_EQ((*actions)[0].Text(0), "list.version");
  EXPECT_EQ((*actions)[1].Text(0), "list.unchanged");
}

// An undated list is in force from the day it was stored. Changed and then
// changed back on one day, the list as it is now must be the one in force.
TEST_P(VersionsTest, ContentChangedBackOnTheSameDayIsANewVersionInForce) {
  auto loaded = LoadLists({::embargo::testing::TestData("lists/rok-fsc-sample.csv")});
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ListSet a = std::move(*loaded);
  ASSERT_EQ(a.entities.size(), 3u);
  ASSERT_EQ(a.datasets.at(0).version_date, "");
  ListSet b = a;
  b.entities.pop_back();
  b.datasets[0].entity_count = b.entities.size();
  StoredVersion first = Import(a);
  ShrinkGuard accept;  // 3 -> 2 entities is more than the guard lets through
  accept.action = ShrinkAction::kAccept;
  StoredVersion second = Import(b, accept);
  StoredVersion third = Import(a);
  EXPECT_TRUE(first.created && second.created && third.created);
  EXPECT_NE(third.version.id, first.version.id);
  auto in_force = VersionsInForce(db());
  ASSERT_TRUE(in_force.ok());
  ASSERT_EQ(in_force->size(), 1u);
  EXPECT_EQ(in_force->front().id, third.version.id);
  EXPECT_EQ(in_force->front().entity_count, 3);
  // And the same content again is no new version.
  EXPECT_FALSE(Import(a).created);
}

TEST_P(VersionsTest, VersionsInForceOnADate) {
  // Stored out of order: in force is by the list's own date, not by arrival.
  Import(Load("ofac/sdn-2024-05-03.csv"));
  Import(Load("ofac/sdn-2024-01-31.csv"));
  Import(Load("ofac/sdn-2024-02-23.csv"));
  Import(Load("un/consolidated-2026-02-27.xml"));
  auto in_force = [&](const std::string& day) {
    auto versions = VersionsInForce(db(), day);
    EXPECT_TRUE(versions.ok()) << versions.error().ToString();
    std::map<std::string, std::string> out;
    if (versions.ok()) {
      for (const ListVersion& v : *versions) out[v.dataset] = v.effective_date;
    }
    return out;
  };
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(in_force("2024-01-30"), Map{});
  EXPECT_EQ(in_force("2024-01-31"), (Map{{"us_ofac_sdn", "2024-01-31"}}));
  EXPECT_EQ(in_force("2024-03-15"), (Map{{"us_ofac_sdn", "2024-02-23"}}));
  EXPECT_EQ(in_force("2026-03-01"),
            (Map{{"us_ofac_sdn", "2024-05-03"}, {"un_sc_sanctions", "2026-02-27"}}));
  EXPECT_EQ(in_force(""), in_force("2026-03-01"));
  EXPECT_FALSE(VersionsInForce(db(), "last tuesday").ok());

  auto previous = FindVersion(db(), "us_ofac_sdn", "previous");
  ASSERT_TRUE(previous.ok());
  EXPECT_EQ(previous->effective_date, "2024-02-23");
  auto by_date = FindVersion(db(), "us_ofac_sdn", "2024-02-01");
  ASSERT_TRUE(by_date.ok());
  EXPECT_EQ(by_date->effective_date, "2024-01-31");
  auto missing = FindVersion(db(), "us_ofac_sdn", "99");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no version 99"), std::string::npos);
  EXPECT_FALSE(FindVersion(db(), "eu_fsf", "latest").ok());
}

EMBARGO_STORE_BACKENDS(VersionsTest);

}  // namespace
}  // namespace embargo::store
