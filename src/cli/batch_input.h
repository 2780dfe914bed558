// Reading a batch of records to screen from CSV: a header row, fields `id`,
// `name` (required), `schema`, `birth_date`, `nationality`, `country`,
// `gender`, `id_number`, `imo`; other headers can be mapped onto these
// (`full_name=name`). Multi-valued cells other than `name` are `;`-joined.
// Unknown columns are reported as warnings, never silently used.
#pragma once

#include <string>
#include <vector>

#include "embargo/screener.h"
#include "embargo/status.h"

namespace embargo::cli {

struct BatchRow {
  int line = 0;
  QueryFields fields;
};

struct BatchInput {
  std::vector<BatchRow> rows;
  std::vector<std::string> warnings;
  std::vector<std::string> extra_columns;  // header names not mapped to a field
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> extra_values;  // per row, for extra_columns
};

// `mappings` are "header=field" strings. Fails on broken CSV, a bad mapping
// or a header without a name column.
Result<BatchInput> ReadBatchInput(const std::string& path,
                                  const std::vector<std::string>& mappings);

}  // namespace embargo::cli
