#include "sources/list_guard.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

Dataset Previous(const std::string& name, size_t entities) {
  Dataset d;
  d.name = name;
  d.path = name + "@1";
  d.entity_count = entities;
  return d;
}

// A ListSet holding `count` entities of each named dataset.
ListSet Next(std::initializer_list<std::pair<std::string, size_t>> datasets) {
  ListSet set;
  for (const auto& [name, count] : datasets) {
    Dataset d;
    d.name = name;
    d.path = "/lists/" + name + ".csv";
    d.entity_count = 999999;  // not trusted: the guard counts the entities
    set.datasets.push_back(d);
    for (size_t i = 0; i < count; ++i) {
      Entity e;
      e.id = name + "-" + std::to_string(i);
      e.dataset = name;
      set.entities.push_back(std::move(e));
    }
  }
  return set;
}

std::string Check(const std::vector<Dataset>& previous, const ListSet& next,
                  const ShrinkGuard& guard = {}) {
  Status status = CheckListShrink(previous, next, guard);
  return status.ok() ? "ok" : status.error().ToString();
}

TEST(ListGuardTest, ATenthOfTheListIsRefusedWithTheCountsAndTheOption) {
  EXPECT_EQ(Check({Previous("us_ofac_sdn", 1000)}, Next({{"us_ofac_sdn", 100}})),
            "/lists/us_ofac_sdn.csv: us_ofac_sdn has 100 entities, 90.0 % fewer than the 1000 of "
            "its previous version (us_ofac_sdn@1); more than 20 % fewer looks like a list cut "
            "short: refused (pass --accept-shrink if the list really shrank)");
}

TEST(ListGuardTest, TheLimitIsInclusive) {
  EXPECT_EQ(Check({Previous("un", 1000)}, Next({{"un", 800}})), "ok");
  EXPECT_NE(Check({Previous("un", 1000)}, Next({{"un", 799}})), "ok");
  ShrinkGuard strict;
  strict.max_drop_percent = 0;
  EXPECT_EQ(Check({Previous("un", 1000)}, Next({{"un", 1000}}), strict), "ok");
  EXPECT_EQ(Check({Previous("un", 1000)}, Next({{"un", 999}}), strict),
            "/lists/un.csv: un has 999 entities, 0.1 % fewer than the 1000 of its previous "
            "version (un@1); more than 0 % fewer looks like a list cut short: refused (pass "
            "--accept-shrink if the list really shrank)");
}

TEST(ListGuardTest, GrowthNewDatasetsAndEmptyPredecessorsPass) {
  EXPECT_EQ(Check({Previous("un", 100)}, Next({{"un", 5000}})), "ok");
  EXPECT_EQ(Check({}, Next({{"un", 1}})), "ok");
  EXPECT_EQ(Check({Previous("un", 0)}, Next({{"un", 1}})), "ok");
}

TEST(ListGuardTest, AcceptingLetsAnyDropThrough) {
  ShrinkGuard accept;
  accept.action = ShrinkAction::kAccept;
  EXPECT_EQ(Check({Previous("un", 1000)}, Next({{"un", 1}}), accept), "ok");
}

TEST(ListGuardTest, EachDatasetIsComparedWithItsOwnPredecessor) {
  EXPECT_EQ(Check({Previous("a", 100), Previous("b", 100)}, Next({{"a", 100}, {"b", 70}})),
            "/lists/b.csv: b has 70 entities, 30.0 % fewer than the 100 of its previous version "
            "(b@1); more than 20 % fewer looks like a list cut short: refused (pass "
            "--accept-shrink if the list really shrank)");
}

TEST(ListGuardTest, AMissingDatasetIsIgnoredOrRefusedAsAsked) {
  std::vector<Dataset> previous = {Previous("a", 100), Previous("b", 100)};
  EXPECT_EQ(Check(previous, Next({{"a", 100}})), "ok");
  ShrinkGuard reload;
  reload.missing = MissingDatasets::kRefuse;
  reload.override_hint = "restore the file";
  EXPECT_EQ(Check(previous, Next({{"a", 100}}), reload),
            "b@1: b (100 entities) is missing from the new lists: refused (restore the file)");
}

}  // namespace
}  // namespace embargo
