// Monitoring benchmark: 100,000 customers (the development negatives,
// recombined past their 50,000 rows, with 300 names of entities listed in
// January 2024 and 300 designated in February planted among them), screened
// in full against OFAC SDN 2024-01-31; then the 2024-02-23 version arrives.
// BM_RescreenDelta re-screens against what changed, BM_RescreenFull against
// everything, each from a copy of the same prepared SQLite store. Counters
// give the alerts and whether the delta run found every planted February
// designation and agrees with the full run pair for pair.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <set>

#include "embargo/lists.h"
#include "eval/customer_deck.h"
#include "store/alerts.h"
#include "store/customers.h"
#include "store/entity_diff.h"
#include "store/rescreen.h"
#include "store/store.h"
#include "store/versions.h"

namespace embargo {
namespace {

namespace fs = std::filesystem;
using Pairs = std::set<std::pair<std::string, std::string>>;

std::string Shared(const std::string& relative) {
  return std::string(EMBARGO_SHARED_DATA) + "/" + relative;
}

[[noreturn]] void Die(const std::string& what) {
  fprintf(stderr, "monitor benchmark: %s\n", what.c_str());
  std::exit(1);
}

struct Prepared {
  fs::path dir;
  fs::path store;  // after the January full run and the February import
  std::map<std::string, std::string> planted_feb;  // customer -> entity designated in February
};

const Prepared& Prepare() {
  static const Prepared* prepared = [] {
    auto* p = new Prepared;
    p->dir = fs::temp_directory_path() / ("embargo-monitor-bench-" + std::to_string(getpid()));
    fs::remove_all(p->dir);
    fs::create_directories(p->dir);
    p->store = p->dir / "prepared.db";
    static fs::path scratch = p->dir;
    std::atexit([] { fs::remove_all(scratch); });
    auto jan = LoadLists({Shared("ofac/sdn-2024-01-31.csv")});
    auto feb = LoadLists({Shared("ofac/sdn-2024-02-23.csv")});
    if (!jan.ok() || !feb.ok()) Die("cannot load the OFAC snapshots");
    store::ListDiff diff = store::DiffEntities(jan->entities, feb->entities);
    std::vector<const Entity*> planted;
    std::set<std::string> feb_ids;
    for (size_t i = 0; i < jan->entities.size() && planted.size() < 300; i += 41) {
      planted.push_back(&jan->entities[i]);
    }
    for (size_t i = 0; i < diff.added.size() && feb_ids.size() < 300; ++i) {
      planted.push_back(diff.added[i]);
      feb_ids.insert(diff.added[i]->id);
    }
    auto deck = eval::MakeCustomerDeck(
        {Shared("negatives/negatives-global-dev.csv"), Shared("negatives/negatives-us-dev.csv")},
        planted, 100000);
    if (!deck.ok()) Die(deck.error().ToString());
    for (const auto& [customer, entity] : deck->planted) {
      if (feb_ids.contains(entity)) p->planted_feb[customer] = entity;
    }
    auto db = store::OpenStore(p->store.string());
    if (!db.ok()) Die(db.error().ToString());
    if (!store::StoreListSet(**db, *jan, {}).ok()) Die("import January");
    auto imported = store::ImportCustomers(**db, deck->rows, "bench", "bench");
    if (!imported.ok()) Die(imported.error().ToString());
    auto first = store::Rescreen(**db, {});
    if (!first.ok()) Die(first.error().ToString());
    fprintf(stderr, "prepared: 100,000 customers, first full run %.1f s, %zu alerts\n",
            first->total_seconds, first->opened);
    if (!store::StoreListSet(**db, *feb, {}).ok()) Die("import February");
    return p;
  }();
  return *prepared;
}

Pairs LivePairs(store::Database& db) {
  store::AlertFilter filter;
  filter.limit = 10000000;
  auto alerts = store::ListAlerts(db, filter);
  Pairs pairs;
  if (alerts.ok()) {
    for (const store::Alert& a : *alerts) pairs.emplace(a.customer, a.entity_id);
  }
  return pairs;
}

// Runs one re-screen from a fresh copy of the prepared store.
Pairs RunFromCopy(benchmark::State& state, bool full) {
  const Prepared& p = Prepare();
  Pairs pairs;
  for (auto _ : state) {
    state.PauseTiming();
    fs::path copy = p.dir / (full ? "full.db" : "delta.db");
    fs::remove(copy);
    fs::copy_file(p.store, copy);
    auto db = store::OpenStore(copy.string());
    if (!db.ok()) Die(db.error().ToString());
    state.ResumeTiming();
    store::RescreenOptions options;
    options.full = full;
    auto report = store::Rescreen(**db, options);
    state.PauseTiming();
    if (!report.ok()) Die(report.error().ToString());
    state.counters["screened"] =
        static_cast<double>(report->screened_full + report->screened_delta);
    state.counters["opened"] = static_cast<double>(report->opened);
    state.counters["closed"] = static_cast<double>(report->closed);
    state.counters["load_s"] = report->load_seconds;
    state.counters["screen_s"] = report->screen_seconds;
    pairs = LivePairs(**db);
    size_t found = 0;
    for (const auto& [customer, entity] : p.planted_feb)
      found += pairs.contains({customer, entity});
    state.counters["planted_feb_found"] = static_cast<double>(found);
    state.counters["planted_feb"] = static_cast<double>(p.planted_feb.size());
    state.counters["live_alerts"] = static_cast<double>(pairs.size());
    state.ResumeTiming();
  }
  return pairs;
}

Pairs& DeltaPairs() {
  static Pairs pairs;
  return pairs;
}

void BM_RescreenDelta(benchmark::State& state) { DeltaPairs() = RunFromCopy(state, false); }

void BM_RescreenFull(benchmark::State& state) {
  Pairs full = RunFromCopy(state, true);
  // 1 when the delta run (run first) left exactly the alerts of the full run.
  state.counters["same_as_delta"] = !DeltaPairs().empty() && full == DeltaPairs() ? 1 : 0;
}

BENCHMARK(BM_RescreenDelta)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_RescreenFull)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace embargo
