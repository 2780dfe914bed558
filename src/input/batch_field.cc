#include "input/batch_field.h"

#include <cctype>
#include <string>

#include "common/strings.h"

namespace embargo {

std::optional<RowField> ReadRowField(std::string_view column) {
  // "Name", "NAME ", "Date of Birth", "date-of-birth": as date_of_birth.
  std::string name;
  for (char c : Trim(column)) {
    name +=
        c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // What customers' files commonly call the fields.
  if (name == "full_name" || name == "customer_name") return RowField::kName;
  if (name == "date_of_birth" || name == "dob" || name == "birthdate") return RowField::kBirthDate;
  if (name == "imo_number") return RowField::kImo;
  if (name == "id") return RowField::kId;
  if (name == "name") return RowField::kName;
  if (name == "schema") return RowField::kSchema;
  if (name == "birth_date") return RowField::kBirthDate;
  if (name == "nationality" || name == "country") return RowField::kCountry;
  if (name == "gender") return RowField::kGender;
  if (name == "id_number") return RowField::kIdNumber;
  if (name == "imo") return RowField::kImo;
  return std::nullopt;
}

namespace input {

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

}  // namespace input
}  // namespace embargo
