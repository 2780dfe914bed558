// Screening rows of loose fields for the Python module, with no Python in
// sight: each row is read by MakeQuery (leniently, warnings kept) and
// screened, and its answer is one JSON text in the shape of the CLI's batch
// JSON lines, so Python, the CLI and the HTTP API show a match alike:
//   {"id", "matches": [WriteMatch...], "warnings": [...]}
//   {"id", "error", "matches": [], "warnings": []}   (no usable name)
// Every row gets an answer, in input order. Thread-safe: the Screener is
// read-only and shared.
#pragma once

#include <string>
#include <vector>

#include "embargo/screener.h"

namespace embargo::python {

// The answer for one row.
std::string ScreenRowJson(const Screener& screener, const QueryFields& fields,
                          const ScreenOptions& options);

// The answers for every row, rows screened on `threads` threads (0: all
// cores).
std::vector<std::string> ScreenRowsJson(const Screener& screener,
                                        const std::vector<QueryFields>& rows,
                                        const ScreenOptions& options, int threads);

}  // namespace embargo::python
