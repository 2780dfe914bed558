#include "eval/independent_eval.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <map>

#include "common/csv.h"
#include "eval/baseline.h"

namespace embargo::eval {
namespace {

using nlohmann::json;

// Thresholds 0.50, 0.55, ... 0.95, each exactly its two-decimal value, so the
// sweep's 0.80 is the summary's 0.80.
constexpr int kSweepFirst = 50, kSweepLast = 95, kSweepStep = 5;

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

LabeledQuery ToQuery(const PairRow& row, bool with_evidence) {
  LabeledQuery query;
  query.fields.id = row.id;
  query.fields.names = {row.name};
  query.fields.schema = row.schema;
  if (with_evidence && !row.birth_date.empty()) query.fields.birth_dates = {row.birth_date};
  if (with_evidence && !row.nationality.empty()) query.fields.countries = {row.nationality};
  query.expected_id = row.expected_id;
  query.kind = row.variant_class;
  query.source = row.source;
  query.dataset = row.expected_dataset;
  return query;
}

double Round4(double x) { return std::round(x * 10000) / 10000; }

// Positives found (score >= threshold) and found at rank 1, per group.
struct Tally {
  size_t rows = 0, found = 0, rank1 = 0;
  void Add(const EvalOutcome& o, double threshold) {
    ++rows;
    bool hit = o.expected_score >= threshold;
    found += hit;
    rank1 += hit && o.expected_at_top;
  }
  json ToJson() const {
    return {{"rows", rows},
            {"found", found},
            {"rank1", rank1},
            {"recall", rows ? Round4(static_cast<double>(found) / rows) : 0.0},
            {"rank1_rate", rows ? Round4(static_cast<double>(rank1) / rows) : 0.0}};
  }
};

json Alerts(const std::vector<EvalOutcome>& negatives, double threshold) {
  size_t alerted = 0;
  for (const EvalOutcome& o : negatives) alerted += o.top_score >= threshold;
  double rate = negatives.empty() ? 0.0 : static_cast<double>(alerted) / negatives.size();
  return {{"negatives", negatives.size()}, {"alerted", alerted}, {"rate", Round4(rate)}};
}

json Figures(const IndependentEvalResult& r, const std::vector<EvalOutcome>& rows,
             const std::vector<EvalOutcome>& negatives, double threshold) {
  Tally overall;
  std::map<std::string, Tally> by_class, by_source;
  std::map<std::string, std::map<std::string, Tally>> by_source_class;
  for (size_t i = 0; i < rows.size(); ++i) {
    const PairRow& row = r.rows[i];
    overall.Add(rows[i], threshold);
    by_class[row.variant_class].Add(rows[i], threshold);
    by_source[row.source].Add(rows[i], threshold);
    by_source_class[row.source][row.variant_class].Add(rows[i], threshold);
  }
  json out = {{"threshold", threshold},
              {"overall", overall.ToJson()},
              {"false_alerts", Alerts(negatives, threshold)}};
  for (const auto& [name, tally] : by_class) out["by_class"][name] = tally.ToJson();
  for (const auto& [name, tally] : by_source) out["by_source"][name] = tally.ToJson();
  for (const auto& [source, classes] : by_source_class)
    for (const auto& [name, tally] : classes) out["by_source_class"][source][name] = tally.ToJson();
  json sweep = json::array();
  for (int percent = kSweepFirst; percent <= kSweepLast; percent += kSweepStep) {
    double t = percent / 100.0;
    Tally at;
    for (const EvalOutcome& o : rows) at.Add(o, t);
    json alerts = Alerts(negatives, t);
    sweep.push_back({{"threshold", Round4(t)},
                     {"recall", at.ToJson()["recall"]},
                     {"alert_rate", alerts["rate"]}});
  }
  out["sweep"] = sweep;
  return out;
}

json Misses(const IndependentEvalResult& r, double threshold, size_t max_listed) {
  json out = json::array();
  for (size_t i = 0; i < r.rows.size() && out.size() < max_listed; ++i) {
    const EvalOutcome& o = r.engine_rows[i];
    if (o.expected_score >= threshold) continue;
    const PairRow& row = r.rows[i];
    out.push_back({{"id", row.id},
                   {"query", row.name},
                   {"source", row.source},
                   {"class", row.variant_class},
                   {"expected_id", row.expected_id},
                   {"expected_name", row.expected_name},
                   {"expected_score", Round4(o.expected_score)},
                   {"top_entity", o.top_entity},
                   {"top_name", o.top_name},
                   {"top_score", Round4(o.top_score)}});
  }
  return out;
}

json FalseAlerts(const IndependentEvalResult& r, double threshold, size_t max_listed) {
  json out = json::array();
  for (size_t i = 0; i < r.negatives.size() && out.size() < max_listed; ++i) {
    const EvalOutcome& o = r.engine_negatives[i];
    if (o.top_score < threshold) continue;
    const LabeledQuery& q = r.negatives[i];
    out.push_back({{"query", q.fields.names.empty() ? "" : q.fields.names[0]},
                   {"source", q.source},
                   {"line", q.line},
                   {"top_entity", o.top_entity},
                   {"top_name", o.top_name},
                   {"top_score", Round4(o.top_score)}});
  }
  return out;
}

json Composition(const IndependentEvalResult& r) {
  std::map<std::string, size_t> by_source, by_class, by_link;
  for (const PairRow& row : r.rows) {
    ++by_source[row.source];
    ++by_class[row.variant_class];
    ++by_link[row.link];
  }
  return {{"rows", r.rows.size()},
          {"negatives", r.negatives.size()},
          {"baseline_negatives", r.baseline_negatives.size()},
          {"by_source", by_source},
          {"by_class", by_class},
          {"by_link", by_link}};
}

}  // namespace

IndependentEvalResult RunIndependentEval(const ListSet& lists, const Screener& screener,
                                         const IndependentEvalOptions& options) {
  IndependentEvalResult r;
  r.datasets = lists.datasets;
  r.with_evidence = options.with_evidence;
  IndependentDeck deck = MakeIndependentDeck(lists);
  r.rows = std::move(deck.rows);
  r.negatives = options.negatives;
  std::vector<LabeledQuery> main, aliases;
  std::vector<size_t> main_at, alias_at;
  for (size_t i = 0; i < r.rows.size(); ++i) {
    bool alias = r.rows[i].source == "alias";
    (alias ? aliases : main).push_back(ToQuery(r.rows[i], options.with_evidence));
    (alias ? alias_at : main_at).push_back(i);
  }
  auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const Screener> held_out = Screener::Build(std::move(deck.held_out_lists));
  r.engine_rows.resize(r.rows.size());
  std::vector<EvalOutcome> main_out = Evaluate(screener, main, options.threads);
  std::vector<EvalOutcome> alias_out = Evaluate(*held_out, aliases, options.threads);
  for (size_t i = 0; i < main_at.size(); ++i) r.engine_rows[main_at[i]] = main_out[i];
  for (size_t i = 0; i < alias_at.size(); ++i) r.engine_rows[alias_at[i]] = alias_out[i];
  r.engine_negatives = Evaluate(screener, r.negatives, options.threads);
  r.engine_seconds = Seconds(start);
  if (!options.baseline) return r;

  start = std::chrono::steady_clock::now();
  BaselineMatcher baseline(lists);
  BaselineMatcher baseline_held_out(held_out->lists());
  r.baseline_rows.resize(r.rows.size());
  main_out = baseline.ScoreAll(main, options.threads);
  alias_out = baseline_held_out.ScoreAll(aliases, options.threads);
  for (size_t i = 0; i < main_at.size(); ++i) r.baseline_rows[main_at[i]] = main_out[i];
  for (size_t i = 0; i < alias_at.size(); ++i) r.baseline_rows[alias_at[i]] = alias_out[i];
  std::vector<LabeledQuery> sample(
      r.negatives.begin(),
      r.negatives.begin() + std::min(r.negatives.size(), options.baseline_negatives));
  r.baseline_negatives = baseline.ScoreAll(sample, options.threads);
  r.baseline_seconds = Seconds(start);
  return r;
}

json IndependentEvalJson(const IndependentEvalResult& r, double threshold, size_t max_listed) {
  json datasets = json::array();
  for (const Dataset& d : r.datasets)
    datasets.push_back({{"name", d.name},
                        {"format", d.format},
                        {"version_date", d.version_date},
                        {"path", d.path},
                        {"entities", d.entity_count},
                        {"names", d.name_count}});
  return {
      {"with_evidence", r.with_evidence},
      {"datasets", datasets},
      {"deck", Composition(r)},
      {"engine", Figures(r, r.engine_rows, r.engine_negatives, threshold)},
      {"baseline", r.baseline_rows.empty()
                       ? json(nullptr)
                       : Figures(r, r.baseline_rows, r.baseline_negatives, kBaselineThreshold)},
      {"seconds", {{"engine", Round4(r.engine_seconds)}, {"baseline", Round4(r.baseline_seconds)}}},
      {"misses", Misses(r, threshold, max_listed)},
      {"false_alerts", FalseAlerts(r, threshold, max_listed)}};
}

void WriteIndependentMisses(const IndependentEvalResult& r, double threshold, std::ostream& out) {
  out << "kind,id,source,class,query,expected_id,expected_name,expected_score,top_entity,"
         "top_name,top_score\n";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const EvalOutcome& o = r.engine_rows[i];
    if (o.expected_score >= threshold) continue;
    const PairRow& row = r.rows[i];
    out << fmt::format("miss,{},{},{},{},{},{},{:.4f},{},{},{:.4f}\n", CsvField(row.id),
                       CsvField(row.source), CsvField(row.variant_class), CsvField(row.name),
                       CsvField(row.expected_id), CsvField(row.expected_name), o.expected_score,
                       CsvField(o.top_entity), CsvField(o.top_name), o.top_score);
  }
  for (size_t i = 0; i < r.negatives.size(); ++i) {
    const EvalOutcome& o = r.engine_negatives[i];
    if (o.top_score < threshold) continue;
    const LabeledQuery& q = r.negatives[i];
    out << fmt::format("false_alert,{},{},,{},,,,{},{},{:.4f}\n",
                       CsvField(fmt::format("{}:{}", q.source, q.line)), CsvField(q.source),
                       CsvField(q.fields.names.empty() ? "" : q.fields.names[0]),
                       CsvField(o.top_entity), CsvField(o.top_name), o.top_score);
  }
}

}  // namespace embargo::eval
