// The gap report as one self-contained HTML page for compliance officers:
// inline CSS and inline SVG charts drawn here (an overlap heat map between
// datasets, designations per year on each list, the designation lag of
// targets dated on several lists), and every number again in tables. No
// scripts, no external URLs, so it opens offline and prints as it shows.
// Pure function; the page shows exactly the numbers of GapReportToJson.
#pragma once

#include <string>

#include "xref/gaps.h"

namespace embargo::xref {

struct HtmlOptions {
  // Rows of the coverage matrix and of each list of targets drawn in the page
  // (the CSV and JSON have them all).
  size_t max_coverage_rows = 2000;
  // Targets drawn in the lag chart (longest lag first; the table has them all).
  size_t max_lag_chart_rows = 40;
};

// Elements carrying a number have an id (e.g. "kpi-targets",
// "overlap-<a>-<b>", "missing-<dataset>") so tests can read them back.
std::string GapReportToHtml(const GapReport& report, const HtmlOptions& options = {});

}  // namespace embargo::xref
