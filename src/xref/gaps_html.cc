#include "xref/gaps_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/html_report.h"

namespace embargo::xref {
namespace {

// White (0) to dark blue (1).
std::string HeatColour(double t) {
  auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(0xf2, 0x08), mix(0xf6, 0x30), mix(0xfb, 0x6b));
}

std::string Kpi(std::string_view id, size_t value, std::string_view label) {
  return fmt::format("<div class=kpi><b id=\"kpi-{}\">{}</b><span>{}</span></div>", id, value,
                     label);
}

std::string Header(const GapReport& r) {
  std::string title = r.regime.empty() ? "all regimes" : "regime " + r.regime;
  std::string out = fmt::format(
      "<h1>Sanctions list coverage gaps: {}</h1>\n<p class=sub>Which lists designate each "
      "target, what the UN lists that national lists do not, and who designated first.</p>\n",
      HtmlEscape(title));
  out += "<table><tr><th>Dataset<th>Jurisdiction<th>Version<th>Records<th>With listing date\n";
  for (const DatasetInfo& d : r.datasets) {
    out += fmt::format(
        "<tr><td>{0}<td>{1}<td>{2}<td class=n id=\"records-{0}\">{3}<td class=n>{4}\n",
        HtmlEscape(d.name), HtmlEscape(d.jurisdiction),
        d.version_date.empty() ? "—" : HtmlEscape(d.version_date), d.records, d.dated_records);
  }
  out += "</table>\n";
  if (!r.notes.empty()) {
    out += "<ul class=notes>";
    for (const std::string& note : r.notes) out += "<li>" + HtmlEscape(note);
    out += "</ul>\n";
  }
  return out;
}

std::string KeyFigures(const RegimeSummary& s) {
  std::string out = "<h2>Key figures</h2>\n<div class=kpis>";
  out += Kpi("targets", s.targets, "targets");
  out += Kpi("person", s.by_kind[static_cast<size_t>(TargetKind::kPerson)], "people");
  out += Kpi("entity", s.by_kind[static_cast<size_t>(TargetKind::kEntity)], "entities");
  out += Kpi("vessel", s.by_kind[static_cast<size_t>(TargetKind::kVessel)], "vessels");
  out += Kpi("airplane", s.by_kind[static_cast<size_t>(TargetKind::kAirplane)], "aircraft");
  out += Kpi("linked", s.linked_targets, "on two or more lists");
  return out + "</div>\n";
}

std::string HeatMapSvg(const GapReport& r) {
  const RegimeSummary& s = r.summary;
  const size_t n = r.datasets.size();
  const int cell = 84, left = 170, top = 110;
  size_t max = 1;
  for (size_t i = 0; i < n; ++i) max = std::max(max, s.overlap[i][i]);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"Overlap heat map\"><rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>",
      left + cell * n + 20, top + cell * n + 20);
  for (size_t i = 0; i < n; ++i) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>"
        "<text transform=\"translate({},{}) rotate(-35)\" font-size=\"12\">{}</text>",
        left - 8, top + cell * i + cell / 2 + 4, HtmlEscape(r.datasets[i].name),
        left + cell * i + 20, top - 8, HtmlEscape(r.datasets[i].name));
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      double t = static_cast<double>(s.overlap[i][j]) / static_cast<double>(max);
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\"/>"
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" fill=\"{}\">{}</text>",
          left + cell * j, top + cell * i, cell, cell, HeatColour(t), left + cell * j + cell / 2,
          top + cell * i + cell / 2 + 5, t > 0.5 ? "#fff" : "#1c2430", s.overlap[i][j]);
    }
  }
  return out + "</svg>";
}

