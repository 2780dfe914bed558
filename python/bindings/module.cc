// The extension module embargo._embargo: embargo_lib's loading and
// screening for the pure-Python package `embargo` (python/embargo), which is
// what users call. Kept thin: failures come back as values (an error dict)
// for the package to raise; screening runs with the GIL released, a batch on
// several threads. A Screener object holds one immutable snapshot and may be
// used from any number of Python threads at once.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bindings/row_fields.h"
#include "embargo/batch.h"
#include "embargo/entity.h"
#include "embargo/lists.h"
#include "embargo/screener.h"

namespace py = pybind11;

namespace embargo::python {
namespace {

struct ScreenerHandle {
  std::shared_ptr<const Screener> screener;
};

py::dict ErrorDict(const Error& error) {
  py::dict d;
  d["file"] = error.file;
  d["line"] = error.line;
  d["column"] = error.column;
  d["message"] = error.message;
  d["text"] = error.ToString();
  return d;
}

// (Screener, None) or (None, error dict).
py::tuple Loaded(Result<std::shared_ptr<const Screener>> loaded) {
  if (!loaded.ok()) return py::make_tuple(py::none(), ErrorDict(loaded.error()));
  return py::make_tuple(ScreenerHandle{std::move(*loaded)}, py::none());
}

py::tuple LoadListFiles(const std::vector<std::string>& paths, const std::string& dataset,
                        uint64_t max_file_bytes) {
  LoadOptions options;
  options.dataset_override = dataset;
  options.max_file_bytes = max_file_bytes;
  Result<std::shared_ptr<const Screener>> loaded = MakeError("not loaded");
  {
    py::gil_scoped_release release;
    auto lists = LoadLists(paths, options);
    if (lists.ok())
      loaded = Screener::Build(std::move(*lists));
    else
      loaded = lists.error();
  }
  return Loaded(std::move(loaded));
}

py::tuple LoadSnapshotFile(const std::string& path) {
  Result<std::shared_ptr<const Screener>> loaded = MakeError("not loaded");
  {
    py::gil_scoped_release release;
    loaded = Screener::LoadSnapshot(path);
  }
  return Loaded(std::move(loaded));
}

py::object SaveSnapshotFile(const ScreenerHandle& h, const std::string& path) {
  Status saved;
  {
    py::gil_scoped_release release;
    saved = h.screener->SaveSnapshot(path);
  }
  if (!saved.ok()) return ErrorDict(saved.error());
  return py::none();
}

ScreenOptions MakeOptions(double threshold, std::optional<double> cutoff, size_t limit,
                          std::vector<std::string> datasets) {
  ScreenOptions options{threshold, cutoff.value_or(-1), limit, nullptr};
  if (!datasets.empty()) {
    options.filter = [datasets = std::move(datasets)](const Entity& e) {
      for (const std::string& d : datasets) {
        if (e.InDataset(d)) return true;
      }
      return false;
    };
  }
  return options;
}

// One JSON text per row (embargo/batch.h), in input order.
std::vector<py::str> ScreenColumns(const ScreenerHandle& h, const py::sequence& columns,
                                   size_t row_count, double threshold, std::optional<double> cutoff,
                                   size_t limit, std::vector<std::string> datasets, int threads,
                                   const std::string& date_order) {
  std::optional<DateOrder> order = ParseDateOrder(date_order);
  if (!order) throw py::value_error("date_order must be dmy, mdy, ymd or empty");
  auto rows = RowsFromColumns(columns, row_count, *order);
  if (!rows.ok()) throw py::value_error(rows.error().ToString());
  ScreenOptions options = MakeOptions(threshold, cutoff, limit, std::move(datasets));
  std::vector<std::string> answers;
  {
    py::gil_scoped_release release;
    answers = ScreenRowsJson(*h.screener, *rows, options, threads < 0 ? 0 : threads);
  }
  std::vector<py::str> texts;
  texts.reserve(answers.size());
  for (const std::string& a : answers) texts.emplace_back(a);
  return texts;
}

py::list DatasetDicts(const ScreenerHandle& h) {
  py::list out;
  for (const Dataset& d : h.screener->lists().datasets) {
    py::dict item;
    item["name"] = d.name;
    item["format"] = d.format;
    item["path"] = d.path;
    item["version_date"] = d.version_date;
    item["entity_count"] = d.entity_count;
    item["name_count"] = d.name_count;
    out.append(std::move(item));
  }
  return out;
}

// The field a column name stands for as the CLI reads a header ("DOB",
// "Date of Birth", "full_name"), or None.
py::object ColumnField(const std::string& column) {
  std::optional<RowField> field = ReadRowField(column);
  if (!field) return py::none();
  switch (*field) {
    case RowField::kId: return py::str("id");
    case RowField::kName: return py::str("name");
    case RowField::kSchema: return py::str("schema");
    case RowField::kBirthDate: return py::str("birth_date");
    case RowField::kCountry: return py::str("country");
    case RowField::kGender: return py::str("gender");
    case RowField::kIdNumber: return py::str("id_number");
    case RowField::kImo: return py::str("imo");
  }
  return py::none();
}

py::object EntityJsonText(const ScreenerHandle& h, const std::string& id) {
  const Entity* entity = h.screener->FindEntity(id);
  if (entity == nullptr) return py::none();
  return py::str(EntityJson(*entity));
}

}  // namespace
}  // namespace embargo::python

PYBIND11_MODULE(_embargo, m) {
  using namespace embargo::python;
  m.doc() = "embargo's engine; use the `embargo` package, not this module";
  m.attr("DEFAULT_THRESHOLD") = embargo::kDefaultThreshold;
  m.attr("DEFAULT_MAX_FILE_BYTES") = embargo::kDefaultMaxListFileBytes;
  py::class_<ScreenerHandle>(m, "Screener")
      .def("save_snapshot", &SaveSnapshotFile, py::arg("path"))
      .def("screen_columns", &ScreenColumns, py::arg("columns"), py::arg("row_count"),
           py::arg("threshold"), py::arg("cutoff"), py::arg("limit"), py::arg("datasets"),
           py::arg("threads"), py::arg("date_order"))
      .def("entity_json", &EntityJsonText, py::arg("entity_id"))
      .def_property_readonly("datasets", &DatasetDicts)
      .def_property_readonly(
          "entity_count",
          [](const ScreenerHandle& h) { return h.screener->lists().entities.size(); })
      .def_property_readonly("name_count",
                             [](const ScreenerHandle& h) { return h.screener->name_count(); });
  m.def("load_lists", &LoadListFiles, py::arg("paths"), py::arg("dataset"),
        py::arg("max_file_bytes"));
  m.def("load_snapshot", &LoadSnapshotFile, py::arg("path"));
  m.def("column_field", &ColumnField, py::arg("column"));
}
