// `embargo gaps`: links the lists (xref::LinkLists) and writes the gap report
// (xref/gaps.h) for one regime or for all: JSON (the source of truth), CSV
// (the coverage matrix) or a self-contained HTML page (xref/gaps_html.h).
#pragma once

#include <iosfwd>
#include <string>

#include "cli/open_screener.h"
#include "xref/xref.h"

namespace embargo::cli {

struct GapsArgs {
  ListSource source;
  std::string regime;           // "" = every target; see xref::ParseRegime
  std::string format = "json";  // json, csv, html
  std::string out;              // "" or "-" = stdout
  double name_threshold = xref::XrefOptions{}.name_threshold;
  int threads = 0;
};

// Returns the exit code: 0 ok, 1 bad lists or output, 2 usage.
int RunGaps(const GapsArgs& args, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
