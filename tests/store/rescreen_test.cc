#include "store/rescreen.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "eval/customer_deck.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/customers.h"
#include "store/entity_diff.h"
#include "store/ofac_months.h"
#include "store/test_store.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

using Pair = std::pair<std::string, std::string>;  // customer, entity

const ListSet& Jan() { return testing::OfacJanuary(); }
const ListSet& Feb() { return testing::OfacFebruary(); }

// Entities to plant among the customers: some listed in January and kept,
// all that changed or were removed by February, and some added in February.
struct Planted {
  std::vector<const Entity*> kept, changed, removed, added;
  std::vector<const Entity*> All() const {
    std::vector<const Entity*> all;
    for (const auto* group : {&kept, &changed, &removed, &added}) {
      all.insert(all.end(), group->begin(), group->end());
    }
    return all;
  }
};

Planted ChoosePlanted() {
  Planted p;
  ListDiff diff = DiffEntities(Jan().entities, Feb().entities);
  std::set<std::string> touched;
  for (const EntityChange& c : diff.changed) {
    p.changed.push_back(c.before);
    touched.insert(c.before->id);
  }
  for (const Entity* e : diff.removed) p.removed.push_back(e);
  for (size_t i = 0; i < diff.added.size() && p.added.size() < 25; i += 23) {
    p.added.push_back(diff.added[i]);
  }
  for (size_t i = 0; i < Jan().entities.size() && p.kept.size() < 25; i += 401) {
    const Entity& e = Jan().entities[i];
    if (!touched.contains(e.id) && e.schema != Schema::kVessel) p.kept.push_back(&e);
  }
  return p;
}

std::vector<std::string> Negatives() {
  return {::embargo::testing::SharedData("negatives/negatives-global-dev.csv")};
}

bool Touched(const ListDiff& diff, const std::string& id) {
  for (const Entity* e : diff.added)
    if (e->id == id) return true;
  for (const EntityChange& c : diff.changed)
    if (c.before->id == id) return true;
  return false;
}

// The score of `entity_id` for this customer on these lists (0 if not found).
double ScoreOf(const ListSet& lists, const QueryFields& row, const std::string& entity_id) {
  auto screener = Screener::Build(lists);
  auto query = MakeQuery(row);
  if (!query.ok()) return 0;
  ScreenOptions options;
  options.cutoff = 0.5;
  for (const Match& m : screener->Screen(*query, options))
    if (m.entity->id == entity_id) return m.score;
  return 0;
}

class RescreenTest : public testing::StoreTest {
 protected:
  void Import(Database& db, const ListSet& lists) {
    auto stored = StoreListSet(db, lists, {});
    ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  }
  void AddCustomers(Database& db, const std::vector<QueryFields>& rows) {
    auto imported = ImportCustomers(db, rows, "customers.csv", "test");
    ASSERT_TRUE(imported.ok()) << imported.error().ToString();
  }
  RescreenReport Run(Database& db, bool full = false) {
    RescreenOptions options;
    options.full = full;
    options.threads = 2;
    options.chunk_size = 700;
    auto report = Rescreen(db, options);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return report.ok() ? *report : RescreenReport{};
  }
  int64_t AuditRows(Database& db, const std::string& action) {
    auto n = db.QueryValue("SELECT count(*) FROM audit_log WHERE action = ?", {action});
    EXPECT_TRUE(n.ok());
    return n.ok() ? std::stoll(n->value_or("0")) : -1;
  }
  std::set<Pair> LivePairs(Database& db) { return testing::LiveAlertPairs(db); }
};

