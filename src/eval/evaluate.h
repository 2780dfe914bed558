// Measuring accuracy the same way every time: screen labelled queries and
// turn the outcomes into recall, rank-1 rate and alert rate at any
// threshold. A query with an expected entity id is a positive (that entity
// must be found with match = true); one without is a negative (it must
// raise no alert). Used by `embargo eval` and by the accuracy tests.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "embargo/screener.h"

namespace embargo::eval {

struct LabeledQuery {
  QueryFields fields;
  std::string expected_id;  // empty: a negative
  std::string kind;         // variant kind or "negative"
  std::string source;       // file it came from, for reports
  int line = 0;
  std::string dataset;  // only this dataset's records compete ("" = all lists)
};

struct EvalOutcome {
  std::string kind;
  bool positive = false;
  bool error = false;            // the query could not be screened
  double expected_score = -1;    // score of the expected entity (-1: not found)
  bool expected_at_top = false;  // expected entity ranked first or tied with the first
  double top_score = -1;         // best score of any candidate (-1: none)
  std::string top_entity;
  std::string top_name;
};

// Lowest threshold the outcomes can be judged at (candidates below are not kept).
inline constexpr double kEvalCutoff = 0.5;

std::vector<EvalOutcome> Evaluate(const Screener& screener,
                                  const std::vector<LabeledQuery>& queries, int threads,
                                  const std::function<void(size_t)>& progress = nullptr);

struct ThresholdMetrics {
  double threshold = 0;
  size_t positives = 0, found = 0, rank1 = 0;
  size_t negatives = 0, alerted = 0;
  double recall() const { return positives ? static_cast<double>(found) / positives : 0; }
  double rank1_rate() const { return positives ? static_cast<double>(rank1) / positives : 0; }
  double alert_rate() const { return negatives ? static_cast<double>(alerted) / negatives : 0; }
};

// Metrics over the outcomes of one kind ("" = all).
ThresholdMetrics ComputeMetrics(const std::vector<EvalOutcome>& outcomes, double threshold,
                                const std::string& kind = "");

}  // namespace embargo::eval
