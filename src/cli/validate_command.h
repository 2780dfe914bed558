// `embargo validate` (and `embargo eval --independent`): measures the engine
// on the independent decks (src/eval/independent_deck.h) and the development
// negatives, beside the naive Jaro-Winkler baseline, prints recall per
// variant class and source and the false-alert rate, and writes the report a
// model-validation team asks for: JSON (--json) and one self-contained HTML
// page (--html). (`embargo deck --independent`, in eval_command.h, writes the
// deck itself as CSV.)
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/open_screener.h"
#include "embargo/screener.h"

namespace embargo::cli {

struct ValidateArgs {
  ListSource source;
  std::vector<std::string> negatives;  // CSV files of people on no list (full_name, ...)
  bool with_evidence = false;
  double threshold = kDefaultThreshold;
  int threads = 0;
  size_t baseline_negatives = 5000;
  bool baseline = true;  // eval --independent --no-baseline: the engine only
  std::string json_path;
  std::string html_path;
  std::string misses_path;  // every miss and false alert, as CSV
};

int RunValidate(const ValidateArgs& args, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
