// Lenient reading of what kind of party a record is, and of a person's
// gender, from the words customers' files use: FtM schema names and their
// synonyms in several languages ("Corporate", "Individual", "개인", "法人",
// "personne morale", "Ship") and genders ("M", "female", "남", "女", "ж").
// Pure; thread-safe.
#pragma once

#include <string_view>

#include "embargo/entity.h"
#include "input/field_reading.h"

namespace embargo::input {

// At most one reading (the field is named "schema" in warnings). "Thing"
// (FtM's any kind) is no reading: the query may name a party, a vessel or
// an aircraft, as one without a schema.
FieldReading<Schema> ReadSchema(std::string_view text);

// At most one reading (the field is named "gender" in warnings). "X" and
// "unspecified" are blank, not a gender.
FieldReading<Gender> ReadGender(std::string_view text);

}  // namespace embargo::input
