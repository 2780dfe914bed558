// Scale benchmarks (issue 16) over a snapshot named by EMBARGO_SCALE_SNAPSHOT,
// typically one of bench/make_synthetic_ftm.py's lists built by `embargo
// index build`: snapshot load time, resident memory once loaded, single-query
// latency (p50/p99 as counters) and one-core batch throughput. Queries are
// the development negatives (people on no list). Without the variable every
// benchmark here is skipped, so `embargo_bench` alone runs as before.
//
//   python3 bench/make_synthetic_ftm.py 1000000 > /tmp/synth-1m.ftm.json
//   build/embargo index build --lists /tmp/synth-1m.ftm.json --out /tmp/synth-1m.idx
//   EMBARGO_SCALE_SNAPSHOT=/tmp/synth-1m.idx build/embargo_bench --benchmark_filter=Scale
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench_common.h"
#include "embargo/screener.h"

namespace embargo {
namespace {

const char* SnapshotPath() { return std::getenv("EMBARGO_SCALE_SNAPSHOT"); }

using bench::ResidentMegabytes;

// Loaded once for the query benchmarks (the load benchmark loads its own).
std::shared_ptr<const Screener> Loaded() {
  static std::shared_ptr<const Screener> screener = [] {
    auto loaded = Screener::LoadSnapshot(SnapshotPath());
    return loaded.ok() ? *loaded : nullptr;
  }();
  return screener;
}

const std::vector<Query>& Negatives() {
  static const std::vector<Query> queries = bench::NegativePersonQueries();
  return queries;
}

bool Skip(benchmark::State& state) {
  if (SnapshotPath() == nullptr) {
    state.SkipWithError("set EMBARGO_SCALE_SNAPSHOT to a snapshot file");
    return true;
  }
  return false;
}

void BM_ScaleSnapshotLoad(benchmark::State& state) {
  if (Skip(state)) return;
  double before = ResidentMegabytes();
  size_t names = 0;
  for (auto _ : state) {
    auto loaded = Screener::LoadSnapshot(SnapshotPath());
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error().ToString().c_str());
      return;
    }
    std::shared_ptr<const Screener> screener = std::move(*loaded);
    names = screener->name_count();
    state.counters["rss_mb_loaded"] = ResidentMegabytes() - before;
    state.counters["entities"] = static_cast<double>(screener->lists().entities.size());
    state.PauseTiming();  // freeing the screener is not part of loading it
    screener.reset();
    state.ResumeTiming();
  }
  state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(BM_ScaleSnapshotLoad)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

void BM_ScaleSingleQueryLatency(benchmark::State& state) {
  if (Skip(state)) return;
  auto screener = Loaded();
  if (!screener) return state.SkipWithError("cannot load the snapshot");
  const auto& queries = Negatives();
  std::vector<double> micros;
  size_t i = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto matches = screener->Screen(queries[i++ % queries.size()], ScreenOptions{});
    benchmark::DoNotOptimize(matches);
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  state.counters["rss_mb"] = ResidentMegabytes();
}
BENCHMARK(BM_ScaleSingleQueryLatency)->Unit(benchmark::kMicrosecond)->Iterations(5000);

void BM_ScaleBatchOneCore(benchmark::State& state) {
  if (Skip(state)) return;
  auto screener = Loaded();
  if (!screener) return state.SkipWithError("cannot load the snapshot");
  const auto& queries = Negatives();
  size_t screened = 0;
  for (auto _ : state) {
    // Past the queries the latency benchmark screened: none starts warm.
    for (size_t i = 5000; i < 10000 && i < queries.size(); ++i) {
      auto matches = screener->Screen(queries[i], ScreenOptions{});
      benchmark::DoNotOptimize(matches);
      ++screened;
    }
  }
  state.counters["names_per_s"] =
      benchmark::Counter(static_cast<double>(screened), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ScaleBatchOneCore)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace embargo
