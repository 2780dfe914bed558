#include "sources/embargo_list.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/csv.h"
#include "common/json_parse.h"
#include "sources/embargo_list_record.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

using nlohmann::json;

// Maps each header column to its field; unknown or repeated columns fail.
Result<std::vector<ListField>> HeaderFields(const CsvRow& header, const std::string& file) {
  std::vector<ListField> fields;
  for (const std::string& column : header.fields) {
    auto spec = FindListField(column);
    if (!spec || Trim(column) != spec->column) {
      return MakeError(
          file, header.line,
          fmt::format("unknown column '{}' (known columns: {})", Trim(column), ListFieldNames()));
    }
    if (std::find(fields.begin(), fields.end(), spec->field) != fields.end()) {
      return MakeError(file, header.line, fmt::format("column '{}' appears twice", spec->column));
    }
    fields.push_back(spec->field);
  }
  for (ListField required : {ListField::kId, ListField::kName}) {
    if (std::find(fields.begin(), fields.end(), required) == fields.end()) {
      return MakeError(file, header.line,
                       fmt::format("missing column '{}'", ListFieldInfo(required).column));
    }
  }
  return fields;
}

ListRecord CsvRecord(const CsvRow& row, const std::vector<ListField>& fields) {
  ListRecord record;
  record.line = row.line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (ListFieldInfo(fields[i]).multi) {
      record[fields[i]] = SplitList(row.fields[i], ';');
    } else if (!Trim(row.fields[i]).empty()) {
      record[fields[i]] = {std::string(Trim(row.fields[i]))};
    }
  }
  return record;
}

Result<ListRecord> JsonRecord(const json& entity, size_t index, const std::string& file) {
  ListRecord record;
  record.place = fmt::format("entities[{}]", index);
  auto fail = [&](std::string message) { return MakeError(file, 0, record.Prefix() + message); };
  if (!entity.is_object()) return fail("expected an object");
  for (const auto& [key, value] : entity.items()) {
    auto spec = FindListField(key);
    if (!spec)
      return fail(fmt::format("unknown field '{}' (known fields: {})", key, ListFieldNames()));
    auto strings = JsonStrings(value);
    if (!strings) return fail(fmt::format("field '{}' must be a string or a list of strings", key));
    if (!spec->multi && spec->field != ListField::kName && strings->size() > 1) {
      return fail(fmt::format("field '{}' takes one value", key));
    }
    std::vector<std::string>& values = record[spec->field];
    values.insert(values.end(), strings->begin(), strings->end());
  }
  return record;
}

Status CheckTopLevel(const json& document, const std::string& file) {
  if (!document.is_object() || !document.contains("entities")) {
    return MakeError(file, 1, "expected a JSON object with an \"entities\" list");
  }
  for (const auto& [key, value] : document.items()) {
    if (key != "dataset" && key != "title" && key != "entities") {
      return MakeError(file, 0,
                       fmt::format("unknown key '{}' (expected dataset, title, entities)", key));
    }
    if (key != "entities" && !value.is_string()) {
      return MakeError(file, 0, fmt::format("\"{}\" must be a string", key));
    }
  }
  if (!document["entities"].is_array()) return MakeError(file, 0, "\"entities\" must be a list");
  return Status::Ok();
}

}  // namespace

bool IsEmbargoCsvHeader(const std::vector<std::string>& header) {
  return FindColumn(header, "id") >= 0 && FindColumn(header, "name") >= 0;
}

Result<ParsedList> ParseEmbargoCsv(const std::filesystem::path& path, std::string_view bytes,
                                   const std::string& dataset_fallback) {
  std::string file = path.string();
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, file));
  Result<std::vector<CsvRow>> rows = ReadCsv(bytes, file);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return MakeError(file, 1, "empty file: expected a header with id and name");
  Result<std::vector<ListField>> fields = HeaderFields((*rows)[0], file);
  if (!fields.ok()) return fields.error();
  std::vector<ListRecord> records;
  for (size_t i = 1; i < rows->size(); ++i) {
    const CsvRow& row = (*rows)[i];
    if (row.fields.size() != fields->size()) {
      return MakeError(file, row.line,
                       fmt::format("expected {} fields as in the header, found {}", fields->size(),
                                   row.fields.size()));
    }
    records.push_back(CsvRecord(row, *fields));
  }
  return BuildEmbargoList(path, records, "", dataset_fallback);
}

Result<ParsedList> ParseEmbargoJson(const std::filesystem::path& path, std::string_view bytes,
                                    const std::string& dataset_fallback) {
  std::string file = path.string();
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, file));
  Result<json> document = ParseJson(bytes, file);
  if (!document.ok()) return document.error();
  EMBARGO_RETURN_IF_ERROR(CheckDecodedStrings(*document, file, 0));
  EMBARGO_RETURN_IF_ERROR(CheckTopLevel(*document, file));
  std::vector<ListRecord> records;
  const json& entities = (*document)["entities"];
  for (size_t i = 0; i < entities.size(); ++i) {
    Result<ListRecord> record = JsonRecord(entities[i], i, file);
    if (!record.ok()) return record.error();
    records.push_back(std::move(record).value());
  }
  return BuildEmbargoList(path, records, document->value("dataset", ""), dataset_fallback);
}

}  // namespace embargo
