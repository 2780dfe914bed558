#include "cli/batch_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include "common/csv.h"
#include "common/file.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "common/xlsx.h"
#include "input/batch_field.h"
#include "input/delimiter.h"
#include "input/text_decoding.h"
#include "text/transliterate.h"

namespace embargo::cli {
namespace {

bool IsField(std::string_view name) { return ReadRowField(name).has_value(); }

// A later cell of a single-value field replaces an earlier one.
void Assign(QueryFields& q, std::string_view name, const std::string& cell, char list_separator) {
  const input::BatchField field = *ReadRowField(name);
  if (std::string* single = input::SingleValue(q, field)) {
    *single = std::string(Trim(cell));
  } else if (input::ReadWhole(field)) {
    input::Values(q, field)->push_back(std::string(Trim(cell)));
  } else {
    for (auto& v : SplitList(cell, list_separator)) input::Values(q, field)->push_back(v);
  }
}

Result<std::string> ReadInputBytes(const std::string& path) {
  if (path != "-") return ReadFileBytes(path);
  std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
  if (std::cin.bad()) return MakeError("<stdin>: read error");
  return bytes;
}

// The bytes as UTF-8; a warning when they are not valid UTF-8 and no
// encoding was given (their names then cannot be screened: the rows say so).
Result<std::string> ToUtf8(const std::string& bytes, const std::string& shown,
                           const BatchDecoding& decoding, std::vector<std::string>& warnings) {
  auto text = input::DecodeToUtf8(bytes, decoding.encoding, shown);
  if (!text.ok()) return text.error();
  if (decoding.encoding.empty() && !IsValidUtf8(*text)) {
    std::string guess = input::GuessEncoding(bytes);
    warnings.push_back(fmt::format("{}: the input is not valid UTF-8{}", shown,
                                   guess.empty() ? " (give its --encoding)"
                                                 : fmt::format(": it looks like {} (give "
                                                               "--encoding {})",
                                                               guess, guess)));
  }
  return text;
}

// An .xlsx workbook is a zip archive; no delimited text starts like one.
bool IsZip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04"); }

// The rows of the workbook's first sheet, or of the sheet named `sheet`,
// each numbered by its row in the sheet.
Result<std::vector<CsvRow>> SheetRows(const std::string& bytes, const std::string& shown,
                                      const std::string& sheet) {
  auto book = XlsxWorkbook::FromBytes(bytes, shown);
  if (!book.ok()) return book.error();
  auto read = sheet.empty() ? book->ReadSheet(size_t{0}) : book->ReadSheet(sheet);
  if (!read.ok()) return read.error();
  std::vector<CsvRow> rows;
  for (const XlsxRow& r : read->rows) rows.push_back(CsvRow{r.number, r.Texts()});
  return rows;
}

// The rows of the input: delimited text, read as it goes, or the rows of a
// workbook's sheet.
class RowSource {
 public:
  static Result<std::unique_ptr<RowSource>> Open(std::string bytes, const std::string& shown,
                                                 const BatchDecoding& decoding,
                                                 std::vector<std::string>& warnings) {
    auto source = std::unique_ptr<RowSource>(new RowSource());
    if (IsZip(bytes)) {
      auto rows = SheetRows(bytes, shown, decoding.sheet);
      if (!rows.ok()) return rows.error();
      source->sheet_rows_ = std::move(*rows);
      return source;
    }
    auto text = ToUtf8(bytes, shown, decoding, warnings);
    if (!text.ok()) return text.error();
    source->text_ = std::move(*text);
    const char delimiter = input::DetectDelimiter(source->text_);
    source->list_separator_ = delimiter == ';' ? '|' : ';';
    source->reader_.emplace(source->text_, shown, delimiter);
    return source;
  }

  bool Next(CsvRow& row) {
    if (reader_) return reader_->Next(row);
    if (next_sheet_row_ == sheet_rows_.size()) return false;
    row = std::move(sheet_rows_[next_sheet_row_++]);
    return true;
  }
  std::optional<Error> error() const { return reader_ ? reader_->error() : std::nullopt; }
  // A workbook stores no empty cells at the end of a row: a short row is
  // one whose last cells are empty, not a row that lost fields.
  bool rows_end_early() const { return !reader_; }
  // Separates the values of a multi-valued cell.
  char list_separator() const { return list_separator_; }

 private:
  RowSource() = default;

