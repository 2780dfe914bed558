#include "cli/eval_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/batch_input.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "common/csv.h"
#include "common/parallel.h"
#include "eval/evaluate.h"
#include "eval/independent_deck.h"
#include "eval/variant_deck.h"

namespace embargo::cli {
namespace {

constexpr double kSweepLow = eval::kEvalCutoff;
constexpr double kSweepHigh = 0.95;
constexpr double kSweepStep = 0.05;

int ExtraColumn(const BatchInput& input, const std::string& name) {
  auto it = std::find(input.extra_columns.begin(), input.extra_columns.end(), name);
  return it == input.extra_columns.end() ? -1 : static_cast<int>(it - input.extra_columns.begin());
}

// Missed positives and false alerts, one CSV row each.
void WriteMisses(const EvalArgs& args, const std::vector<eval::LabeledQuery>& rows,
                 const std::vector<eval::EvalOutcome>& outcomes, std::ostream& misses) {
  misses << "source,line,kind,name,expected_id,expected_score,top_entity,top_name,top_score\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const eval::EvalOutcome& o = outcomes[i];
    bool miss = o.positive ? (o.expected_score < args.threshold || !o.expected_at_top)
                           : o.top_score >= args.threshold;
    if (!miss) continue;
    misses << fmt::format("{},{},{},{},{},{:.4f},{},{},{:.4f}\n", CsvField(rows[i].source),
                          rows[i].line, o.kind,
                          CsvField(rows[i].fields.names.empty() ? "" : rows[i].fields.names[0]),
                          CsvField(rows[i].expected_id), o.expected_score, CsvField(o.top_entity),
                          CsvField(o.top_name), o.top_score);
  }
}

}  // namespace

int RunEval(const EvalArgs& args, std::ostream& out, std::ostream& err) {
  auto screener = OpenScreener(args.source);
  if (!screener.ok()) {
    err << "embargo eval: " << screener.error().ToString() << '\n';
    return 1;
  }
  std::vector<eval::LabeledQuery> rows;
  for (const std::string& path : args.inputs) {
    auto input = ReadBatchInput(path, args.mappings);
    if (!input.ok()) {
      err << "embargo eval: " << input.error().ToString() << '\n';
      return 1;
    }
    int expected_col = ExtraColumn(*input, "expected_id"), kind_col = ExtraColumn(*input, "kind");
    for (size_t i = 0; i < input->rows.size(); ++i) {
      eval::LabeledQuery l{input->rows[i].fields, "", "", path, input->rows[i].line};
      if (expected_col >= 0)
        l.expected_id = input->extra_values[i][static_cast<size_t>(expected_col)];
      if (kind_col >= 0) l.kind = input->extra_values[i][static_cast<size_t>(kind_col)];
      if (l.kind.empty()) l.kind = l.expected_id.empty() ? "negative" : "positive";
      rows.push_back(std::move(l));
    }
  }
  ProgressBar bar("evaluating", rows.size());
  auto start = std::chrono::steady_clock::now();
  std::vector<eval::EvalOutcome> outcomes =
      eval::Evaluate(**screener, rows, args.threads, [&](size_t done) { bar.Update(done); });
  bar.Finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  size_t errors = std::count_if(outcomes.begin(), outcomes.end(),
                                [](const eval::EvalOutcome& o) { return o.error; });
  eval::ThresholdMetrics all = eval::ComputeMetrics(outcomes, args.threshold);
  out << fmt::format(
      "rows: {} ({} positives, {} negatives, {} unscreenable) in {:.2f} s ({:.0f} rows/s, {} "
      "threads)\n",
      rows.size(), all.positives, all.negatives, errors, seconds,
      rows.size() / std::max(seconds, 1e-9), ResolveThreads(args.threads));
  out << fmt::format("{:>9} {:>9} {:>9} {:>11} {:>9}\n", "threshold", "recall", "rank1",
                     "alert_rate", "alerts");
  nlohmann::json sweep = nlohmann::json::array();
  for (double t = kSweepLow; t <= kSweepHigh + 1e-9; t += kSweepStep) {
    eval::ThresholdMetrics m = eval::ComputeMetrics(outcomes, t);
    out << fmt::format("{:>9.2f} {:>8.2f}% {:>8.2f}% {:>10.3f}% {:>9}\n", t, 100 * m.recall(),
                       m.positives ? 100.0 * m.rank1 / m.positives : 0.0, 100 * m.alert_rate(),
                       m.alerted);
    sweep.push_back({{"threshold", t},
                     {"recall", m.recall()},
                     {"rank1", m.rank1},
                     {"found", m.found},
                     {"positives", m.positives},
                     {"negatives", m.negatives},
                     {"alerted", m.alerted}});
  }
  std::map<std::string, bool> kinds;
  for (const eval::EvalOutcome& o : outcomes) kinds[o.kind] = o.positive;
  out << fmt::format("\nper kind at threshold {:.2f}:\n{:<14} {:>8} {:>9} {:>9} {:>11}\n",
                     args.threshold, "kind", "rows", "recall", "rank1", "alert_rate");
  nlohmann::json per_kind = nlohmann::json::object();
  for (const auto& [kind, positive] : kinds) {
    eval::ThresholdMetrics m = eval::ComputeMetrics(outcomes, args.threshold, kind);
    size_t n = positive ? m.positives : m.negatives;
    out << fmt::format("{:<14} {:>8} {:>8.2f}% {:>8.2f}% {:>10.3f}%\n", kind, n, 100 * m.recall(),
                       m.positives ? 100.0 * m.rank1 / m.positives : 0.0, 100 * m.alert_rate());
    per_kind[kind] = {{"rows", n}, {"found", m.found}, {"rank1", m.rank1}, {"alerted", m.alerted}};
  }
  if (!args.misses_path.empty()) {
    int written = WriteOutput("eval", args.misses_path, out, err, [&](std::ostream& misses) {
      WriteMisses(args, rows, outcomes, misses);
    });
    if (written != 0) return written;
  }
  if (!args.json_path.empty()) {
    int written = WriteOutput("eval", args.json_path, out, err, [&](std::ostream& json) {
      json << nlohmann::json{{"threshold", args.threshold},
                             {"rows", rows.size()},
                             {"seconds", seconds},
                             {"sweep", sweep},
                             {"per_kind", per_kind}}
                  .dump(2)
           << '\n';
    });
    if (written != 0) return written;
  }
  return 0;
}