TEST_P(RescreenTest, DeltaRunAfterAListChangeRaisesAndClosesWhatAFullRunWould) {
  Planted planted = ChoosePlanted();
  ASSERT_EQ(planted.removed.size(), 1u);
  ASSERT_FALSE(planted.changed.empty());
  auto deck = eval::MakeCustomerDeck(Negatives(), planted.All(), 3000);
  ASSERT_TRUE(deck.ok()) << deck.error().ToString();
  std::map<std::string, std::string> customer_of;  // entity -> planted customer
  for (const auto& [customer, entity] : deck->planted) customer_of[entity] = customer;

  Import(db(), Jan());
  AddCustomers(db(), deck->rows);
  RescreenReport first = Run(db());
  EXPECT_EQ(first.mode, "full");
  EXPECT_EQ(first.screened_full, 3000u);
  std::set<Pair> before = LivePairs(db());
  for (const auto* group : {&planted.kept, &planted.changed, &planted.removed}) {
    for (const Entity* e : *group) {
      EXPECT_TRUE(before.contains({customer_of[e->id], e->id})) << e->id << " " << e->caption();
    }
  }
  for (const Entity* e : planted.added) {
    EXPECT_FALSE(before.contains({customer_of[e->id], e->id}))
        << "not listed in January: " << e->id;
  }

  Import(db(), Feb());
  RescreenReport delta = Run(db());
  EXPECT_EQ(delta.mode, "delta");
  EXPECT_EQ(delta.screened_full, 0u);
  EXPECT_EQ(delta.screened_delta, 3000u);
  ListDiff diff = DiffEntities(Jan().entities, Feb().entities);
  EXPECT_EQ(delta.delta_entities, diff.added.size() + diff.changed.size());
  EXPECT_EQ(delta.removed_entities, 1u);
  std::set<Pair> after = LivePairs(db());
  for (const Entity* e : planted.added) {
    EXPECT_TRUE(after.contains({customer_of[e->id], e->id})) << "designated in February: " << e->id;
  }
  const Entity* removed = planted.removed.front();
  EXPECT_FALSE(after.contains({customer_of[removed->id], removed->id}));
  AlertFilter closed;
  closed.include_closed = true;
  closed.entity_id = removed->id;
  auto closed_alerts = ListAlerts(db(), closed);
  ASSERT_TRUE(closed_alerts.ok());
  ASSERT_FALSE(closed_alerts->empty());
  EXPECT_NE(closed_alerts->front().closed_reason.find("removed from us_ofac_sdn"),
            std::string::npos)
      << closed_alerts->front().closed_reason;

  // The same customers screened in full against February, in a fresh store.
  testing::ScratchStore other(GetParam());
  ASSERT_TRUE(other.available());
  Import(other.db(), Feb());
  AddCustomers(other.db(), deck->rows);
  RescreenReport full = Run(other.db());
  EXPECT_EQ(full.mode, "full");
  // A delta run does not re-screen entities that did not change, and the
  // words' rarity weights move a little with every list version: a pair
  // within a hair of the threshold may cross it in a full run. Any other
  // difference is a delta-run bug.
  std::set<Pair> full_pairs = LivePairs(other.db());
  std::vector<Pair> differ;
  std::set_symmetric_difference(after.begin(), after.end(), full_pairs.begin(), full_pairs.end(),
                                std::back_inserter(differ));
  EXPECT_LE(differ.size(), 2u);
  for (const Pair& p : differ) {
    SCOPED_TRACE(p.first + " " + p.second);
    EXPECT_FALSE(Touched(diff, p.second)) << "an entity that changed must be re-screened";
    auto row = std::find_if(deck->rows.begin(), deck->rows.end(),
                            [&](const QueryFields& r) { return r.id == p.first; });
    ASSERT_NE(row, deck->rows.end());
    double jan = ScoreOf(Jan(), *row, p.second), feb = ScoreOf(Feb(), *row, p.second);
    EXPECT_NEAR(jan, kDefaultThreshold, 0.005);
    EXPECT_NEAR(feb, kDefaultThreshold, 0.005);
    EXPECT_NE(jan >= kDefaultThreshold, feb >= kDefaultThreshold) << jan << " / " << feb;
  }

  // Nothing changed since: a run screens no one.
  RescreenReport idle = Run(db());
  EXPECT_EQ(idle.screened_delta + idle.screened_full, 0u);
  EXPECT_EQ(idle.opened + idle.closed, 0u);
  EXPECT_EQ(LivePairs(db()), after);
  // Alerts on changed entities were refreshed, each with its audit row.
  EXPECT_GT(delta.refreshed, 0u);
  EXPECT_EQ(AuditRows(db(), "alert.refresh"), static_cast<int64_t>(delta.refreshed));
  testing::ExpectTrailIntact(db());
}

