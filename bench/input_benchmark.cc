// Reading loose query fields (MakeQuery, src/input) for the 25,000 global
// development negatives: as the file gives them (ISO dates, English country
// names, "male"), and dirtied the way customers' files are (17.07.1964,
// M/F, a Korean or French country name). Also the one-off cost of gathering
// ICU's country names in every locale, paid by the first name embargo's own
// table does not know.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/file.h"
#include "embargo/screener.h"
#include "input/country_reading.h"

namespace embargo {
namespace {

std::vector<QueryFields> Negatives(bool dirty) {
  std::vector<QueryFields> out;
  auto bytes =
      ReadFileBytes(std::string(EMBARGO_SHARED_DATA) + "/negatives/negatives-global-dev.csv");
  auto rows = ReadCsv(bytes.ok() ? *bytes : "", "negatives");
  if (!rows.ok()) return out;
  const char* countries[] = {"대한민국", "Allemagne", "Korea", "Irak"};
  for (size_t i = 1; i < rows->size(); ++i) {
    const auto& f = (*rows)[i].fields;
    QueryFields q;
    q.names = {f[0]};
    q.gender = f[4];
    q.birth_dates = {f[5]};
    q.countries = {f[7]};
    if (dirty && f[5].size() == 10) {
      q.birth_dates = {f[5].substr(8, 2) + "." + f[5].substr(5, 2) + "." + f[5].substr(0, 4)};
      q.gender = f[4].substr(0, 1);
      q.countries = {countries[i % 4]};
    }
    out.push_back(std::move(q));
  }
  return out;
}

void BM_CountryNamesFirstUse(benchmark::State& state) {
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(input::ReadCountry("Nordkorea"));
    state.counters["first_use_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
}
BENCHMARK(BM_CountryNamesFirstUse)->Unit(benchmark::kMillisecond)->Iterations(1);

void MakeQueries(benchmark::State& state, bool dirty) {
  const std::vector<QueryFields> rows = Negatives(dirty);
  size_t made = 0;
  for (auto _ : state) {
    for (const QueryFields& f : rows) benchmark::DoNotOptimize(MakeQuery(f));
    made += rows.size();
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(made), benchmark::Counter::kIsRate);
}

void BM_MakeQueryClean(benchmark::State& state) { MakeQueries(state, false); }
BENCHMARK(BM_MakeQueryClean)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_MakeQueryDirty(benchmark::State& state) { MakeQueries(state, true); }
BENCHMARK(BM_MakeQueryDirty)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace embargo
