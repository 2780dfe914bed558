// Sorting the rows of a `customers import` file into the records to store
// and the rows refused, before anything is written: a row needs an id (the
// file must have an id column), an id no earlier stored row has, and a
// usable name (MakeQuery). Each refusal and each field warning becomes a report
// line "path:line: refused|warning (id 'X'): why". Pure; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "cli/batch_input.h"
#include "embargo/screener.h"

namespace embargo::cli {

struct CustomerSelection {
  std::vector<QueryFields> accepted;
  size_t refused = 0;
  size_t with_warnings = 0;         // accepted rows with a field warning
  std::vector<std::string> report;  // in input order
};

// `path` names the file in report lines.
CustomerSelection SelectCustomers(const BatchInput& input, const std::string& path);

}  // namespace embargo::cli
