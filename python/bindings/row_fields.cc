#include "bindings/row_fields.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "common/strings.h"
#include "input/batch_field.h"

namespace py = pybind11;

namespace embargo::python {
namespace {

using input::BatchField;

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

// The values of one cell, appended to `out`.
void CellValues(py::handle cell, BatchField field, std::vector<std::string>& out) {
  if (IsMissing(cell)) return;
  if (py::isinstance<py::str>(cell) || py::isinstance<py::bytes>(cell)) {
    // Bytes are taken as they are: MakeQuery reports those that are no UTF-8.
    std::string text = py::isinstance<py::str>(cell) ? StrText(cell) : cell.cast<std::string>();
    if (input::ReadWhole(field))
      out.emplace_back(Trim(text));
    else
      for (std::string& v : SplitList(text)) out.push_back(std::move(v));
    return;
  }
  if (py::isinstance<py::list>(cell) || py::isinstance<py::tuple>(cell)) {
    for (py::handle item : cell) CellValues(item, field, out);
    return;
  }
  if (py::isinstance<py::bool_>(cell)) {
    out.push_back(StrText(py::str(cell)));
    return;
  }
  if (auto day = DayText(cell)) {
    out.push_back(*day);
    return;
  }
  if (py::isinstance<py::int_>(cell) || py::isinstance<py::float_>(cell)) {
    out.push_back(NumberText(cell));
    return;
  }
  out.push_back(StrText(py::str(cell)));
}

// A single-value field keeps its first value; the others collect them all.
void Assign(QueryFields& q, BatchField field, std::vector<std::string>& values) {
  if (std::string* single = input::SingleValue(q, field)) {
    if (single->empty() && !values.empty()) *single = std::move(values.front());
    return;
  }
  std::vector<std::string>& target = *input::Values(q, field);
  for (std::string& v : values) target.push_back(std::move(v));
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
    std::optional<BatchField> field = input::ReadBatchField(name);
    if (!field) return MakeError(fmt::format("unknown field '{}'", name));
    auto cells = pair[1].cast<py::sequence>();
    if (cells.size() != row_count) {
      return MakeError(
          fmt::format("column '{}' has {} values for {} rows", name, cells.size(), row_count));
    }
    for (size_t i = 0; i < row_count; ++i) {
      std::vector<std::string> values;
      CellValues(cells[i], *field, values);
      Assign(rows[i], *field, values);
    }
  }
  for (size_t i = 0; i < row_count; ++i) {
    if (rows[i].id.empty()) rows[i].id = std::to_string(i + 1);
  }
  return rows;
}

}  // namespace embargo::python
