// The dirty secondary fields of issue 12 (a Korean bank's customer file,
// where each one used to cost its row its screening), with how each must be
// read and the warning it must give. The batch, `customers import` and
// /match tests all run over this one table, so every input path is held to
// the same readings: adding a case is one line.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace embargo::testing {

struct DirtyField {
  std::string label;    // test name and row id
  std::string field;    // birth_date, country or schema: the batch column
  std::string value;    // as written in the file
  std::string reading;  // as the query carries it: ", "-joined dates or country codes; a schema
  std::string warning;  // "" when read plainly
};

inline const std::vector<DirtyField>& DirtyFields() {
  static const std::vector<DirtyField> fields = {
      {"DateWithoutZeros", "birth_date", "1964-7-17", "1964-07-17", ""},
      {"DateWithoutZerosShort", "birth_date", "1975-7-4", "1975-07-04", ""},
      {"DateWithoutDashes", "birth_date", "19921103", "1992-11-03", ""},
      {"DateDayOrMonthFirst", "birth_date", "03/04/1987", "1987-03-04, 1987-04-03",
       "birth_date '03/04/1987' is ambiguous: read as 1987-03-04 or 1987-04-03"},
      {"DateWithDots", "birth_date", "1964.07.17", "1964-07-17", ""},
      {"DateWithImpossibleDay", "birth_date", "1974-01-32", "1974-01",
       "birth_date '1974-01-32' has no valid day: read as 1974-01"},
      {"CountryKorea", "country", "Korea", "kp, kr",
       "country 'Korea' is ambiguous: read as kp (North Korea) or kr (South Korea)"},
      {"CountryBukhan", "country", "북한", "kp", ""},
      {"CountryDaehanMinguk", "country", "대한민국", "kr", ""},
      {"SchemaCorporate", "schema", "Corporate", "Company", ""},
      {"SchemaGaein", "schema", "개인", "Person", ""},
  };
  return fields;
}

inline std::string DirtyFieldName(const ::testing::TestParamInfo<DirtyField>& info) {
  return info.param.label;
}

// A CSV "id,name,birth_date,country,schema" with one row per dirty field
// (id = its label), each naming `name`.
inline std::string DirtyFieldsCsv(const std::string& name) {
  std::string csv = "id,name,birth_date,country,schema\n";
  for (const DirtyField& d : DirtyFields()) {
    csv += d.label + "," + name;
    for (const char* column : {"birth_date", "country", "schema"}) {
      csv += "," + (d.field == column ? d.value : std::string());
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace embargo::testing