  std::string text_;  // the decoded text `reader_` reads
  std::optional<CsvReader> reader_;
  std::vector<CsvRow> sheet_rows_;
  size_t next_sheet_row_ = 0;
  char list_separator_ = ';';
};

// Where each column of the header goes: a field, or an extra column.
struct ColumnMap {
  std::vector<std::string> field_of;  // "" for an extra column
  std::vector<int> extra_index;       // -1 for a field
  size_t columns = 0;
};

Result<std::map<std::string, std::string>> ParseMappings(const std::vector<std::string>& mappings) {
  std::map<std::string, std::string> rename;
  for (const std::string& m : mappings) {
    size_t eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      return MakeError(fmt::format("bad --map '{}': expected header=field", m));
    }
    std::string field = m.substr(eq + 1);
    if (!IsField(field))
      return MakeError(fmt::format("bad --map '{}': unknown field '{}'", m, field));
    rename[m.substr(0, eq)] = field;
  }
  return rename;
}

Result<ColumnMap> MapHeader(const CsvRow& header, const std::map<std::string, std::string>& rename,
                            const std::string& shown, BatchInput& input) {
  ColumnMap map{std::vector<std::string>(header.fields.size()),
                std::vector<int>(header.fields.size(), -1), header.fields.size()};
  bool has_name = false;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string h(Trim(header.fields[i]));
    input.header.push_back(h);
    auto it = rename.find(h);
    std::string field = it != rename.end() ? it->second : h;
    if (IsField(field)) {
      map.field_of[i] = field;
      has_name |= ReadRowField(field) == RowField::kName;
    } else {
      map.extra_index[i] = static_cast<int>(input.extra_columns.size());
      input.extra_columns.push_back(h);
      input.warnings.push_back(fmt::format(
          "{}:1: ignoring unknown column '{}' (map it with --map '{}=FIELD')", shown, h, h));
    }
  }
  if (!has_name) {
    return MakeError(shown, 1, "no 'name' column in the header (map one with --map HEADER=name)");
  }
  for (const auto& [header_name, field] : rename) {
    if (std::find(input.header.begin(), input.header.end(), header_name) == input.header.end()) {
      input.warnings.push_back(fmt::format("{}:1: --map '{}={}': no column '{}' in the header",
                                           shown, header_name, field, header_name));
    }
  }
  return map;
}

void AddRow(const CsvRow& row, const ColumnMap& map, const std::string& shown,
            const BatchDecoding& decoding, char list_separator, BatchInput& input) {
  BatchRow br;
  br.line = row.line;
  br.fields.date_order = decoding.date_order;
  std::vector<std::string> extras(input.extra_columns.size());
  for (size_t i = 0; i < row.fields.size() && i < map.columns; ++i) {
    if (!map.field_of[i].empty())
      Assign(br.fields, map.field_of[i], row.fields[i], list_separator);
    else if (map.extra_index[i] >= 0)
      extras[static_cast<size_t>(map.extra_index[i])] = row.fields[i];
  }
  if (row.fields.size() != map.columns) {
    std::string warning = fmt::format("{} fields, header has {}", row.fields.size(), map.columns);
    input.warnings.push_back(fmt::format("{}:{}: {}", shown, row.line, warning));
    br.warnings.push_back(std::move(warning));
  }
  if (br.fields.id.empty()) {
    br.fields.id = std::to_string(input.rows.size() + 1);
    br.numbered = true;
  }
  input.rows.push_back(std::move(br));
  input.extra_values.push_back(std::move(extras));
}

}  // namespace

Result<BatchInput> ReadBatchInput(const std::string& path, const std::vector<std::string>& mappings,
                                  const BatchDecoding& decoding) {
  // A bad mapping is reported before the file is read, as it costs nothing.
  if (auto rename = ParseMappings(mappings); !rename.ok()) return rename.error();
  auto bytes = ReadInputBytes(path);
  if (!bytes.ok()) return bytes.error();
  return ReadBatchBytes(std::move(*bytes), path == "-" ? "<stdin>" : path, mappings, decoding);
}

Result<BatchInput> ReadBatchBytes(std::string bytes, const std::string& shown,
                                  const std::vector<std::string>& mappings,
                                  const BatchDecoding& decoding) {
  auto rename = ParseMappings(mappings);
  if (!rename.ok()) return rename.error();
  BatchInput input;
  auto rows = RowSource::Open(std::move(bytes), shown, decoding, input.warnings);
  if (!rows.ok()) return rows.error();
  RowSource& source = **rows;
  CsvRow header;
  if (!source.Next(header)) {
    if (source.error()) return *source.error();
    return MakeError(shown, 1, "empty input: expected a header row with a 'name' column");
  }
  auto map = MapHeader(header, *rename, shown, input);
  if (!map.ok()) return map.error();
  for (CsvRow row; source.Next(row);) {
    if (source.rows_end_early() && row.fields.size() < map->columns)
      row.fields.resize(map->columns);
    AddRow(row, *map, shown, decoding, source.list_separator(), input);
  }
  if (source.error()) return *source.error();
  return input;
}

}  // namespace embargo::cli
