// `embargo screen`: a batch CSV to JSON lines (one line per input row, in
// input order, each with its "warnings"), or one name to a readable table
// with explanations. A row with a usable name is always screened; a row
// without one is an {"id", "error"} line, counted as not screened.
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
  std::string encoding;       // batch: "" = byte-order mark, else UTF-8
  std::string sheet;          // batch from an .xlsx workbook: "" = the first sheet
  std::string summary;        // batch: also write the summary as JSON to this file
  std::string certificate;    // also write a screening certificate (cli/certificate.h) here
  bool print_alerts = false;  // batch: also print a readable line per alert
  QueryFields single;         // single-name mode; its date_order is the batch's too
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // bad input file or lists, or an output not written
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRowsNotScreened = 3;  // the batch ran; some rows had no usable name

// Returns one of the exit codes above.
int RunScreen(const ScreenArgs& args, std::ostream& out, std::ostream& err);

struct BatchSummary {
  size_t rows = 0;
  size_t screened = 0;       // with or without warnings
  size_t with_warnings = 0;  // screened, some field ignored or read more than one way
  size_t not_screened = 0;   // no usable name
  size_t alerted = 0;        // rows with at least one match
  // "path:line: warning" and "path:line: not screened: why", in input order.
  std::vector<std::string> notes;
};

// Screens every row of `input` with `screener`, writing JSON lines to `out`
// and, when `alerts` is not null, a readable summary of each alert to it.
// Rows that cannot be screened produce {"id", "error"} and the batch goes on;
// a write to `out` that fails stops it.
BatchSummary ScreenBatch(const Screener& screener, const struct BatchInput& input,
                         const std::string& input_path, const ScreenOptions& options, int threads,
                         std::ostream& out, std::ostream* alerts = nullptr);

// One line per alert: row id, query name, entity, score, and the evidence.
std::string AlertSummary(const std::string& row_id, const Match& match);

// The readable table for one query.
void PrintMatchTable(const Query& query, const std::vector<Match>& matches, std::ostream& out);

}  // namespace embargo::cli
