// What embargo's self-contained HTML reports (the gap report, the validation
// report) share: one style sheet, HTML escaping and the chart palette. The
// pages carry no scripts and no URLs. Pure functions and constants;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo {

inline constexpr std::string_view kReportStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c2430;
margin:0;background:#f5f7fa}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #dde3ea;
padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.sub{color:#5b6776;margin:0 0 16px}
.notes{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 14px;margin:12px 0}
.notes li{margin:2px 0}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.kpi{flex:1 1 140px;background:#eef3fb;border-radius:8px;padding:10px 14px}
.kpi b{display:block;font-size:28px;color:#0b3d91}.kpi span{color:#5b6776}
table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}
th,td{border:1px solid #dde3ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.miss{color:#b3261e;background:#fdecea}
.chart{margin:8px 0;overflow-x:auto}
details{margin:4px 0 10px}summary{cursor:pointer;color:#0b3d91}
.muted{color:#5b6776}
@media print{body{background:#fff}main{padding:0}details{display:block}}
)";
;

// `text` with & < > " ' escaped for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

// The i-th colour of the chart palette (cycles through 8 colours).
std::string_view ChartColour(size_t i);

}  // namespace embargo