std::string OverlapSection(const GapReport& r) {
  const RegimeSummary& s = r.summary;
  std::string out =
      "<h2>Overlap between lists</h2>\n<p class=muted>Targets listed by both datasets; the "
      "diagonal is each dataset's own count.</p>\n<div class=chart>" +
      HeatMapSvg(r) + "</div>\n<table><tr><th>";
  for (const DatasetInfo& d : r.datasets) out += "<th>" + HtmlEscape(d.name);
  for (size_t i = 0; i < r.datasets.size(); ++i) {
    out += "\n<tr><th>" + HtmlEscape(r.datasets[i].name);
    for (size_t j = 0; j < r.datasets.size(); ++j) {
      out += fmt::format("<td class=n id=\"overlap-{}-{}\">{}", HtmlEscape(r.datasets[i].name),
                         HtmlEscape(r.datasets[j].name), s.overlap[i][j]);
    }
  }
  return out + "\n</table>\n";
}

// The first `limit` targets as a table.
std::string TargetList(const GapReport& r, const std::vector<size_t>& targets, size_t limit) {
  std::string out = "<table><tr><th>Target<th>Name<th>Kind<th>Listed by\n";
  for (size_t k = 0; k < targets.size() && k < limit; ++k) {
    const Target& t = r.targets[targets[k]];
    std::string lists;
    for (const auto& [dataset, listing] : t.listings)
      lists += (lists.empty() ? "" : ", ") + HtmlEscape(dataset);
    out += fmt::format("<tr><td>{}<td>{}<td>{}<td>{}\n", HtmlEscape(t.id), HtmlEscape(t.caption),
                       TargetKindName(t.kind), lists);
  }
  if (targets.size() > limit)
    out += fmt::format("<tr><td colspan=4 class=muted>… and {} more (see the JSON output)\n",
                       targets.size() - limit);
  return out + "</table>\n";
}

std::string MissingSection(const GapReport& r, size_t limit) {
  std::string out = "<h2>UN targets missing from national lists</h2>\n";
  if (r.un_missing.empty()) return out + "<p class=muted>No national list in the report.</p>\n";
  out += "<table><tr><th>National list<th>UN targets<th>Missing\n";
  size_t un_targets = 0;
  for (size_t i = 0; i < r.datasets.size(); ++i)
    if (r.datasets[i].jurisdiction == "UN")
      un_targets = std::max(un_targets, r.summary.listed.at(r.datasets[i].name));
  for (const auto& [dataset, missing] : r.un_missing) {
    out += fmt::format("<tr><td>{0}<td class=n>{1}<td class=\"n miss\" id=\"missing-{0}\">{2}\n",
                       HtmlEscape(dataset), un_targets, missing.size());
  }
  out += "</table>\n";
  for (const auto& [dataset, missing] : r.un_missing) {
    if (missing.empty()) continue;
    out += fmt::format(
        "<details open><summary>{} UN targets not on {}</summary>"
        "<table><tr><th>Target<th>Name<th>Kind<th>Closest record there<th>Why not linked\n",
        missing.size(), HtmlEscape(dataset));
    for (size_t k = 0; k < missing.size() && k < limit; ++k) {
      const MissingTarget& m = missing[k];
      const Target& t = r.targets[m.target];
      std::string closest = m.closest_id.empty()
                                ? std::string("<span class=muted>none</span>")
                                : fmt::format("{} {} ({:.2f})", HtmlEscape(m.closest_id),
                                              HtmlEscape(m.closest_caption), m.score);
      out += fmt::format("<tr><td>{}<td>{}{}<td>{}<td>{}<td>{}\n", HtmlEscape(t.id),
                         HtmlEscape(t.caption),
                         m.ambiguous ? " <i>(ambiguous: review by hand)</i>" : "",
                         TargetKindName(t.kind), closest, HtmlEscape(m.why));
    }
    if (missing.size() > limit)
      out += fmt::format("<tr><td colspan=5 class=muted>… and {} more (see the JSON output)\n",
                         missing.size() - limit);
    out += "</table></details>\n";
  }
  return out;
}

