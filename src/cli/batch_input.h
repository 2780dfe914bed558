// Reading a batch of records to screen from a delimited text file or an
// .xlsx workbook's sheet (or stdin, path "-"): a header row, fields `id`,
// `name` (required), `schema`,
// `birth_date`, `nationality`, `country`, `gender`, `id_number`, `imo`;
// other headers can be mapped onto these (`full_name=name`). The bytes are
// decoded to UTF-8 (byte-order mark or a given encoding, input/
// text_decoding.h) and the delimiter (',', ';', tab, '|') is read off the
// header line; a workbook (zip content) is read with common/xlsx.h, its
// first sheet unless one is named, its dates as YYYY-MM-DD. Multi-valued cells other than `name`
// are `;`-joined (`|` when `;` separates the fields). Unknown columns are reported as warnings,
// never silently used.
#pragma once

#include <string>
#include <vector>

#include "embargo/screener.h"
#include "embargo/status.h"

namespace embargo::cli {

struct BatchRow {
  int line = 0;
  QueryFields fields;
  bool numbered = false;  // no id in the file: fields.id is the row's number
  // How the row itself was read ("5 fields, header has 3"): its output
  // lists them with its fields' warnings.
  std::vector<std::string> warnings;
};

struct BatchInput {
  std::vector<BatchRow> rows;
  std::vector<std::string> warnings;
  std::vector<std::string> extra_columns;  // header names not mapped to a field
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> extra_values;  // per row, for extra_columns
};

// How the file is read beyond its columns.
struct BatchDecoding {
  std::string encoding;                        // "": byte-order mark, else UTF-8
  DateOrder date_order = DateOrder::kUnknown;  // set on every row's fields
  std::string sheet;                           // .xlsx: the sheet's name; "": the first
};

// `mappings` are "header=field" strings. Fails on an unreadable file, bytes
// the encoding does not allow, broken CSV, a bad mapping or a header
// without a name column.
Result<BatchInput> ReadBatchInput(const std::string& path, const std::vector<std::string>& mappings,
                                  const BatchDecoding& decoding = {});

// The same over the input's bytes; `shown` names the input in messages.
Result<BatchInput> ReadBatchBytes(std::string bytes, const std::string& shown,
                                  const std::vector<std::string>& mappings,
                                  const BatchDecoding& decoding = {});

}  // namespace embargo::cli
