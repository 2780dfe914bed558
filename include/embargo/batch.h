// Rows of a batch, for programs that screen many records (the Python
// package is the first): the columns a row may carry, a cell added to a
// row's QueryFields as the CLI's batch reader adds it, and rows screened to
// the JSON objects the CLI's batch output writes, one per row:
//   {"id", "matches": [MatchJson...], "warnings": [...]}
// with "error" instead of matches when the row has no usable name
// (MakeQuery). Pure functions; ScreenRowsJson screens on `threads` threads
// (0: one per core) and returns the rows' objects in input order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/screener.h"

namespace embargo {

// id, name, schema, birth_date, nationality / country, gender, id_number, imo.
enum class RowField { kId, kName, kSchema, kBirthDate, kCountry, kGender, kIdNumber, kImo };

// The field a column name stands for, or nullopt for any other name. Case,
// surrounding spaces and the separator (space, '-', '_') do not matter
// ("Name", "Date of Birth"), and the common other names are read too:
// full_name and customer_name (name), date_of_birth, dob and birthdate
// (birth_date), imo_number (imo).
std::optional<RowField> ReadRowField(std::string_view column);

// Adds a text cell: trimmed, and for birth_date, country, id_number and imo
// split on ';' into several values. id, schema and gender keep their first
// value; the other fields collect every value.
void AddCellText(QueryFields& row, RowField field, std::string_view text);

// Adds one value as it is (a number or a date a program already holds).
void AddCellValue(QueryFields& row, RowField field, std::string value);

// "dmy", "mdy", "ymd" or "" (unknown: ambiguous dates keep both readings);
// nullopt for anything else.
std::optional<DateOrder> ParseDateOrder(std::string_view text);

std::string ScreenRowJson(const Screener& screener, const QueryFields& row,
                          const ScreenOptions& options);
std::vector<std::string> ScreenRowsJson(const Screener& screener,
                                        const std::vector<QueryFields>& rows,
                                        const ScreenOptions& options, int threads);

}  // namespace embargo
