#include "eval/evaluate.h"

#include "common/parallel.h"

namespace embargo::eval {

std::vector<EvalOutcome> Evaluate(const Screener& screener,
                                  const std::vector<LabeledQuery>& queries, int threads,
                                  const std::function<void(size_t)>& progress) {
  std::vector<EvalOutcome> outcomes(queries.size());
  ScreenOptions options{kDefaultThreshold, kEvalCutoff, 10};
  ParallelFor(
      queries.size(), threads,
      [&](size_t i) {
        const LabeledQuery& lq = queries[i];
        EvalOutcome& o = outcomes[i];
        o.kind = lq.kind;
        o.positive = !lq.expected_id.empty();
        auto query = MakeQuery(lq.fields);
        if (!query.ok()) {
          o.error = true;
          return;
        }
        ScreenOptions own = options;
        if (!lq.dataset.empty())
          own.filter = [&lq](const Entity& e) { return e.dataset == lq.dataset; };
        std::vector<Match> matches = screener.Screen(*query, own);
        if (matches.empty()) return;
        o.top_score = matches.front().score;
        o.top_entity = matches.front().entity->id;
        o.top_name = matches.front().explanation.matched_name;
        for (const Match& m : matches) {
          if (m.entity->id == lq.expected_id) {
            o.expected_score = m.score;
            o.expected_at_top = m.score >= matches.front().score;
            break;
          }
        }
      },
      progress);
  return outcomes;
}

ThresholdMetrics ComputeMetrics(const std::vector<EvalOutcome>& outcomes, double threshold,
                                const std::string& kind) {
  ThresholdMetrics m;
  m.threshold = threshold;
  for (const EvalOutcome& o : outcomes) {
    if (!kind.empty() && o.kind != kind) continue;
    if (o.positive) {
      ++m.positives;
      if (o.expected_score >= threshold) ++m.found;
      if (o.expected_score >= threshold && o.expected_at_top) ++m.rank1;
    } else {
      ++m.negatives;
      if (o.top_score >= threshold) ++m.alerted;
    }
  }
  return m;
}

}  // namespace embargo::eval
