// `embargo xref`: links the records of several lists that name the same
// party (xref/xref.h) and writes the links, clusters and ambiguous cases as
// JSON, CSV (one row per link) or text (counts, then each cluster with its
// members' spellings side by side). With --unlinked-from/--to it also lists
// the records of one list with no counterpart on the other, and why.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/open_screener.h"
#include "embargo/lists.h"
#include "xref/xref.h"

namespace embargo::cli {

struct XrefArgs {
  ListSource source;
  std::string format = "text";  // json, csv, text
  std::string out;              // "" or "-" = stdout
  double name_threshold = xref::XrefOptions{}.name_threshold;
  std::string method = "both";  // both, identifier or name: which links to look for
  int threads = 0;
  std::string unlinked_from;  // dataset whose unlinked records to explain
  std::string unlinked_to;    // ... against this dataset
  std::string source_prefix;  // only records whose source id starts so ("KP")
};

// Returns the exit code: 0 ok, 1 bad lists or output, 2 usage.
int RunXref(const XrefArgs& args, std::ostream& out, std::ostream& err);

// The list set a command works on: parsed from --lists, or the entities of
// an --index snapshot or a --store.
Result<ListSet> OpenListSet(const ListSource& source);

}  // namespace embargo::cli
