// The fields a batch row fills in QueryFields, by the names batch files'
// columns (CLI, `--map header=field`) and Python's columns use: id, name,
// schema, birth_date, nationality / country, gender, id_number, imo. One
// table of which QueryFields member each feeds and whether a cell holds one
// value or a `;` list, for every reader of batches. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/batch.h"
#include "embargo/screener.h"

namespace embargo::input {

// The fields and their column names are public (embargo/batch.h:
// RowField, ReadRowField); this adds where each goes in QueryFields.
using BatchField = RowField;

// The member a field with one value per row fills (id, schema, gender), or
// nullptr for a field that collects values.
std::string* SingleValue(QueryFields& fields, BatchField field);

// The member a field collecting values fills (names, birth dates,
// countries, id numbers, IMO numbers), or nullptr for a single-value field.
std::vector<std::string>* Values(QueryFields& fields, BatchField field);

// Whether a text cell of this field is read whole (id, name, schema,
// gender); the others hold a `;`-separated list.
bool ReadWhole(BatchField field);

}  // namespace embargo::input