std::string SingleSection(const GapReport& r, size_t limit) {
  std::string out =
      "<h2>Listed by one jurisdiction only</h2>\n<table><tr><th>Jurisdiction<th>Targets\n";
  for (const auto& [jurisdiction, targets] : r.single_jurisdiction) {
    out += fmt::format("<tr><td>{0}<td class=n id=\"single-{0}\">{1}\n", HtmlEscape(jurisdiction),
                       targets.size());
  }
  out += "</table>\n";
  for (const auto& [jurisdiction, targets] : r.single_jurisdiction) {
    out += fmt::format("<details><summary>{} targets listed by {} only</summary>", targets.size(),
                       HtmlEscape(jurisdiction)) +
           TargetList(r, targets, limit) + "</details>\n";
  }
  return out;
}

// Listing years of every dated dataset: dataset index -> year -> targets.
std::map<size_t, std::map<int, size_t>> DesignationsPerYear(const GapReport& r) {
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < r.datasets.size(); ++i) rank[r.datasets[i].name] = i;
  std::map<size_t, std::map<int, size_t>> years;
  for (const Target& t : r.targets)
    for (const auto& [dataset, listing] : t.listings)
      if (!listing.listed_on.empty())
        ++years[rank[dataset]][std::stoi(listing.listed_on.substr(0, 4))];
  return years;
}

std::string YearsSvg(const GapReport& r) {
  auto years = DesignationsPerYear(r);
  if (years.empty()) return "<p class=muted>No list in the report gives listing dates.</p>";
  int first = 9999, last = 0;
  size_t max = 1;
  for (const auto& [d, per_year] : years) {
    first = std::min(first, per_year.begin()->first);
    last = std::max(last, per_year.rbegin()->first);
    for (const auto& [y, count] : per_year) max = std::max(max, count);
  }
  const int left = 170, width = 980, lane = 90, span = last - first + 1;
  const double step = static_cast<double>(width - left - 20) / span;
  const int height = static_cast<int>(years.size()) * lane + 40;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"Designations per year\"><rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>",
      width, height);
  int row = 0;
  for (const auto& [d, per_year] : years) {
    int base = 20 + lane * (row + 1) - 16;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>"
        "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#99a\"/>",
        left - 8, base - 4, HtmlEscape(r.datasets[d].name), left, width - 20, base, base);
    for (const auto& [year, count] : per_year) {
      double h = (lane - 34) * static_cast<double>(count) / static_cast<double>(max);
      double x = left + step * (year - first);
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>"
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
          x + 1, base - h, std::max(step - 2, 1.0), h, ChartColour(d), x + step / 2, base - h - 3,
          count);
    }
    ++row;
  }
  int every = span > 24 ? 5 : span > 12 ? 2 : 1;
  for (int year = first; year <= last; ++year) {
    if ((year - first) % every != 0) continue;
    out +=
        fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                    left + step * (year - first + 0.5), height - 8, year);
  }
  return out + "</svg>";
}

int DayNumber(const std::string& date) {
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
  int d = std::stoi(date.substr(8, 2));
  return y * 372 + (m - 1) * 31 + (d - 1);  // monotone in the date; only for positions
}

int MaxLag(const TimelineEntry& e) {
  int m = 0;
  for (const auto& [d, lag] : e.lag_days) m = std::max(m, lag);
  return m;
}

// At most `limit` characters' worth of bytes, cut on a UTF-8 boundary.
std::string Shorten(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// Positions of listing dates on the lag chart's x axis.
struct DayScale {
  int lo = 1 << 30, hi = 0;
  double left = 0, pixels_per_day = 1;
  double X(const std::string& date) const { return left + pixels_per_day * (DayNumber(date) - lo); }
};

std::string LagRow(const GapReport& r, const TimelineEntry& e, const DayScale& scale, int y,
                   const std::map<std::string, size_t>& rank) {
  const Target& t = r.targets[e.target];
  double x0 = 1e9, x1 = 0;
  std::string dots;
  for (const auto& [d, lag] : e.lag_days) {
    const std::string& date = t.listings.at(d).listed_on;
    double x = scale.X(date);
    x0 = std::min(x0, x), x1 = std::max(x1, x);
    dots += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"{}\"><title>{} {} (+{} d)</title>"
        "</circle>",
        x, y, ChartColour(rank.at(d)), HtmlEscape(d), date, lag);
  }
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">{} (+{} d)</text>"
      "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\" stroke=\"#99a\" "
      "stroke-width=\"2\"/>{}",
      scale.left - 10, y + 4, HtmlEscape(Shorten(t.caption, 38)), MaxLag(e), x0, x1, y, y, dots);
}

