#include "bindings/row_fields.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "embargo/batch.h"

namespace py = pybind11;

namespace embargo::python {
namespace {

bool IsMissing(py::handle cell) {
  if (cell.is_none()) return true;
  if (py::isinstance<py::float_>(cell)) return std::isnan(cell.cast<double>());
  std::string_view type = Py_TYPE(cell.ptr())->tp_name;
  return type == "NAType" || type == "NaTType";
}

// A date, datetime or pandas Timestamp: an object with integer year, month
// and day.
std::optional<std::string> DayText(py::handle cell) {
  if (!py::hasattr(cell, "year") || !py::hasattr(cell, "month") || !py::hasattr(cell, "day"))
    return std::nullopt;
  py::object year = cell.attr("year"), month = cell.attr("month"), day = cell.attr("day");
  if (!py::isinstance<py::int_>(year) || !py::isinstance<py::int_>(month) ||
      !py::isinstance<py::int_>(day))
    return std::nullopt;
  return fmt::format("{:04d}-{:02d}-{:02d}", year.cast<int>(), month.cast<int>(), day.cast<int>());
}

// A str's UTF-8. One holding lone surrogates (text decoded with
// surrogateescape) has no UTF-8: its surrogates are written as they are
// (surrogatepass), and MakeQuery reports the field as not UTF-8.
std::string StrText(py::handle text) {
  Py_ssize_t size = 0;
  if (const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size)) return std::string(data, size);
  PyErr_Clear();
  return text.attr("encode")("utf-8", "surrogatepass").cast<std::string>();
}

std::string NumberText(py::handle cell) {
  if (py::isinstance<py::float_>(cell)) {
    double value = cell.cast<double>();
    if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  }
  return StrText(py::str(cell));
}

// One cell added to `row`: text as the CLI reads a cell, anything else as
// one value per item.
void AddCell(QueryFields& row, RowField field, py::handle cell) {
  if (IsMissing(cell)) return;
  if (py::isinstance<py::str>(cell) || py::isinstance<py::bytes>(cell)) {
    // Bytes are taken as they are: MakeQuery reports those that are no UTF-8.
    AddCellText(row, field,
                py::isinstance<py::str>(cell) ? StrText(cell) : cell.cast<std::string>());
    return;
  }
  if (py::isinstance<py::list>(cell) || py::isinstance<py::tuple>(cell)) {
    for (py::handle item : cell) AddCell(row, field, item);
    return;
  }
  if (py::isinstance<py::bool_>(cell)) {
    AddCellValue(row, field, StrText(py::str(cell)));
    return;
  }
  if (auto day = DayText(cell)) {
    AddCellValue(row, field, *day);
    return;
  }
  if (py::isinstance<py::int_>(cell) || py::isinstance<py::float_>(cell)) {
    AddCellValue(row, field, NumberText(cell));
    return;
  }
  AddCellValue(row, field, StrText(py::str(cell)));
}

}  // namespace

Result<std::vector<QueryFields>> RowsFromColumns(const py::sequence& columns, size_t row_count,
                                                 DateOrder date_order) {
  std::vector<QueryFields> rows(row_count);
  for (QueryFields& row : rows) row.date_order = date_order;
  for (py::handle column : columns) {
    auto pair = column.cast<py::sequence>();
    if (pair.size() != 2) return MakeError("a column is a (field, values) pair");
    std::string name = pair[0].cast<std::string>();
    std::optional<RowField> field = ReadRowField(name);
    if (!field) return MakeError(fmt::format("unknown field '{}'", name));
    auto cells = pair[1].cast<py::sequence>();
    if (cells.size() != row_count) {
      return MakeError(
          fmt::format("column '{}' has {} values for {} rows", name, cells.size(), row_count));
    }
    for (size_t i = 0; i < row_count; ++i) AddCell(rows[i], *field, cells[i]);
  }
  for (size_t i = 0; i < row_count; ++i) {
    if (rows[i].id.empty()) rows[i].id = std::to_string(i + 1);
  }
  return rows;
}

}  // namespace embargo::python
