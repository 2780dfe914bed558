#include "cli/validate_command.h"

#include <fmt/format.h>

#include <ostream>

#include "cli/batch_input.h"
#include "cli/output_file.h"
#include "eval/baseline.h"
#include "eval/independent_eval.h"
#include "eval/validation_html.h"

namespace embargo::cli {
namespace {

Result<std::vector<eval::LabeledQuery>> ReadNegatives(const ValidateArgs& args) {
  std::vector<eval::LabeledQuery> out;
  for (const std::string& path : args.negatives) {
    auto input = ReadBatchInput(path, {"full_name=name", "date_of_birth=birth_date"});
    if (!input.ok()) return input.error();
    for (const BatchRow& row : input->rows) {
      eval::LabeledQuery query{row.fields, "", "negative", path, row.line};
      if (!args.with_evidence) {
        query.fields.birth_dates.clear();
        query.fields.countries.clear();
        query.fields.gender.clear();
      }
      out.push_back(std::move(query));
    }
  }
  return out;
}

void PrintGroups(const nlohmann::json& report, const char* group, std::ostream& out) {
  out << fmt::format("\n{:<16} {:>7} {:>9} {:>9} {:>10}\n",
                     group == std::string("by_class") ? "class" : "source", "rows", "engine",
                     "rank1", "baseline");
  for (const auto& [key, e] : report["engine"][group].items()) {
    const nlohmann::json& b = report["baseline"];
    out << fmt::format("{:<16} {:>7} {:>9} {:>9} {:>10}\n", key, e["rows"].get<size_t>(),
                       eval::Percent(e["recall"].get<double>()),
                       eval::Percent(e["rank1_rate"].get<double>()),
                       b.is_null() ? "-" : eval::Percent(b[group][key]["recall"].get<double>()));
  }
}

// One summary line: "<who> (threshold t): recall ..., false alerts ... in s".
void PrintFigures(const char* who, const nlohmann::json& f, double seconds, std::ostream& out) {
  out << fmt::format(
      "{:<8} (threshold {:.2f}): recall {} ({} of {}), rank 1 {}, false alerts {} ({} of {}) in "
      "{:.1f} s\n",
      who, f["threshold"].get<double>(), eval::Percent(f["overall"]["recall"].get<double>()),
      f["overall"]["found"].get<size_t>(), f["overall"]["rows"].get<size_t>(),
      eval::Percent(f["overall"]["rank1_rate"].get<double>()),
      eval::Percent(f["false_alerts"]["rate"].get<double>()),
      f["false_alerts"]["alerted"].get<size_t>(), f["false_alerts"]["negatives"].get<size_t>(),
      seconds);
}

void PrintSummary(const nlohmann::json& report, std::ostream& out) {
  out << fmt::format(
      "independent deck: {} pairs, {} negatives ({} for the baseline); {}\n",
      report["deck"]["rows"].get<size_t>(), report["deck"]["negatives"].get<size_t>(),
      report["deck"]["baseline_negatives"].get<size_t>(),
      report["with_evidence"].get<bool>() ? "with birth date and nationality" : "names only");
  PrintFigures("engine", report["engine"], report["seconds"]["engine"].get<double>(), out);
  if (report["baseline"].is_null()) {
    out << "baseline: not run\n";
  } else {
    PrintFigures("baseline", report["baseline"], report["seconds"]["baseline"].get<double>(), out);
  }
  PrintGroups(report, "by_source", out);
  PrintGroups(report, "by_class", out);
}

}  // namespace

int RunValidate(const ValidateArgs& args, std::ostream& out, std::ostream& err) {
  auto screener = OpenScreener(args.source);
  if (!screener.ok()) {
    err << "embargo validate: " << screener.error().ToString() << '\n';
    return 1;
  }
  auto negatives = ReadNegatives(args);
  if (!negatives.ok()) {
    err << "embargo validate: " << negatives.error().ToString() << '\n';
    return 1;
  }
  eval::IndependentEvalOptions options{args.threads, args.with_evidence, std::move(*negatives),
                                       args.baseline_negatives, args.baseline};
  eval::IndependentEvalResult result =
      eval::RunIndependentEval((*screener)->lists(), **screener, options);
  nlohmann::json report = eval::IndependentEvalJson(result, args.threshold);
  PrintSummary(report, out);
  if (!args.json_path.empty() &&
      WriteOutput("validate", args.json_path, out, err,
                  [&](std::ostream& s) { s << report.dump(2) << '\n'; }) != 0)
    return 1;
  if (!args.misses_path.empty() &&
      WriteOutput("validate", args.misses_path, out, err, [&](std::ostream& s) {
        eval::WriteIndependentMisses(result, args.threshold, s);
      }) != 0)
    return 1;
  if (!args.html_path.empty() &&
      WriteOutput("validate", args.html_path, out, err,
                  [&](std::ostream& s) { s << eval::ValidationReportHtml(report); }) != 0)
    return 1;
  return 0;
}

}  // namespace embargo::cli