std::string LagSvg(const GapReport& r, const HtmlOptions& options) {
  std::vector<const TimelineEntry*> entries;
  for (const TimelineEntry& e : r.timeline) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](auto* a, auto* b) { return MaxLag(*a) > MaxLag(*b); });
  if (entries.size() > options.max_lag_chart_rows) entries.resize(options.max_lag_chart_rows);
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < r.datasets.size(); ++i) rank[r.datasets[i].name] = i;
  std::set<std::string> dated;
  DayScale scale;
  for (const TimelineEntry* e : entries) {
    for (const auto& [d, lag] : e->lag_days) {
      int day = DayNumber(r.targets[e->target].listings.at(d).listed_on);
      scale.lo = std::min(scale.lo, day), scale.hi = std::max(scale.hi, day);
      dated.insert(d);
    }
  }
  const int width = 980, row = 18, height = static_cast<int>(entries.size()) * row + 50;
  scale.left = 300;
  scale.pixels_per_day = (width - scale.left - 30) / std::max(scale.hi - scale.lo, 1);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"Designation lag\"><rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>",
      width, height);
  for (int year = scale.lo / 372 + 1; year * 372 <= scale.hi; ++year) {
    double x = scale.X(fmt::format("{}-01-01", year));
    out += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"10\" y2=\"{1}\" stroke=\"#e3e7ec\"/>"
        "<text x=\"{0:.1f}\" y=\"{2}\" text-anchor=\"middle\" font-size=\"11\">{3}</text>",
        x, height - 26, height - 10, year);
  }
  for (size_t k = 0; k < entries.size(); ++k)
    out += LagRow(r, *entries[k], scale, 20 + static_cast<int>(k) * row, rank);
  std::string legend;
  for (const std::string& name : dated)
    legend += fmt::format("<span style=\"color:{}\">●</span> {} &nbsp;", ChartColour(rank[name]),
                          HtmlEscape(name));
  return out + "</svg><div>" + legend + "</div>";
}

std::string TimelineSection(const GapReport& r, const HtmlOptions& options) {
  const RegimeSummary& s = r.summary;
  std::string out =
      "<h2>Designation timeline</h2>\n<h3>Designations per year</h3><div class=chart>" +
      YearsSvg(r) + "</div>\n<h3>Who listed first</h3>\n";
  out += fmt::format(
      "<p>Targets with a listing date on two or more lists: <b id=\"timeline-dated\">{}</b>.</p>\n",
      s.dated_multi_list);
  out +=
      "<table><tr><th>Dataset<th>Listed first<th>Listed later<th>Median lag (days)"
      "<th>Longest lag (days)\n";
  for (const auto& [dataset, l] : s.lags) {
    out += fmt::format(
        "<tr><td>{0}<td class=n id=\"lag-first-{0}\">{1}<td class=n>{2}<td class=n "
        "id=\"lag-median-{0}\">{3}<td class=n>{4}\n",
        HtmlEscape(dataset), l.first, l.later, l.later ? fmt::to_string(l.median_days) : "—",
        l.later ? fmt::to_string(l.max_days) : "—");
  }
  if (s.lags.empty())
    out += "<tr><td colspan=5 class=muted>No target has a listing date on two or more lists.\n";
  out += "</table>\n";
  if (r.timeline.empty()) return out;
  out += "<h3>Designation lag per target (longest first)</h3><div class=chart>" +
         LagSvg(r, options) + "</div>\n<details><summary>All " + fmt::to_string(r.timeline.size()) +
         " dated targets</summary><table><tr><th>Target<th>Name<th>First<th>Date<th>Lags\n";
  for (const TimelineEntry& e : r.timeline) {
    std::string lags;
    for (const auto& [d, lag] : e.lag_days)
      if (lag > 0) lags += fmt::format("{}{}: +{} d", lags.empty() ? "" : "; ", HtmlEscape(d), lag);
    out += fmt::format("<tr><td>{}<td>{}<td>{}<td>{}<td>{}\n", HtmlEscape(r.targets[e.target].id),
                       HtmlEscape(r.targets[e.target].caption),
                       HtmlEscape(fmt::format("{}", fmt::join(e.first, ", "))), e.first_date, lags);
  }
  return out + "</table></details>\n";
}

