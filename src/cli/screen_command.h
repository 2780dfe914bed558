// `embargo screen`: a batch CSV to JSON lines (one line per input row, in
// input order), or one name to a readable table with explanations.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/open_screener.h"
#include "embargo/screener.h"

namespace embargo::cli {

struct ScreenArgs {
  ListSource source;
  std::string input;   // batch mode when set
  std::string output;  // "" or "-" = stdout
  double threshold = kDefaultThreshold;
  double cutoff = -1;
  size_t limit = 5;
  int threads = 0;
  std::vector<std::string> mappings;
  bool print_alerts = false;  // batch: also print a readable line per alert
  QueryFields single;         // single-name mode
};

// Returns the exit code: 0 ok, 1 bad input or lists or an output that could
// not be written, 2 usage.
int RunScreen(const ScreenArgs& args, std::ostream& out, std::ostream& err);

// Screens every row of `input` with `screener`, writing JSON lines to `out`
// and, when `alerts` is not null, a readable summary of each alert to it.
// Rows that cannot be screened produce {"id", "error"} and the batch goes on;
// a write to `out` that fails stops it. Returns the number of rows with at
// least one match.
size_t ScreenBatch(const Screener& screener, const struct BatchInput& input,
                   const std::string& input_path, const ScreenOptions& options, int threads,
                   std::ostream& out, std::ostream* alerts = nullptr);

// One line per alert: row id, query name, entity, score, and the evidence.
std::string AlertSummary(const std::string& row_id, const Match& match);

// The readable table for one query.
void PrintMatchTable(const Query& query, const std::vector<Match>& matches, std::ostream& out);

}  // namespace embargo::cli
