#include "input/batch_field.h"

namespace embargo::input {

std::optional<BatchField> ReadBatchField(std::string_view name) {
  if (name == "id") return BatchField::kId;
  if (name == "name") return BatchField::kName;
  if (name == "schema") return BatchField::kSchema;
  if (name == "birth_date") return BatchField::kBirthDate;
  if (name == "nationality" || name == "country") return BatchField::kCountry;
  if (name == "gender") return BatchField::kGender;
  if (name == "id_number") return BatchField::kIdNumber;
  if (name == "imo") return BatchField::kImo;
  return std::nullopt;
}

std::string* SingleValue(QueryFields& fields, BatchField field) {
  switch (field) {
    case BatchField::kId: return &fields.id;
    case BatchField::kSchema: return &fields.schema;
    case BatchField::kGender: return &fields.gender;
    default: return nullptr;
  }
}

std::vector<std::string>* Values(QueryFields& fields, BatchField field) {
  switch (field) {
    case BatchField::kName: return &fields.names;
    case BatchField::kBirthDate: return &fields.birth_dates;
    case BatchField::kCountry: return &fields.countries;
    case BatchField::kIdNumber: return &fields.id_numbers;
    case BatchField::kImo: return &fields.imo_numbers;
    default: return nullptr;
  }
}

bool ReadWhole(BatchField field) {
  return field == BatchField::kId || field == BatchField::kName || field == BatchField::kSchema ||
         field == BatchField::kGender;
}

}  // namespace embargo::input
