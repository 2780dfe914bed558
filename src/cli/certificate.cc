#include "cli/certificate.h"

#include <fmt/format.h>

#include <fstream>

#include "common/html_report.h"
#include "common/sha256.h"

namespace embargo::cli {
namespace {

constexpr size_t kAlertsShown = 2000;

std::string Row(std::initializer_list<std::string> cells, bool header = false) {
  std::string out = "<tr>";
  for (const std::string& cell : cells) {
    out += fmt::format("<{0}>{1}</{0}>", header ? "th" : "td", HtmlEscape(cell));
  }
  return out + "</tr>\n";
}

std::string Joined(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, "; "));
}

std::string QueryRows(const Query& q) {
  std::string out = Row({"Names", Joined(q.names)});
  if (q.schema) out += Row({"Type", std::string(SchemaName(*q.schema))});
  std::vector<std::string> dates;
  for (const DateSpec& d : q.birth_dates) dates.push_back(d.ToString());
  if (!dates.empty()) out += Row({"Birth dates", Joined(dates)});
  if (!q.countries.empty()) out += Row({"Countries", Joined(q.countries)});
  if (!q.id_numbers.empty()) out += Row({"Identifiers", Joined(q.id_numbers)});
  if (!q.imo_numbers.empty()) out += Row({"IMO numbers", Joined(q.imo_numbers)});
  if (!q.warnings.empty()) out += Row({"Read with warnings", Joined(q.warnings)});
  return out;
}

}  // namespace

std::string FileSha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  // In chunks: a batch's input or results may be larger than memory wants.
  Sha256 hash;
  std::string chunk(1 << 16, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    hash.Update(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())));
  }
  return in.bad() ? "" : hash.FinishHex();
}

std::string CertificateHtml(const CertificateRun& run) {
  std::string html = fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Screening "
      "certificate {}</title><style>{}</style></head><body><main>\n<h1>Screening "
      "certificate</h1>\n<p class=\"sub\">{} · by {} · embargo {}</p>\n",
      HtmlEscape(run.at), kReportStyle, HtmlEscape(run.at), HtmlEscape(run.by),
      HtmlEscape(run.version));

  html += "<h2>What was screened</h2>\n<table>\n";
  if (run.query != nullptr) {
    html += QueryRows(*run.query);
  } else {
    html += Row({"Input file", run.input});
    html += Row({"Its SHA-256", run.input_sha256.empty() ? "(standard input)" : run.input_sha256});
    html += Row({"Rows", std::to_string(run.rows)});
  }
  html += Row({"Settings", run.settings}) + "</table>\n";

  html += "<h2>Against these lists</h2>\n<table>\n";
  html += Row({"Dataset", "Published", "Entities", "Source", "Source SHA-256"}, true);
  for (const Dataset& d : run.datasets) {
    html += Row({d.name, d.version_date.empty() ? "unknown" : d.version_date,
                 std::to_string(d.entity_count), d.path, FileSha256(d.path)});
  }
  html += "</table>\n<h2>Result</h2>\n";

  if (run.query != nullptr) {
    size_t alerts = 0;
    for (const Match& m : run.matches) alerts += m.match ? 1 : 0;
    html += fmt::format(
        "<div class=\"kpis\"><div class=\"kpi\"><b>{}</b><span>alerts</span></div>"
        "<div class=\"kpi\"><b>{}</b><span>candidates shown</span></div></div>\n",
        alerts, run.matches.size());
    if (run.matches.empty()) {
      html += "<p>No listed entity scored at or above the cutoff.</p>\n";
    } else {
      html += "<table>\n" +
              Row({"Score", "Alert", "Listed entity", "Dataset", "Matched name", "Why"}, true);
      for (const Match& m : run.matches) {
        std::vector<std::string> why;
        for (const FeatureContribution& f : m.explanation.features) {
          why.push_back(fmt::format("{} {:+.3f}: {}", f.feature, f.value, f.detail));
        }
        html += Row({fmt::format("{:.3f}", m.score), m.match ? "yes" : "no",
                     m.entity->id + " (" + m.entity->caption() + ")", m.entity->dataset,
                     m.explanation.matched_name, Joined(why)});
      }
      html += "</table>\n";
    }
  } else {
    html += fmt::format(
        "<div class=\"kpis\"><div class=\"kpi\"><b>{}</b><span>rows screened</span></div>"
        "<div class=\"kpi\"><b>{}</b><span>with warnings</span></div><div class=\"kpi\"><b>{}</b>"
        "<span>not screened (no usable name)</span></div><div class=\"kpi\"><b>{}</b><span>rows "
        "with alerts</span></div></div>\n",
        run.screened, run.with_warnings, run.not_screened, run.alerted);
    html +=
        "<table>\n" + Row({"Results file", run.output.empty() ? "(standard output)" : run.output});
    html += Row({"Its SHA-256", run.output_sha256.empty() ? "(not a file)" : run.output_sha256});
    html += "</table>\n";
    if (!run.alerts.empty()) {
      html += fmt::format("<h3>Alerts ({} matches on {} rows)</h3>\n<table>\n", run.alerts.size(),
                          run.alerted);
      for (size_t i = 0; i < run.alerts.size() && i < kAlertsShown; ++i)
        html += Row({run.alerts[i]});
      html += "</table>\n";
      if (run.alerts.size() > kAlertsShown) {
        html += fmt::format(
            "<p class=\"muted\">… and {} more: every alert is in the results file.</p>\n",
            run.alerts.size() - kAlertsShown);
      }
    }
  }
  html +=
      "<p class=\"muted\">The SHA-256 digests bind this page to the files named: anyone "
      "holding them can recompute the digests (sha256sum) and see they are the files that "
      "were screened and produced.</p>\n</main></body></html>\n";
  return html;
}

}  // namespace embargo::cli