std::string RegimeSection(const GapReport& r) {
  std::string out =
      "<h2>Per regime</h2>\n<table><tr><th>Regime<th>Targets<th>People<th>Entities"
      "<th>Vessels<th>Aircraft<th>On 2+ lists";
  for (const auto& [dataset, missing] : r.un_missing)
    out += "<th>UN missing on " + HtmlEscape(dataset);
  for (const RegimeSummary& s : r.regimes) {
    out += fmt::format("\n<tr><td>{0}<td class=n id=\"regime-{0}-targets\">{1}",
                       HtmlEscape(s.regime), s.targets);
    for (size_t count : s.by_kind) out += fmt::format("<td class=n>{}", count);
    out += fmt::format("<td class=n>{}", s.linked_targets);
    for (const auto& [dataset, missing] : r.un_missing)
      out += fmt::format("<td class=n>{}", s.un_missing.at(dataset));
  }
  return out + "\n</table>\n";
}

std::string CoverageSection(const GapReport& r, const HtmlOptions& options) {
  std::string out = "<h2>Coverage matrix</h2>\n";
  size_t rows = std::min(r.targets.size(), options.max_coverage_rows);
  if (rows < r.targets.size())
    out += fmt::format("<p class=muted>First {} of {} targets; the CSV output has them all.</p>",
                       rows, r.targets.size());
  out += "<table><tr><th>Target<th>Name<th>Kind";
  for (const DatasetInfo& d : r.datasets) out += "<th>" + HtmlEscape(d.name);
  for (size_t k = 0; k < rows; ++k) {
    const Target& t = r.targets[k];
    out += fmt::format("\n<tr><td>{}<td>{}<td>{}", HtmlEscape(t.id), HtmlEscape(t.caption),
                       TargetKindName(t.kind));
    for (const DatasetInfo& d : r.datasets) {
      auto it = t.listings.find(d.name);
      if (it == t.listings.end()) {
        out += "<td class=miss>—";
        continue;
      }
      std::string seen = SeenText(it->second);
      out += fmt::format("<td>{}<br><span class=muted>{}</span>",
                         HtmlEscape(fmt::format("{}", fmt::join(it->second.programs, ", "))),
                         !it->second.listed_on.empty() ? it->second.listed_on
                         : !seen.empty()               ? "seen " + seen
                                                       : std::string("date unknown"));
    }
  }
  return out + "\n</table>\n";
}

}  // namespace

std::string GapReportToHtml(const GapReport& report, const HtmlOptions& options) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
      "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
      "<title>Coverage gaps{}</title><style>{}</style></head><body><main>\n",
      report.regime.empty() ? "" : ": " + HtmlEscape(report.regime), kReportStyle);
  out += Header(report);
  out += KeyFigures(report.summary);
  out += OverlapSection(report);
  out += MissingSection(report, options.max_coverage_rows);
  out += SingleSection(report, options.max_coverage_rows);
  out += TimelineSection(report, options);
  out += RegimeSection(report);
  out += CoverageSection(report, options);
  return out + "</main></body></html>\n";
}

}  // namespace embargo::xref
