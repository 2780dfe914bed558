// Runs the independent decks (eval/independent_deck.h) and the development
// negatives through the engine and through the naive baseline
// (eval/baseline.h), and reports recall per variant class and per source,
// rank 1, the false-alert rate and a threshold sweep for both, as one JSON
// document (the source of truth for `embargo eval --independent` and the
// `embargo validate` HTML page). The result owns its data; thread-compatible.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "eval/evaluate.h"
#include "eval/independent_deck.h"

namespace embargo::eval {

struct IndependentEvalOptions {
  int threads = 0;                      // 0 = all cores
  bool with_evidence = false;           // give the query record's birth date and nationality
  std::vector<LabeledQuery> negatives;  // development negatives (no expected id)
  // The baseline is brute force: it scores only the first this many negatives.
  size_t baseline_negatives = 5000;
  bool baseline = true;  // false: the engine only (a quicker development run)
};

struct IndependentEvalResult {
  std::vector<Dataset> datasets;
  std::vector<PairRow> rows;
  std::vector<LabeledQuery> negatives;
  std::vector<EvalOutcome> engine_rows, engine_negatives;
  // Empty when the baseline was not run; baseline_negatives may be shorter.
  std::vector<EvalOutcome> baseline_rows, baseline_negatives;
  bool with_evidence = false;
  double engine_seconds = 0, baseline_seconds = 0;
};

// `screener` must have been built from `lists`.
IndependentEvalResult RunIndependentEval(const ListSet& lists, const Screener& screener,
                                         const IndependentEvalOptions& options);

// The report at `threshold` (the baseline always at kBaselineThreshold): data
// sources, deck composition, overall / per class / per source / per source and
// class figures for engine and baseline, the sweep, the engine's misses and
// false alerts (at most `max_listed` of each). "baseline" is null when it
// was not run.
nlohmann::json IndependentEvalJson(const IndependentEvalResult& result, double threshold,
                                   size_t max_listed = 500);

// Every missed pair and every false alert at `threshold` (none left out),
// one CSV row each: kind (miss or false_alert), the pair's id or the
// negative's source:line, source, class, query, expected record, and the
// engine's best candidate.
void WriteIndependentMisses(const IndependentEvalResult& result, double threshold,
                            std::ostream& out);

}  // namespace embargo::eval
