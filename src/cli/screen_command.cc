#include "cli/screen_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/batch_input.h"
#include "cli/certificate.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "common/json_text.h"
#include "common/parallel.h"
#include "match/match_json.h"
#include "model/imo.h"
#include "store/audit.h"
#include "store/audit_head.h"
#include "store/customers.h"
#include "store/database.h"
#include "store/screening_record_of.h"
#include "store/screenings.h"
#include "store/store.h"

namespace embargo::cli {
namespace {

// Warnings and unscreened rows printed to stderr; the rest are counted.
constexpr size_t kMaxNotesShown = 10;

struct RowResult {
  std::string json;
  std::string alerts;  // readable summaries, one line per alert
  bool alerted = false;
  bool screened = false;
  bool warned = false;             // the row's output lists warnings
  std::vector<std::string> notes;  // "path:line: ...", but the row's own (printed already)
};

// One screened record's output line: {"id", "matches": [...], "warnings": [...]}.
std::string ResultLine(const std::string& id, const std::vector<Match>& matches,
                       const std::vector<std::string>& warnings) {
  std::string json;
  JsonWriter w(json);
  w.BeginObject();
  w.Member("id", id);
  w.Key("matches");
  w.BeginArray();
  for (const Match& m : matches) match::WriteMatch(w, m);
  w.EndArray();
  w.Key("warnings");
  w.Strings(warnings);
  w.EndObject();
  return json;
}

RowResult ScreenRow(const Screener& screener, const BatchRow& row, const std::string& path,
                    const ScreenOptions& options, bool summarize) {
  std::string where = fmt::format("{}:{}: ", path, row.line);
  auto query = MakeQuery(row.fields);
  if (!query.ok()) {
    RowResult result;
    result.json =
        JsonText(nlohmann::json{{"id", row.fields.id}, {"error", where + query.error().message}});
    result.notes.push_back(where + "not screened: " + query.error().message);
    return result;
  }
  std::vector<Match> matches = screener.Screen(*query, options);
  RowResult result;
  result.screened = true;
  std::vector<std::string> warnings = row.warnings;
  warnings.insert(warnings.end(), query->warnings.begin(), query->warnings.end());
  result.warned = !warnings.empty();
  result.json = ResultLine(row.fields.id, matches, warnings);
  for (const std::string& w : query->warnings) result.notes.push_back(where + w);
  for (const Match& m : matches) {
    if (!m.match) continue;
    result.alerted = true;
    if (summarize) result.alerts += AlertSummary(row.fields.id, m) + "\n";
  }
  return result;
}

void Count(RowResult& r, BatchSummary& summary) {
  ++(r.screened ? summary.screened : summary.not_screened);
  if (r.screened && r.warned) ++summary.with_warnings;
  if (r.alerted) ++summary.alerted;
  for (std::string& note : r.notes) summary.notes.push_back(std::move(note));
}

void PrintSummary(const BatchSummary& s, double threshold, std::ostream& err) {
  for (size_t i = 0; i < s.notes.size() && i < kMaxNotesShown; ++i)
    err << "warning: " << s.notes[i] << '\n';
  if (s.notes.size() > kMaxNotesShown) {
    err << fmt::format("warning: ... and {} more (each output row lists its \"warnings\")\n",
                       s.notes.size() - kMaxNotesShown);
  }
  err << fmt::format(
      "screened {} of {} rows ({} with warnings), {} not screened, {} with alerts (threshold "
      "{:.2f})\n",
      s.screened, s.rows, s.with_warnings, s.not_screened, s.alerted, threshold);
}

// A batch's screening record: the input and output bound by SHA-256, the
// counts, and the first alert lines (the results file holds them all).
store::ScreeningRecord BatchRecord(const ScreenArgs& args, const std::string& shown,
                                   const BatchSummary& s, const std::string& alert_lines) {
  constexpr size_t kAlertLinesKept = 1000;
  const bool to_file = !args.output.empty() && args.output != "-";
  nlohmann::json alerts = nlohmann::json::array();
  std::istringstream lines(alert_lines);
  for (std::string line; std::getline(lines, line) && alerts.size() < kAlertLinesKept;)
    alerts.push_back(line);
  store::ScreeningRecord record;
  record.kind = "batch";
  record.subject = nlohmann::json{
      {"input", shown},
      {"sha256", args.input == "-" ? "" : FileSha256(args.input)},
      {"rows", s.rows}}.dump();
  record.outcome = s.alerted > 0 ? "alerts" : "clear";
  record.result = nlohmann::json{{"threshold", args.threshold},
                                 {"screened", s.screened},
                                 {"screened_with_warnings", s.with_warnings},
                                 {"not_screened", s.not_screened},
                                 {"alerted", s.alerted},
                                 {"output", to_file ? args.output : ""},
                                 {"output_sha256", to_file ? FileSha256(args.output) : ""},
                                 {"alerts", std::move(alerts)}}
                      .dump();
  return record;
}

nlohmann::json SummaryJson(const BatchSummary& s, const std::string& input, double threshold) {
  return {{"input", input},
          {"rows", s.rows},
          {"screened", s.screened},
          {"screened_with_warnings", s.with_warnings},
          {"not_screened", s.not_screened},
          {"alerted", s.alerted},
          {"threshold", threshold}};
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

BatchSummary ScreenBatch(const Screener& screener, const BatchInput& input,
                         const std::string& input_path, const ScreenOptions& options, int threads,
                         std::ostream& out, std::ostream* alerts) {
  constexpr size_t kBlock = 4096;
  ProgressBar bar("screening", input.rows.size());
  BatchSummary summary;
  summary.rows = input.rows.size();
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
    for (RowResult& r : results) {
      out << r.json << '\n';
      if (alerts != nullptr) *alerts << r.alerts;
      Count(r, summary);
    }
    if (!out) break;  // a write failed: the caller reports it; stop screening
  }
  bar.Finish();
  return summary;
}

void PrintMatchTable(const Query& query, const std::vector<Match>& matches, std::ostream& out) {
  // A query of identifiers alone (--imo, --id-number) names itself by them.
  std::vector<std::string> shown = query.names;
  for (const std::string& imo : query.imo_numbers) {
    std::string digits = ImoDigits(imo);
    shown.push_back("IMO " + (digits.empty() ? imo : digits));
  }
  for (const std::string& id : query.id_numbers) shown.push_back("id " + id);
  out << fmt::format("Query: {}\n", shown.empty() ? std::string() : shown.front());
  if (matches.empty()) {
    out << "No candidates at or above the cutoff.\n";
    return;
  }
  out << fmt::format("{:<4} {:<7} {:<6} {:<28} {:<16} {}\n", "#", "score", "alert", "entity",
                     "dataset", "matched name");
  int rank = 0;
  for (const Match& m : matches) {
    out << fmt::format(
        "{:<4} {:<7.4f} {:<6} {:<28} {:<16} {}\n", ++rank, m.score, m.match ? "YES" : "no",
        m.entity->id, m.entity->dataset,
        m.explanation.matched_name.empty() ? "(by identifier)" : m.explanation.matched_name);
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

namespace {

// What every certificate of this run says, whatever was screened.
CertificateRun CertificateBase(const ScreenArgs& args, const Screener& screener) {
  CertificateRun run;
  run.at = store::NowUtc();
  run.by = store::CurrentUser();
  run.version = EMBARGO_VERSION;
  run.settings = fmt::format(
      "alert threshold {:.2f}, cutoff {}, at most {} matches per name", args.threshold,
      args.cutoff < 0 ? "the threshold" : fmt::format("{:.2f}", args.cutoff), args.limit);
  run.datasets = screener.lists().datasets;
  return run;
}

// With --store: the screening record of this run (store/screenings.h), under
// the OS user, and the audit head published after it.
Status RecordScreening(const ScreenArgs& args, const Screener& screener,
                       store::ScreeningRecord record, std::ostream& err) {
  if (args.source.store.empty()) return Status::Ok();
  auto db = store::OpenStore(store::StoreUrl(args.source.store), store::StoreOpening::kExisting);
  if (!db.ok()) return db.error();
  record.at = store::NowUtc();
  record.actor = store::CurrentUser();
  record.channel = "cli";
  record.versions = store::ScreenedVersions(screener.lists()).dump();
  std::vector<store::ScreeningRecord> records{std::move(record)};
  auto publisher = store::HeadPublisher::Open(**db, args.source.audit);
  if (!publisher.ok()) return publisher.error();
  auto recorded = store::RecordScreenings(**db, records);
  if (!recorded.ok()) return recorded.error();
  auto head = publisher->Publish(**db);
  if (!head.ok()) return head.error();
  err << fmt::format("screening record {} (embargo screenings show {})\n", recorded->first_id,
                     recorded->first_id);
  // As every command that writes: the head it published (stdout holds the
  // results, so it goes where the record's line goes).
  if (*head) err << publisher->Describe(**head) << '\n';
  return Status::Ok();
}

// RecordScreening, its failure printed; the exit code `code` or kExitFailed.
int Recorded(const ScreenArgs& args, const Screener& screener, store::ScreeningRecord record,
             int code, std::ostream& err) {
  Status s = RecordScreening(args, screener, std::move(record), err);
  if (s.ok()) return code;
  err << "embargo screen: the screening record was not written: " << s.error().ToString() << '\n';
  return kExitFailed;
}

int WriteCertificate(const ScreenArgs& args, const CertificateRun& run, std::ostream& out,
                     std::ostream& err) {
  int code = WriteOutput("screen", args.certificate, out, err,
                         [&](std::ostream& sink) { sink << CertificateHtml(run); });
  if (code == 0) err << "screening certificate: " << args.certificate << '\n';
  return code;
}

}  // namespace

int RunScreen(const ScreenArgs& args, std::ostream& out, std::ostream& err) {
  ScreenOptions options{args.threshold, args.cutoff, args.limit};
  if (args.input.empty() && args.single.names.empty() && args.single.imo_numbers.empty() &&
      args.single.id_numbers.empty()) {
    err << "embargo screen: give --input FILE.csv, or --name NAME (or --imo, --id-number)\n";
    return kExitUsage;
  }
  // Matches scoring at or above the threshold alert: a cutoff above it
  // would leave alerts out of the output.
  if (args.cutoff >= 0 && args.cutoff > args.threshold) {
    err << fmt::format(
        "embargo screen: --cutoff {:g} is above --threshold {:g}: matches that alert would not "
        "be shown\n",
        args.cutoff, args.threshold);
    return kExitUsage;
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
    for (const std::string& w : query->warnings) err << "warning: " << w << '\n';
    std::vector<Match> matches = (*screener)->Screen(*query, options);
    // With --output, the JSON line a batch row gets (to the file, or instead
    // of the table with --output -).
    if (!args.output.empty()) {
      if (WriteOutput("screen", args.output, out, err, [&](std::ostream& sink) {
            sink << ResultLine(args.single.id, matches, query->warnings) << '\n';
          }) != 0)
        return kExitFailed;
    }
    if (args.output.empty() || args.output != "-") PrintMatchTable(*query, matches, out);
    store::ScreeningRecord record = store::NameScreeningRecord(
        {}, store::QueryFieldsToJson(args.single), matches, args.threshold, query->warnings);
    int code = kExitOk;
    if (!args.certificate.empty()) {
      CertificateRun run = CertificateBase(args, **screener);
      run.query = &*query;
      run.matches = std::move(matches);
      code = WriteCertificate(args, run, out, err) == 0 ? kExitOk : kExitFailed;
    }
    return Recorded(args, **screener, std::move(record), code, err);
  }
  auto input = ReadBatchInput(args.input, args.mappings,
                              BatchDecoding{args.encoding, args.single.date_order, args.sheet});
  if (!input.ok()) {
    err << "embargo screen: " << input.error().ToString() << '\n';
    return 1;
  }
  for (const std::string& w : input->warnings) err << "warning: " << w << '\n';
  if (input->rows.empty())
    err << fmt::format("warning: {} has a header but no rows: nothing to screen\n",
                       args.input == "-" ? "<stdin>" : args.input);
  bool summaries_to_stdout = args.print_alerts && !args.output.empty() && args.output != "-";
  const std::string shown = args.input == "-" ? "<stdin>" : args.input;
  BatchSummary summary;
  // A certificate lists the alerts: collected here, and printed after the
  // batch when --print-alerts asks for them too.
  std::ostringstream alert_lines;
  const bool collect = !args.certificate.empty() || !args.source.store.empty();
  std::ostream* alerts = collect ? &alert_lines : summaries_to_stdout ? &out : nullptr;
  int written = WriteOutput("screen", args.output, out, err, [&](std::ostream& sink) {
    summary = ScreenBatch(**screener, *input, shown, options, args.threads, sink, alerts);
  });
  if (written != 0) return written;
  if (collect && summaries_to_stdout) out << alert_lines.str();
  PrintSummary(summary, args.threshold, err);
  if (!args.certificate.empty()) {
    CertificateRun run = CertificateBase(args, **screener);
    run.input = shown;
    run.input_sha256 = args.input == "-" ? "" : FileSha256(args.input);
    run.rows = summary.rows;
    run.screened = summary.screened;
    run.with_warnings = summary.with_warnings;
    run.not_screened = summary.not_screened;
    run.alerted = summary.alerted;
    std::istringstream lines(alert_lines.str());
    for (std::string line; std::getline(lines, line);) run.alerts.push_back(line);
    const bool to_file = !args.output.empty() && args.output != "-";
    run.output = to_file ? args.output : "";
    run.output_sha256 = to_file ? FileSha256(args.output) : "";
    if (WriteCertificate(args, run, out, err) != 0) return kExitFailed;
  }
  if (!args.summary.empty()) {
    int summary_written = WriteOutput("screen", args.summary, out, err, [&](std::ostream& sink) {
      sink << SummaryJson(summary, shown, args.threshold).dump(2) << '\n';
    });
    if (summary_written != 0) return kExitFailed;
  }
  return Recorded(args, **screener, BatchRecord(args, shown, summary, alert_lines.str()),
                  summary.not_screened > 0 ? kExitRowsNotScreened : kExitOk, err);
}

}  // namespace embargo::cli
