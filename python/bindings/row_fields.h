// Python values to QueryFields, read as the CLI reads a batch file's
// columns (cli/batch_input.h), for the Python module. A batch arrives as
// columns: (field, values) pairs, the field one of id, name, schema,
// birth_date, nationality, country, gender, id_number, imo and the values
// one cell per row; a field may come in several columns (two name columns
// give each row two names). A cell is read as:
//   None, NaN, pandas.NA, NaT      nothing
//   str                            trimmed; outside id, name, schema and
//                                  gender, `;` separates values (a CLI cell)
//   list, tuple                    each item, as a cell
//   date, datetime, Timestamp      its day, YYYY-MM-DD
//   int, integral float            its digits (an IMO number in a float column)
//   anything else                  its str()
// A row without an id is given its number (1-based), as the CLI does.
// Call with the GIL held.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <vector>

#include "embargo/screener.h"
#include "embargo/status.h"

namespace embargo::python {

// `columns` is a sequence of (field, sequence of `row_count` cells). Fails
// on an unknown field or a column of another length.
Result<std::vector<QueryFields>> RowsFromColumns(const pybind11::sequence& columns,
                                                 size_t row_count, DateOrder date_order);

}  // namespace embargo::python
