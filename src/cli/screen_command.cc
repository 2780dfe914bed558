#include "cli/screen_command.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/batch_input.h"
#include "cli/progress.h"
#include "common/json_text.h"
#include "common/parallel.h"
#include "service/json_output.h"

namespace embargo::cli {
namespace {

struct RowResult {
  std::string json;
  std::string alerts;  // readable summaries, one line per alert
  bool alerted = false;
};

RowResult ScreenRow(const Screener& screener, const BatchRow& row, const std::string& path,
                    const ScreenOptions& options, bool summarize) {
  auto query = MakeQuery(row.fields);
  if (!query.ok()) {
    std::string where = fmt::format("{}:{}: ", path, row.line);
    return {
        JsonText(nlohmann::json{{"id", row.fields.id}, {"error", where + query.error().message}}),
        "", false};
  }
  std::vector<Match> matches = screener.Screen(*query, options);
  RowResult result{JsonText(service::ResultToJson(row.fields.id, matches)), "", false};
  for (const Match& m : matches) {
    if (!m.match) continue;
    result.alerted = true;
    if (summarize) result.alerts += AlertSummary(row.fields.id, m) + "\n";
  }
  return result;
}

}  // namespace

std::string AlertSummary(const std::string& row_id, const Match& m) {
  std::string evidence;
  for (const TokenAlignment& a : m.explanation.alignment) {
    if (a.kind != "exact")
      evidence += fmt::format(" {}~{} ({} {:.2f})", a.query, a.candidate, a.kind, a.similarity);
  }
  for (const FeatureContribution& f : m.explanation.features) {
    if (f.feature != "name_match") evidence += fmt::format(" {}{:+.2f}", f.feature, f.value);
  }
  return fmt::format("ALERT {} '{}' -> {} '{}' [{} {}] score {:.3f}{}", row_id,
                     m.explanation.query_name, m.entity->id, m.explanation.matched_name,
                     SchemaName(m.entity->schema), NameKindName(m.explanation.matched_kind),
                     m.score, evidence);
}

size_t ScreenBatch(const Screener& screener, const BatchInput& input, const std::string& input_path,
                   const ScreenOptions& options, int threads, std::ostream& out,
                   std::ostream* alerts) {
  constexpr size_t kBlock = 4096;
  ProgressBar bar("screening", input.rows.size());
  size_t alerted = 0;
  std::vector<RowResult> results;
  for (size_t begin = 0; begin < input.rows.size(); begin += kBlock) {
    size_t end = std::min(input.rows.size(), begin + kBlock);
    results.assign(end - begin, RowResult{});
    ParallelFor(
        end - begin, threads,
        [&](size_t i) {
          results[i] =
              ScreenRow(screener, input.rows[begin + i], input_path, options, alerts != nullptr);
        },
        [&](size_t done) { bar.Update(begin + done); });
    for (const RowResult& r : results) {
      out << r.json << '\n';
      if (r.alerted) ++alerted;
      if (alerts != nullptr) *alerts << r.alerts;
    }
  }
  bar.Finish();
  return alerted;
}

void PrintMatchTable(const Query& query, const std::vector<Match>& matches, std::ostream& out) {
  out << fmt::format("Query: {}\n", query.names.front());
  if (matches.empty()) {
    out << "No candidates at or above the cutoff.\n";
    return;
  }
  out << fmt::format("{:<4} {:<7} {:<6} {:<28} {:<16} {}\n", "#", "score", "alert", "entity",
                     "dataset", "matched name");
  int rank = 0;
  for (const Match& m : matches) {
    out << fmt::format("{:<4} {:<7.4f} {:<6} {:<28} {:<16} {}\n", ++rank, m.score,
                       m.match ? "YES" : "no", m.entity->id, m.entity->dataset,
                       m.explanation.matched_name);
    out << fmt::format("     {} [{}] caption: {}\n", SchemaName(m.entity->schema),
                       NameKindName(m.explanation.matched_kind), m.entity->caption());
    std::string align;
    for (const TokenAlignment& a : m.explanation.alignment) {
      align += fmt::format(" {}~{} {} {:.2f};", a.query, a.candidate, a.kind, a.similarity);
    }
    if (!align.empty()) out << "     aligned:" << align << '\n';
    if (!m.explanation.unmatched_query.empty() || !m.explanation.unmatched_candidate.empty()) {
      out << fmt::format("     unmatched: query [{}] list [{}]\n",
                         fmt::join(m.explanation.unmatched_query, " "),
                         fmt::join(m.explanation.unmatched_candidate, " "));
    }
    for (const FeatureContribution& f : m.explanation.features) {
      out << fmt::format("     {:+.3f} {}: {}\n", f.value, f.feature, f.detail);
    }
  }
}

int RunScreen(const ScreenArgs& args, std::ostream& out, std::ostream& err) {
  ScreenOptions options{args.threshold, args.cutoff, args.limit};
  if (args.input.empty() && args.single.names.empty()) {
    err << "embargo screen: give --input FILE.csv or --name NAME\n";
    return 2;
  }
  auto screener = OpenScreener(args.source);
  if (!screener.ok()) {
    err << "embargo screen: " << screener.error().ToString() << '\n';
    return 1;
  }
  if (args.input.empty()) {
    auto query = MakeQuery(args.single);
    if (!query.ok()) {
      err << "embargo screen: " << query.error().ToString() << '\n';
      return 2;
    }
    PrintMatchTable(*query, (*screener)->Screen(*query, options), out);
    return 0;
  }
  auto input = ReadBatchInput(args.input, args.mappings);
  if (!input.ok()) {
    err << "embargo screen: " << input.error().ToString() << '\n';
    return 1;
  }
  for (const std::string& w : input->warnings) err << "warning: " << w << '\n';
  std::ofstream file;
  std::ostream* sink = &out;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output);
    if (!file) {
      err << "embargo screen: " << args.output << ": cannot open for writing\n";
      return 1;
    }
    sink = &file;
  }
  bool summaries_to_stdout = args.print_alerts && sink != &out;
  size_t alerted = ScreenBatch(**screener, *input, args.input, options, args.threads, *sink,
                               summaries_to_stdout ? &out : nullptr);
  err << fmt::format("screened {} rows, {} with alerts (threshold {:.2f})\n", input->rows.size(),
                     alerted, args.threshold);
  return 0;
}

}  // namespace embargo::cli
