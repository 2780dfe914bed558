// The service's /match request path without sockets: the same single-name
// requests bench/load/match.lua sends (names that hit and names that do
// not), answered by HandleMatch and written as JSON text, against screening
// the same names alone. The difference is what parsing the request and
// building and writing the answer cost per request.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "common/json_text.h"
#include "embargo/lists.h"
#include "embargo/screener.h"
#include "service/match_handler.h"

namespace embargo {
namespace {

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {"Lee Won-ho",
                                                 "Maria Gonzalez Ruiz",
                                                 "Muammar Gaddafi",
                                                 "John Smith",
                                                 "Kim Jong Un",
                                                 "Korea Mining Development Trading Corp",
                                                 "Ingeborg Abrahamsen",
                                                 "Han Jang Su",
                                                 "Chen Wei",
                                                 "Mohammad Hossein Ahmadi",
                                                 "Tanchon Commercial Bank",
                                                 "Reni Mehdi Klemm",
                                                 "Ri Yong Gil",
                                                 "Isabella Joaquin Torres",
                                                 "Usama bin Ladin",
                                                 "Acme Widgets GmbH",
                                                 "Ali Hassan",
                                                 "Foreign Trade Bank",
                                                 "Yusuf Ahmed",
                                                 "Pak Han Se"};
  return names;
}

const service::ServingSnapshot& Snapshot() {
  static const service::ServingSnapshot* snapshot = [] {
    auto loaded = LoadLists({std::string(EMBARGO_SHARED_DATA)});
    if (!loaded.ok()) {
      fprintf(stderr, "cannot load lists: %s\n", loaded.error().ToString().c_str());
      std::exit(1);
    }
    auto* s = new service::ServingSnapshot;
    s->screener = Screener::Build(std::move(*loaded));
    return s;
  }();
  return *snapshot;
}

std::string Body(const std::string& name) {
  return R"({"queries":{"q":{"schema":"LegalEntity","properties":{"name":[")" + name + R"("]}}}})";
}

void BM_MatchRequest(benchmark::State& state) {
  const service::ServingSnapshot& snapshot = Snapshot();
  std::vector<std::string> bodies;
  for (const std::string& n : Names()) bodies.push_back(Body(n));
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    service::Response r =
        service::HandleMatch(snapshot, "default", {}, bodies[i++ % bodies.size()], {});
    std::string text = r.text.empty() ? JsonText(r.body) : std::move(r.text);
    bytes += text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["answer_bytes"] = static_cast<double>(bytes) / state.iterations();
}
BENCHMARK(BM_MatchRequest)->Unit(benchmark::kMicrosecond)->MinTime(3);

void BM_MatchScreenOnly(benchmark::State& state) {
  const Screener& screener = *Snapshot().screener;
  std::vector<Query> queries;
  for (const std::string& n : Names()) {
    QueryFields f;
    f.names = {n};
    f.schema = "LegalEntity";
    queries.push_back(*MakeQuery(f));
  }
  ScreenOptions options;
  options.limit = 5;
  size_t i = 0;
  for (auto _ : state) {
    auto matches = screener.Screen(queries[i++ % queries.size()], options);
    benchmark::DoNotOptimize(matches);
  }
}
BENCHMARK(BM_MatchScreenOnly)->Unit(benchmark::kMicrosecond)->MinTime(3);

}  // namespace
}  // namespace embargo
