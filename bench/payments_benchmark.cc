// Payment screening per core: reading a message (ISO 20022 pacs.008 or
// SWIFT MT103) and screening every party, agent, code and free-text field
// against every reference list and the embargo table, one thread. The
// samples in ../shared/data/payments are cycled, so a run mixes small and
// large messages as they come; items/s is messages per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/file.h"
#include "embargo/lists.h"
#include "payments/payment_screener.h"
#include "payments/read_payments.h"

namespace embargo {
namespace {

const payments::PaymentScreener& PaymentScreener() {
  static const payments::PaymentScreener* screener = [] {
    auto loaded = LoadLists({std::string(EMBARGO_SHARED_DATA)});
    if (!loaded.ok()) {
      fprintf(stderr, "cannot load lists: %s\n", loaded.error().ToString().c_str());
      std::exit(1);
    }
    return new payments::PaymentScreener(Screener::Build(std::move(*loaded)),
                                         payments::DefaultEmbargoes());
  }();
  return *screener;
}

// The raw text of each sample file of one kind, and how many messages it holds.
struct Sample {
  std::string text;
  size_t messages = 0;
};

// `skip`: a file name part to leave out ("" = none).
std::vector<Sample> Samples(const std::string& folder, const std::string& type_prefix,
                            const std::string& skip = "") {
  std::vector<Sample> out;
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(EMBARGO_SHARED_DATA) +
                                                           "/payments/" + folder)) {
    std::string name = e.path().filename().string();
    if (skip.empty() || name.find(skip) == std::string::npos) paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    auto bytes = ReadFileBytes(path);
    if (!bytes.ok()) continue;
    size_t n = 0;
    for (const payments::ParsedMessage& p : payments::ParsePayments(*bytes, path)) {
      n += p.message && p.message->type.rfind(type_prefix, 0) == 0 ? 1 : 0;
    }
    if (n > 0) out.push_back({*bytes, n});
  }
  return out;
}

void ParseAndScreen(benchmark::State& state, const std::vector<Sample>& samples, bool screen) {
  const payments::PaymentScreener& screener = PaymentScreener();
  size_t i = 0, messages = 0, held = 0;
  for (auto _ : state) {
    const Sample& sample = samples[i++ % samples.size()];
    for (const payments::ParsedMessage& p : payments::ParsePayments(sample.text, "bench")) {
      if (!p.message) continue;
      ++messages;
      if (!screen) continue;
      payments::Screening s = screener.Screen(*p.message, {});
      held += s.decision == "hold" ? 1 : 0;
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(messages));
  state.counters["held"] = static_cast<double>(held);
}

void BM_PaymentsPacs008(benchmark::State& state) {
  static const std::vector<Sample> samples = Samples("iso20022", "pacs.008");
  ParseAndScreen(state, samples, state.range(0) != 0);
}
BENCHMARK(BM_PaymentsPacs008)->Arg(1)->Arg(0)->ArgName("screen")->Unit(benchmark::kMicrosecond);

// Without the CBPR+ "max" example, which fills every optional element of
// the schema with placeholders (40 KB): the messages banks usually send.
void BM_PaymentsPacs008Typical(benchmark::State& state) {
  static const std::vector<Sample> samples = Samples("iso20022", "pacs.008", ".max.");
  ParseAndScreen(state, samples, state.range(0) != 0);
}
BENCHMARK(BM_PaymentsPacs008Typical)
    ->Arg(1)
    ->Arg(0)
    ->ArgName("screen")
    ->Unit(benchmark::kMicrosecond);

void BM_PaymentsMt103(benchmark::State& state) {
  static const std::vector<Sample> samples = Samples("mt", "MT103");
  ParseAndScreen(state, samples, state.range(0) != 0);
}
BENCHMARK(BM_PaymentsMt103)->Arg(1)->Arg(0)->ArgName("screen")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace embargo
