// An RFC 4180 CSV/TSV reader over an in-memory buffer, written for the
// quirks of official lists: CR, LF or CRLF record ends, quoted fields with
// doubled quotes and embedded newlines, a trailing Ctrl-Z (0x1A), a UTF-8
// byte-order mark. Broken quoting is an error carrying file:line, never a
// silently mangled record; so is a record longer than a limit (1 MiB by
// default; official lists' longest is ~1.3 KB), so a binary file or a quote
// left open cannot grow one field without bound. Thread-compatible; the
// buffer must outlive it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"

namespace embargo {

struct CsvRow {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

inline constexpr size_t kMaxCsvRecordBytes = size_t{1} << 20;

class CsvReader {
 public:
  CsvReader(std::string_view data, std::string file_name, char delimiter = ',',
            size_t max_record_bytes = kMaxCsvRecordBytes);

  // Reads the next record into `row` (reusing its storage). Returns false at
  // the end of the data or on an error; error() tells which.
  bool Next(CsvRow& row);
  const std::optional<Error>& error() const { return error_; }

 private:
  bool Fail(int line, int column, std::string message);
  bool FailTooLong(int line);

  std::string_view data_;
  std::string file_;
  char delimiter_;
  size_t max_record_bytes_;
  size_t pos_ = 0;
  int line_ = 1;
  std::optional<Error> error_;
};

// `text` as one CSV field: quoted (inner quotes doubled) when it holds a
// comma, quote or line break, else as is.
std::string CsvField(std::string_view text);

// CsvField for a file people open in a spreadsheet (exports, reports): a
// cell a spreadsheet would run as a formula (starting with = + - @, a tab
// or a carriage return, and not a number: a customer named
// "=HYPERLINK(...)") gets a leading apostrophe, which shows it as text.
std::string SpreadsheetCsvField(std::string_view text);

// Reads a whole buffer. Fails on the first malformed record.
Result<std::vector<CsvRow>> ReadCsv(std::string_view data, const std::string& file_name,
                                    char delimiter = ',');

// A record read through a header map (column number -> field index, -1 when
// the file has no such column): the trimmed field, or "" when the column is
// absent or the record is short.
struct MappedRow {
  const CsvRow& csv;
  const int* columns;

  std::string_view operator[](int column) const;
};

// Header helper: index of `name` in `header` (case-insensitive, trimmed), or -1.
int FindColumn(const std::vector<std::string>& header, std::string_view name);

}  // namespace embargo
