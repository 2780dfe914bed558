// `embargo eval` and `embargo deck`: measuring accuracy the same way every
// time. A labelled CSV row with an `expected_id` is a positive (that entity
// must be found with match = true); a row without is a negative (it must
// raise no alert). eval reports recall, rank-1 rate and alert rate over a
// threshold sweep, and a per-kind breakdown (`kind` column) at one
// threshold. deck writes a labelled variant deck built from the lists, or with
// --independent the pair deck of src/eval/independent_deck.h.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/open_screener.h"
#include "embargo/screener.h"

namespace embargo::cli {

struct EvalArgs {
  ListSource source;
  std::vector<std::string> inputs;
  std::vector<std::string> mappings;
  double threshold = kDefaultThreshold;
  int threads = 0;
  std::string misses_path;
  std::string json_path;
};

struct DeckArgs {
  ListSource source;
  std::string out_path;
  uint32_t seed = 42;
  std::vector<std::string> kinds;
};

int RunEval(const EvalArgs& args, std::ostream& out, std::ostream& err);
int RunDeck(const DeckArgs& args, std::ostream& out, std::ostream& err);

// Writes the independent deck as CSV (id, name, schema, birth_date,
// nationality, expected_id, expected_dataset, expected_name, class, source,
// link, query_entity).
int RunIndependentDeck(const ListSource& source, const std::string& out_path, std::ostream& out,
                       std::ostream& err);

}  // namespace embargo::cli
