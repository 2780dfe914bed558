// Screening benchmarks over all reference lists in ../shared/data loaded
// together: index build time, single-query latency (p50/p99 reported as
// counters), single-thread batch throughput, and resident memory.
// Queries: the development negatives (what a bank screens all day: people
// on no list) mixed with list-name variants from the deck (1 in 10).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_common.h"
#include "embargo/lists.h"
#include "embargo/screener.h"
#include "eval/variant_deck.h"

namespace embargo {
namespace {

const ListSet& Lists() {
  static const ListSet* lists = [] {
    auto loaded = LoadLists({std::string(EMBARGO_SHARED_DATA)});
    if (!loaded.ok()) {
      fprintf(stderr, "cannot load lists: %s\n", loaded.error().ToString().c_str());
      std::exit(1);
    }
    return new ListSet(std::move(*loaded));
  }();
  return *lists;
}

// Each benchmark builds its own screener (untimed): query-side caches are
// keyed by index, so no benchmark or repetition starts warm from another.
std::shared_ptr<const Screener> FreshScreener() { return Screener::Build(Lists()); }

std::vector<Query> Queries() {
  std::vector<Query> queries;
  std::vector<Query> negatives = bench::NegativePersonQueries();
  auto deck =
      eval::MakeVariantDeck(Lists(), eval::DeckOptions{7, {"typo", "swap", "korean", "arabic"}});
  size_t d = 0;
  for (size_t i = 0; i < negatives.size(); ++i) {
    queries.push_back(negatives[i]);
    if (i % 9 == 0 && d < deck.size()) {
      QueryFields f;
      f.names = {deck[d].name};
      f.schema = deck[d].schema;
      auto q = MakeQuery(f);
      if (q.ok()) queries.push_back(*q);
      d += 7;
    }
  }
  return queries;
}

const std::vector<Query>& SharedQueries() {
  static const std::vector<Query> queries = Queries();
  return queries;
}

using bench::ResidentMegabytes;

void BM_IndexBuild(benchmark::State& state) {
  const ListSet& lists = Lists();
  for (auto _ : state) {
    auto screener = Screener::Build(lists);
    benchmark::DoNotOptimize(screener);
  }
  state.counters["entities"] = static_cast<double>(lists.entities.size());
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SingleQueryLatency(benchmark::State& state) {
  auto fresh = FreshScreener();
  const Screener& screener = *fresh;
  const auto& queries = SharedQueries();
  std::vector<double> micros;
  micros.reserve(queries.size());
  size_t i = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto matches = screener.Screen(queries[i % queries.size()], ScreenOptions{});
    benchmark::DoNotOptimize(matches);
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
    ++i;
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  state.counters["max_us"] = micros.back();
}
BENCHMARK(BM_SingleQueryLatency)->Unit(benchmark::kMicrosecond)->Iterations(20000);

void BM_BatchThroughputOneCore(benchmark::State& state) {
  auto fresh = FreshScreener();
  const Screener& screener = *fresh;
  const auto& queries = SharedQueries();
  size_t screened = 0;
  for (auto _ : state) {
    for (const Query& q : queries) {
      auto matches = screener.Screen(q, ScreenOptions{});
      benchmark::DoNotOptimize(matches);
    }
    screened += queries.size();
  }
  state.counters["names_per_s"] =
      benchmark::Counter(static_cast<double>(screened), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BatchThroughputOneCore)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_SnapshotLoad(benchmark::State& state) {
  std::string path = "/tmp/embargo_bench_snapshot.idx";
  if (!FreshScreener()->SaveSnapshot(path).ok()) state.SkipWithError("cannot write snapshot");
  for (auto _ : state) {
    auto loaded = Screener::LoadSnapshot(path);
    if (!loaded.ok()) state.SkipWithError("cannot load snapshot");
    benchmark::DoNotOptimize(loaded);
  }
  std::remove(path.c_str());
}
BENCHMARK(BM_SnapshotLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

// Resident memory of this process holding the loaded lists and one screener
// (the benchmark's own copy of the list set included: an upper bound).
void BM_ResidentMemory(benchmark::State& state) {
  auto screener = FreshScreener();
  for (auto _ : state) benchmark::DoNotOptimize(ResidentMegabytes());
  state.counters["rss_mb"] = ResidentMegabytes();
  state.counters["names"] = static_cast<double>(screener->name_count());
}
BENCHMARK(BM_ResidentMemory)->Iterations(1);

}  // namespace
}  // namespace embargo

BENCHMARK_MAIN();
