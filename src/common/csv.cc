#include "common/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "common/file.h"
#include "common/strings.h"

namespace embargo {

CsvReader::CsvReader(std::string_view data, std::string file_name, char delimiter,
                     size_t max_record_bytes)
    : data_(data),
      file_(std::move(file_name)),
      delimiter_(delimiter),
      max_record_bytes_(max_record_bytes) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  // Trailing Ctrl-Z and blank tail are not records.
  while (!data_.empty() && (data_.back() == '\x1A')) data_.remove_suffix(1);
}

bool CsvReader::Fail(int line, int column, std::string message) {
  error_ = Error{file_, line, column, std::move(message)};
  return false;
}

bool CsvReader::FailTooLong(int line) {
  return Fail(line, 0,
              fmt::format("record longer than {} (a binary file, or a quote opened and never "
                          "closed?)",
                          ByteSizeText(max_record_bytes_)));
}

bool CsvReader::Next(CsvRow& row) {
  if (error_) return false;
  // Skip blank lines between records.
  while (pos_ < data_.size() && (data_[pos_] == '\r' || data_[pos_] == '\n')) {
    if (data_[pos_] == '\n' ||
        (data_[pos_] == '\r' && (pos_ + 1 >= data_.size() || data_[pos_ + 1] != '\n')))
      ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;

  row.line = line_;
  row.fields.clear();
  std::string field;
  size_t line_start = pos_;
  const size_t record_end = pos_ + std::min(max_record_bytes_, data_.size() - pos_);
  // Past the limit with more than a record end to read.
  auto too_long = [&] {
    return pos_ >= record_end && pos_ < data_.size() && data_[pos_] != '\r' && data_[pos_] != '\n';
  };
  while (true) {
    if (too_long()) return FailTooLong(row.line);
    field.clear();
    if (pos_ < data_.size() && data_[pos_] == '"') {
      int quote_line = line_;
      size_t quote_col = pos_ - line_start + 1;
      ++pos_;
      bool closed = false;
      while (pos_ < data_.size()) {
        if (too_long()) return FailTooLong(row.line);
        char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\n' || (c == '\r' && (pos_ + 1 >= data_.size() || data_[pos_ + 1] != '\n'))) {
          ++line_;
          line_start = pos_ + 1;
        }
        field.push_back(c);
        ++pos_;
      }
      if (!closed) {
        return Fail(quote_line, static_cast<int>(quote_col),
                    "unterminated quoted field (missing closing '\"')");
      }
      // Tolerate spaces between the closing quote and the delimiter.
      while (pos_ < data_.size() && data_[pos_] == ' ') ++pos_;
      if (pos_ < data_.size() && data_[pos_] != delimiter_ && data_[pos_] != '\r' &&
          data_[pos_] != '\n') {
        return Fail(line_, static_cast<int>(pos_ - line_start + 1),
                    "unexpected character after closing quote");
      }
    } else {
      while (pos_ < data_.size() && data_[pos_] != delimiter_ && data_[pos_] != '\r' &&
             data_[pos_] != '\n') {
        if (too_long()) return FailTooLong(row.line);
        field.push_back(data_[pos_]);
        ++pos_;
      }
    }
    row.fields.push_back(field);
    if (pos_ >= data_.size()) break;
    char c = data_[pos_];
    if (c == delimiter_) {
      ++pos_;
      continue;
    }
    // Record end: CRLF, CR or LF.
    if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    break;
  }
  return true;
}

Result<std::vector<CsvRow>> ReadCsv(std::string_view data, const std::string& file_name,
                                    char delimiter) {
  CsvReader reader(data, file_name, delimiter);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (reader.Next(row)) rows.push_back(row);
  if (reader.error()) return *reader.error();
  return rows;
}

std::string_view MappedRow::operator[](int column) const {
  int index = columns[column];
  if (index < 0 || index >= static_cast<int>(csv.fields.size())) return {};
  return Trim(csv.fields[static_cast<size_t>(index)]);
}

int FindColumn(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (EqualsIgnoreCase(Trim(header[i]), name)) return static_cast<int>(i);
  }
  return -1;
}

std::string SpreadsheetCsvField(std::string_view text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text[0]) == std::string_view::npos ||
      ParseNumber<double>(text))
    return CsvField(text);
  return CsvField("'" + std::string(text));
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace embargo