TEST_P(RescreenTest, AFalsePositiveStaysQuietUntilTheCustomerChanges) {
  Import(db(), Jan());
  const Entity& listed = Jan().entities[100];
  QueryFields customer;
  customer.id = "K1";
  customer.names = {listed.caption()};
  customer.schema = std::string(SchemaName(listed.schema));
  AddCustomers(db(), {customer});
  RescreenReport first = Run(db());
  ASSERT_GE(first.opened, 1u);
  AlertFilter filter;
  filter.entity_id = listed.id;
  auto alerts = ListAlerts(db(), filter);
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->size(), 1u);
  int64_t id = alerts->front().id;
  // The audit row that opened it names the business's customer id.
  auto opened = db().QueryValue("SELECT details FROM audit_log WHERE action = 'alert.open'");
  ASSERT_TRUE(opened.ok() && opened->has_value());
  EXPECT_EQ(nlohmann::json::parse(**opened).value("customer", ""), "K1") << **opened;

  EXPECT_FALSE(DecideAlert(db(), id, "maybe", "x", "ana").ok());
  EXPECT_FALSE(DecideAlert(db(), id, "false_positive", "", "ana").ok());
  auto decided = DecideAlert(db(), id, "false_positive", "different person: born 1990", "ana");
  ASSERT_TRUE(decided.ok()) << decided.error().ToString();
  // An exact name: strong evidence, so a second person approves (four_eyes_test.cc).
  ASSERT_TRUE(decided->pending.has_value());
  auto approved = ReviewDecision(db(), id, true, "agreed", "rev");
  ASSERT_TRUE(approved.ok()) << approved.error().ToString();
  EXPECT_FALSE(approved->live());
  EXPECT_FALSE(DecideAlert(db(), id, "true_match", "changed my mind", "ana").ok());

  RescreenReport again = Run(db(), /*full=*/true);
  EXPECT_EQ(again.suppressed, 1u);
  EXPECT_EQ(again.opened, 0u);
  auto live = ListAlerts(db(), filter);
  ASSERT_TRUE(live.ok());
  EXPECT_TRUE(live->empty());

  // The customer's record changes: the suppression lapses, the alert returns.
  customer.birth_dates = {"1990-01-01"};
  AddCustomers(db(), {customer});
  RescreenReport changed = Run(db());
  EXPECT_EQ(changed.mode, "delta");
  EXPECT_EQ(changed.screened_full, 1u);
  live = ListAlerts(db(), filter);
  ASSERT_TRUE(live.ok());
  ASSERT_EQ(live->size(), 1u);
  EXPECT_NE(live->front().id, id);
  auto decisions = AlertDecisions(db(), id);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ(decisions->front().analyst, "ana");
  EXPECT_EQ(decisions->front().note, "different person: born 1990");
  EXPECT_EQ(AuditRows(db(), "suppression.lapse"), 1);
  testing::ExpectTrailIntact(db());
}

TEST_P(RescreenTest, CustomerImportValidatesAndCountsChanges) {
  QueryFields a;
  a.id = "A";
  a.names = {"Ivan Petrov"};
  QueryFields b = a;
  b.id = "B";
  auto first = ImportCustomers(db(), {a, b}, "f.csv", "t");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->added, 2u);
  b.countries = {"Russia"};
  auto second = ImportCustomers(db(), {a, b}, "f.csv", "t");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->unchanged, 1u);
  EXPECT_EQ(second->updated, 1u);
  auto dup = ImportCustomers(db(), {a, a}, "f.csv", "t");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("'A': id given twice"), std::string::npos);
  // An unreadable field is stored as given (screening ignores it, with a
  // warning); a record without a usable name is refused.
  QueryFields dirty = a;
  dirty.birth_dates = {"yesterday"};
  EXPECT_TRUE(ImportCustomers(db(), {dirty}, "f.csv", "t").ok());
  QueryFields nameless = a;
  nameless.names = {"***"};
  auto refused = ImportCustomers(db(), {nameless}, "f.csv", "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "record 'A': name '***' has no letter or digit");
  auto no_lists = Rescreen(db(), {});
  ASSERT_FALSE(no_lists.ok());
  EXPECT_NE(no_lists.error().message.find("no lists in the store"), std::string::npos);
}

EMBARGO_STORE_BACKENDS(RescreenTest);

}  // namespace
}  // namespace embargo::store