int RunDeck(const DeckArgs& args, std::ostream& out, std::ostream& err) {
  auto screener = OpenScreener(args.source);
  if (!screener.ok()) {
    err << "embargo deck: " << screener.error().ToString() << '\n';
    return 1;
  }
  eval::DeckOptions options{args.seed, args.kinds};
  auto rows = eval::MakeVariantDeck((*screener)->lists(), options);
  int written = WriteOutput("deck", args.out_path, out, err, [&](std::ostream& file) {
    file << "id,name,schema,expected_id,kind\n";
    for (const auto& r : rows) {
      file << fmt::format("{},{},{},{},{}\n", r.id, CsvField(r.name), r.schema,
                          CsvField(r.expected_id), r.kind);
    }
  });
  if (written != 0) return written;
  out << fmt::format("wrote {} rows to {}\n", rows.size(), args.out_path);
  return 0;
}

int RunIndependentDeck(const ListSource& source, const std::string& out_path, std::ostream& out,
                       std::ostream& err) {
  auto screener = OpenScreener(source);
  if (!screener.ok()) {
    err << "embargo deck: " << screener.error().ToString() << '\n';
    return 1;
  }
  eval::IndependentDeck deck = eval::MakeIndependentDeck((*screener)->lists());
  int code = WriteOutput("deck", out_path, out, err, [&](std::ostream& s) {
    s << "id,name,schema,birth_date,nationality,expected_id,expected_dataset,expected_name,class,"
         "source,link,query_entity\n";
    for (const eval::PairRow& r : deck.rows)
      s << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", r.id, CsvField(r.name), r.schema,
                       r.birth_date, r.nationality, CsvField(r.expected_id), r.expected_dataset,
                       CsvField(r.expected_name), r.variant_class, r.source, r.link,
                       CsvField(r.query_entity));
  });
  if (code == 0 && !out_path.empty() && out_path != "-")
    out << fmt::format("wrote {} rows to {}\n", deck.rows.size(), out_path);
  return code;
}

}  // namespace embargo::cli
