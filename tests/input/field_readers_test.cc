// Every case of tests/data/input/fields.tsv: one loose field, read by its
// lenient reader, gives exactly the listed readings and warning.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/csv.h"
#include "common/file.h"
#include "input/country_reading.h"
#include "input/date_reading.h"
#include "input/kind_reading.h"
#include "test_paths.h"

namespace embargo::input {
namespace {

struct Reading {
  std::string values;  // "|"-joined; "-" for none
  std::string warning;
};

template <typename T, typename Label>
Reading Describe(const FieldReading<T>& r, Label label) {
  std::string values;
  for (const T& v : r.values) values += (values.empty() ? "" : "|") + std::string(label(v));
  return {values.empty() ? "-" : values, r.warning};
}

Reading Read(const std::string& field, const std::string& order, const std::string& text) {
  if (field == "birth_date") {
    return Describe(ReadBirthDate(text, ParseDateOrder(order).value()),
                    [](const PartialDate& d) { return d.ToString(); });
  }
  if (field == "country")
    return Describe(ReadCountry(text), [](const std::string& c) { return c; });
  if (field == "schema") return Describe(ReadSchema(text), SchemaName);
  if (field == "gender") return Describe(ReadGender(text), GenderName);
  ADD_FAILURE() << "unknown field " << field;
  return {};
}

TEST(FieldReadersTest, ReadEveryCaseOfTheDataFile) {
  const std::string path = testing::TestData("input/fields.tsv");
  auto bytes = ReadFileBytes(path);
  ASSERT_TRUE(bytes.ok()) << bytes.error().ToString();
  CsvReader reader(*bytes, path, '\t');
  CsvRow row;
  int cases = 0;
  while (reader.Next(row)) {
    if (row.fields.empty() || row.fields[0].empty() || row.fields[0][0] == '#') continue;
    ASSERT_EQ(row.fields.size(), 5u) << path << ":" << row.line;
    const auto& f = row.fields;
    Reading got = Read(f[0], f[1], f[2]);
    EXPECT_EQ(got.values, f[3]) << path << ":" << row.line << ": " << f[0] << " '" << f[2] << "'";
    EXPECT_EQ(got.warning, f[4]) << path << ":" << row.line << ": " << f[0] << " '" << f[2] << "'";
    ++cases;
  }
  ASSERT_FALSE(reader.error().has_value()) << reader.error()->ToString();
  EXPECT_GT(cases, 100);
}

}  // namespace
}  // namespace embargo::input
