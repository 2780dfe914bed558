#include "store/screening_certificate.h"

#include <fmt/format.h>

#include "common/html_report.h"

namespace embargo::store {
namespace {

using nlohmann::json;

// `object[key]`, or null when `object` is no object (a damaged record).
json Field(const json& object, const char* key) {
  return object.is_object() ? object.value(key, json()) : json();
}

std::string Cell(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const json& v : value) out += (out.empty() ? "" : "; ") + Cell(v);
    return out;
  }
  if (value.is_object()) {
    std::string out;
    for (const auto& [k, v] : value.items()) out += (out.empty() ? "" : "; ") + k + ": " + Cell(v);
    return out;
  }
  return value.dump();
}

std::string Row(std::initializer_list<std::string> cells, bool header = false) {
  std::string out = "<tr>";
  for (const std::string& cell : cells) {
    out += fmt::format("<{0}>{1}</{0}>", header ? "th" : "td", HtmlEscape(cell));
  }
  return out + "</tr>\n";
}

// The subject's fields as rows; a name query's properties one row each.
std::string SubjectRows(const json& subject) {
  std::string out;
  if (!subject.is_object()) return Row({"Subject", Cell(subject)});
  for (const auto& [key, value] : subject.items()) {
    if (key == "properties" && value.is_object()) {
      for (const auto& [property, values] : value.items()) out += Row({property, Cell(values)});
    } else if (!Cell(value).empty()) {
      out += Row({key, Cell(value)});
    }
  }
  return out;
}

std::string ResultHtml(const ScreeningRecord& r, const json& result) {
  std::string html = fmt::format("<p><b>Outcome: {}</b></p>\n", HtmlEscape(r.outcome));
  if (!result.is_object()) return html + "<p>" + HtmlEscape(Cell(result)) + "</p>\n";
  if (r.kind == "name") {
    html += "<table>\n" + Row({"Threshold", Cell(Field(result, "threshold"))});
    if (result.contains("error")) html += Row({"Not screened", Cell(result["error"])});
    if (!result.value("warnings", json::array()).empty())
      html += Row({"Read with warnings", Cell(result["warnings"])});
    html += "</table>\n";
    const json candidates = result.value("candidates", json::array());
    if (candidates.empty())
      return html + "<p>No listed entity scored at or above the cutoff.</p>\n";
    html += "<table>\n" + Row({"Score", "Alert", "Listed entity", "Dataset", "Matched name"}, true);
    for (const json& c : candidates) {
      html += Row({Cell(Field(c, "score")), Field(c, "match") == json(true) ? "yes" : "no",
                   Cell(Field(c, "id")) + " (" + Cell(Field(c, "caption")) + ")",
                   Cell(Field(c, "dataset")), Cell(Field(c, "matched_name"))});
    }
    return html + "</table>\n";
  }
  if (r.kind == "payment") {
    html += "<table>\n" + Row({"Decision", Cell(Field(result, "decision"))});
    if (result.contains("case_id")) html += Row({"Payment case", Cell(result["case_id"])});
    html += Row({"Hits cleared by good-guy entries", Cell(Field(result, "cleared"))});
    html += "</table>\n";
    const json hits = result.value("hits", json::array());
    if (hits.empty()) return html + "<p>No hit.</p>\n";
    html += "<table>\n" + Row({"Field", "Kind", "Text", "Score", "Listed or embargoed"}, true);
    for (const json& hit : hits) {
      json listed = Field(hit, "entity");
      if (listed.is_null()) listed = Field(hit, "place");
      html += Row({Cell(Field(hit, "path")), Cell(Field(hit, "kind")), Cell(Field(hit, "text")),
                   Cell(Field(hit, "score")), Cell(listed)});
    }
    return html + "</table>\n";
  }
  // A batch: its counts and files, then its first alert lines.
  html += "<table>\n";
  for (const auto& [key, value] : result.items()) {
    if (key != "alerts") html += Row({key, Cell(value)});
  }
  html += "</table>\n";
  const json alerts = result.value("alerts", json::array());
  if (!alerts.empty()) {
    html += "<table>\n";
    for (const json& line : alerts) html += Row({Cell(line)});
    html += "</table>\n";
  }
  return html;
}

}  // namespace

std::string ScreeningCertificateHtml(const ScreeningRecord& r, const AuditRow& batch,
                                     bool verified) {
  std::string html = fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Screening "
      "certificate: record {}</title><style>{}</style></head><body><main>\n<h1>Screening "
      "certificate</h1>\n<p class=\"sub\">Screening record {} · {} · by {} · through the {}</p>\n",
      r.id, kReportStyle, r.id, HtmlEscape(r.at), HtmlEscape(r.actor),
      r.channel == "cli" ? "command line" : "HTTP API");
  const json parsed = ScreeningJson(r);  // subject, versions and result as values
  html += "<h2>What was screened</h2>\n<table>\n" + Row({"Kind", r.kind});
  html += SubjectRows(parsed["subject"]) + "</table>\n";
  html +=
      "<h2>Against these lists</h2>\n<table>\n" + Row({"Dataset", "Version", "Published"}, true);
  const json& versions = parsed["versions"];
  if (versions.is_object()) {
    for (const auto& [dataset, v] : versions.items()) {
      html += Row({dataset, Cell(Field(v, "source")), Cell(Field(v, "published"))});
    }
  }
  html += "</table>\n<h2>Result</h2>\n" + ResultHtml(r, parsed["result"]);
  json details = json::parse(batch.details, nullptr, false);
  std::string digest = Cell(Field(Field(details, "screenings"), "sha256"));
  html += "<h2>In the audit trail</h2>\n<table>\n";
  html += Row({"Audit row", std::to_string(batch.seq)});
  html += Row({"Recorded at", batch.at});
  html += Row({"Row hash", batch.hash});
  html += Row({"Its batch", batch.subject});
  html += Row({"The batch's SHA-256", digest});
  html += Row({"The batch's records now",
               verified ? "hash to it: unchanged since recorded"
                        : "DO NOT hash to it: changed outside embargo since recorded"}) +
          "</table>\n";
  if (!verified) {
    html +=
        "<p class=\"notes\"><b>This record, or another of its batch, was changed after it was "
        "recorded: do not rely on this certificate; run <code>embargo audit "
        "verify</code>.</b></p>\n";
  }
  html +=
      "<p class=\"muted\">The audit row's hash chains it to every row before it; its batch's "
      "SHA-256 covers this record's fields. <code>embargo audit verify</code> recomputes both: "
      "a record edited, removed or added outside embargo is reported.</p>\n</main></body></html>\n";
  return html;
}

Result<std::string> ScreeningCertificate(Database& db, const ScreeningRecord& record) {
  auto batch = GetAuditRow(db, record.audit_seq);
  if (!batch.ok()) return batch.error();
  if (!*batch) {
    return MakeError(fmt::format("screening record {} names audit row {}, which is not there",
                                 record.id, record.audit_seq));
  }
  // The batch as the table holds it now, against the digest its row records.
  std::string problem;
  std::optional<ScreeningBatch> recorded = ScreeningBatchOf(**batch, problem);
  bool verified = false;
  if (recorded) {
    auto intact = ScreeningBatchIntact(db, *recorded);
    if (!intact.ok()) return intact.error();
    verified = *intact;
  }
  return ScreeningCertificateHtml(record, **batch, verified);
}

}  // namespace embargo::store
