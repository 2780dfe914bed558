#include "eval/validation_html.h"

#include <fmt/format.h>

#include <cctype>

#include "common/html_report.h"

namespace embargo::eval {
namespace {

using nlohmann::json;

// `key` as part of an element id: letters, digits and '_' kept, the rest '-'
// ("uk>un" -> "uk-un").
std::string IdPart(std::string_view key) {
  std::string out(key);
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '-';
  return out;
}

std::string Kpi(std::string_view id, const std::string& value, std::string_view label) {
  return fmt::format("<div class=kpi><b id=\"kpi-{}\">{}</b><span>{}</span></div>", id, value,
                     HtmlEscape(label));
}

std::string Sources(const json& report) {
  std::string out =
      "<h2>Data sources</h2><table><tr><th>dataset<th>format<th>version<th>records<th>names<th>"
      "file";
  for (const json& d : report["datasets"])
    out += fmt::format(
        "<tr><td>{}<td>{}<td>{}<td class=n>{}<td class=n>{}<td>{}",
        HtmlEscape(d["name"].get<std::string>()), HtmlEscape(d["format"].get<std::string>()),
        HtmlEscape(d["version_date"].get<std::string>()), d["entities"].get<size_t>(),
        d["names"].get<size_t>(), HtmlEscape(d["path"].get<std::string>()));
  return out + "</table>";
}

std::string CountTable(const json& counts, std::string_view what, std::string_view id) {
  std::string out = fmt::format("<table><tr><th>{}<th>rows", what);
  for (const auto& [key, value] : counts.items())
    out += fmt::format("<tr><td>{}<td class=n id=\"{}-{}\">{}", HtmlEscape(key), id, IdPart(key),
                       value.get<size_t>());
  return out + "</table>";
}

std::string Composition(const json& report) {
  const json& deck = report["deck"];
  std::string out = fmt::format(
      "<h2>Deck</h2><p>{} labelled pairs whose two sides were written by different list "
      "publishers (or, for <i>alias</i>, by one list with the alias held out of the index), "
      "and {} development negatives ({} of them scored by the baseline).</p>",
      deck["rows"].get<size_t>(), deck["negatives"].get<size_t>(),
      deck["baseline_negatives"].get<size_t>());
  out += "<div class=kpis><div>" + CountTable(deck["by_source"], "source", "deck-source") +
         "</div><div>" + CountTable(deck["by_class"], "variant class", "deck-class") +
         "</div><div>" + CountTable(deck["by_link"], "link", "deck-link") + "</div></div>";
  return out;
}

// Recall (solid) and false-alert rate (dashed) against the threshold.
std::string SweepSvg(const json& report) {
  constexpr int kWidth = 840, kHeight = 300, kLeft = 50, kTop = 16, kPlotW = 560, kPlotH = 240;
  auto x = [&](double t) { return kLeft + (t - 0.5) / 0.45 * kPlotW; };
  auto y = [&](double v) { return kTop + (1 - v) * kPlotH; };
  std::string out = fmt::format(
      "<svg class=chart width={} height={} viewBox=\"0 0 {} {}\" role=img "
      "aria-label=\"recall and false-alert rate by threshold\">",
      kWidth, kHeight, kWidth, kHeight);
  for (int i = 0; i <= 10; ++i) {
    double v = i / 10.0;
    out += fmt::format(
        "<line x1={} x2={} y1={:.1f} y2={:.1f} stroke=\"#e3e8ef\"/><text x={} y={:.1f} "
        "font-size=10 text-anchor=end>{:.0f}%</text>",
        kLeft, kLeft + kPlotW, y(v), y(v), kLeft - 4, y(v) + 3, v * 100);
  }
  for (int i = 0; i <= 9; ++i) {
    double t = 0.5 + i * 0.05;
    out += fmt::format("<text x={:.1f} y={} font-size=10 text-anchor=middle>{:.2f}</text>", x(t),
                       kTop + kPlotH + 14, t);
  }
  int series = 0;
  for (const char* who : {"engine", "baseline"}) {
    for (const char* metric : {"recall", "alert_rate"}) {
      std::string points;
      for (const json& p : report[who]["sweep"])
        points += fmt::format("{:.1f},{:.1f} ", x(p["threshold"].get<double>()),
                              y(p[metric].get<double>()));
      out += fmt::format("<polyline fill=none stroke=\"{}\" stroke-width=2 {} points=\"{}\"/>",
                         ChartColour(series / 2),
                         std::string_view(metric) == "recall" ? "" : "stroke-dasharray=\"5 3\"",
                         points);
      // The legend stands right of the plot, clear of the lines.
      out += fmt::format(
          "<text x={} y={} font-size=11 fill=\"{}\">{} {}</text>", kLeft + kPlotW + 12,
          kTop + 14 + 16 * series, ChartColour(series / 2), who,
          std::string_view(metric) == "recall" ? "recall (solid)" : "false-alert rate (dashed)");
      ++series;
    }
  }
  out += fmt::format("<text x={} y={} font-size=11 text-anchor=middle>threshold</text></svg>",
                     kLeft + kPlotW / 2, kHeight - 4);
  return out;
}

std::string SweepTable(const json& report) {
  std::string out =
      "<table><tr><th>threshold<th>engine recall<th>engine false alerts<th>baseline "
      "recall<th>baseline false alerts";
  const json& engine = report["engine"]["sweep"];
  const json& baseline = report["baseline"]["sweep"];
  for (size_t i = 0; i < engine.size() && i < baseline.size(); ++i)
    out += fmt::format(
        "<tr><td class=n>{:.2f}<td class=n>{}<td class=n>{}<td class=n>{}<td "
        "class=n>{}",
        engine[i]["threshold"].get<double>(), Percent(engine[i]["recall"].get<double>()),
        Percent(engine[i]["alert_rate"].get<double>()),
        Percent(baseline[i]["recall"].get<double>()),
        Percent(baseline[i]["alert_rate"].get<double>()));
  return out + "</table>";
}

// One row per group: rows, engine recall and rank 1, baseline recall.
std::string GroupTable(const json& engine, const json& baseline, std::string_view what,
                       std::string_view id) {
  std::string out = fmt::format(
      "<table><tr><th>{}<th>rows<th>engine recall<th>engine rank 1<th>baseline recall", what);
  for (const auto& [key, e] : engine.items()) {
    double base = baseline.contains(key) ? baseline[key]["recall"].get<double>() : 0;
    std::string low = e["recall"].get<double>() < 0.98 ? " miss" : "";
    out += fmt::format(
        "<tr><td>{0}<td class=n>{1}<td class=\"n{2}\" id=\"{3}-{7}-engine\">{4}<td "
        "class=n>{5}<td class=n id=\"{3}-{7}-baseline\">{6}",
        HtmlEscape(key), e["rows"].get<size_t>(), low, id, Percent(e["recall"].get<double>()),
        Percent(e["rank1_rate"].get<double>()), Percent(base), IdPart(key));
  }
  return out + "</table>";
}

std::string SourceClassTables(const json& report) {
  std::string out = "<h2>Recall per source and class</h2>";
  for (const auto& [source, classes] : report["engine"]["by_source_class"].items()) {
    out += fmt::format("<h3>{}</h3>", HtmlEscape(source));
    out += GroupTable(classes, report["baseline"]["by_source_class"][source], "variant class",
                      "source-" + IdPart(source));
  }
  return out;
}

std::string Misses(const json& report) {
  std::string out = fmt::format(
      "<h2>Misses</h2><p class=muted>Pairs the engine did not find at the threshold (first {} "
      "listed).</p><table><tr><th>source<th>class<th>query<th>expected<th>score<th>best "
      "candidate<th>its score",
      report["misses"].size());
  for (const json& m : report["misses"])
    out += fmt::format(
        "<tr><td>{}<td>{}<td>{}<td>{}<br><span class=muted>{}</span><td "
        "class=n>{:.3f}<td>{}<br><span class=muted>{}</span><td class=n>{:.3f}",
        HtmlEscape(m["source"].get<std::string>()), HtmlEscape(m["class"].get<std::string>()),
        HtmlEscape(m["query"].get<std::string>()),
        HtmlEscape(m["expected_name"].get<std::string>()),
        HtmlEscape(m["expected_id"].get<std::string>()), m["expected_score"].get<double>(),
        HtmlEscape(m["top_name"].get<std::string>()),
        HtmlEscape(m["top_entity"].get<std::string>()), m["top_score"].get<double>());
  return out + "</table>";
}

std::string FalseAlerts(const json& report) {
  std::string out = "<h2>False alerts</h2><table><tr><th>negative<th>alerted on<th>score";
  for (const json& a : report["false_alerts"])
    out += fmt::format(
        "<tr><td>{}<td>{}<br><span class=muted>{}</span><td class=n>{:.3f}",
        HtmlEscape(a["query"].get<std::string>()), HtmlEscape(a["top_name"].get<std::string>()),
        HtmlEscape(a["top_entity"].get<std::string>()), a["top_score"].get<double>());
  return out + "</table>";
}

}  // namespace

std::string Percent(double rate) { return fmt::format("{:.2f}%", rate * 100); }

std::string ValidationReportHtml(const json& report) {
  const json& engine = report["engine"];
  const json& baseline = report["baseline"];
  std::string out = fmt::format(
      "<!doctype html><html lang=en><head><meta charset=utf-8><title>embargo validation "
      "report</title><style>{}</style></head><body><main><h1>Screening model validation</h1>"
      "<p class=sub>Independent decks, engine threshold {:.2f}, baseline (Jaro-Winkler) "
      "threshold {:.2f}; queries {}.</p>",
      kReportStyle, engine["threshold"].get<double>(), baseline["threshold"].get<double>(),
      report["with_evidence"].get<bool>() ? "with the query record's birth date and nationality"
                                          : "by name only");
  out +=
      "<div class=kpis>" +
      Kpi("engine-recall", Percent(engine["overall"]["recall"].get<double>()), "engine recall") +
      Kpi("baseline-recall", Percent(baseline["overall"]["recall"].get<double>()),
          "baseline recall") +
      Kpi("engine-rank1", Percent(engine["overall"]["rank1_rate"].get<double>()), "engine rank 1") +
      Kpi("engine-alerts", Percent(engine["false_alerts"]["rate"].get<double>()),
          "engine false alerts") +
      Kpi("baseline-alerts", Percent(baseline["false_alerts"]["rate"].get<double>()),
          "baseline false alerts") +
      "</div>";
  out += Sources(report) + Composition(report);
  out += "<h2>Threshold sweep</h2>" + SweepSvg(report) + SweepTable(report);
  out += "<h2>Recall per variant class</h2>" +
         GroupTable(engine["by_class"], baseline["by_class"], "variant class", "class");
  out += "<h2>Recall per source</h2>" +
         GroupTable(engine["by_source"], baseline["by_source"], "source", "source");
  out += SourceClassTables(report) + Misses(report) + FalseAlerts(report);
  return out + "</main></body></html>\n";
}

}  // namespace embargo::eval
