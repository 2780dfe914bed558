#include "common/csv.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

std::vector<std::vector<std::string>> Fields(const Result<std::vector<CsvRow>>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRow& row : *rows) out.push_back(row.fields);
  return out;
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithDoubledQuotesAndCommas) {
  auto rows = ReadCsv("a,\"b, \"\"c\"\"\",d\n", "t.csv");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Fields(rows), (std::vector<std::vector<std::string>>{{"a", "b, \"c\"", "d"}}));
}

TEST(CsvReaderTest, AcceptsCrLfAndCrLineEndsAndTrailingCtrlZ) {
  auto rows = ReadCsv("1,x\r\n2,y\r3,z\n\x1A", "t.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[1].fields[1], "y");
  EXPECT_EQ((*rows)[2].line, 3);
}

TEST(CsvReaderTest, KeepsNewlinesInsideQuotesAndCountsLines) {
  auto rows = ReadCsv("\"multi\nline\",1\nnext,2\n", "t.csv");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].fields[0], "multi\nline");
  EXPECT_EQ((*rows)[1].line, 3);
}

TEST(CsvReaderTest, UnterminatedQuoteIsAnErrorWithLineAndColumn) {
  auto rows = ReadCsv("ok,1\nbad,\"open\n", "lists/t.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().ToString(),
            "lists/t.csv:2:5: unterminated quoted field (missing closing '\"')");
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  auto rows = ReadCsv("\"a\"b,c\n", "t.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().ToString(), "t.csv:1:4: unexpected character after closing quote");
}

TEST(CsvReaderTest, TabDelimitedAndBom) {
  auto rows = ReadCsv("\xEF\xBB\xBF\"Name\"\t\"City\"\n\"X\"\t\"Y\"\n", "t.txt", '\t');
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Fields(rows), (std::vector<std::vector<std::string>>{{"Name", "City"}, {"X", "Y"}}));
}

TEST(CsvReaderTest, EmptyInputHasNoRows) {
  auto rows = ReadCsv("", "t.csv");
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

// A 64 MB single line took 2.1 GB; now any record past the limit stops the
// read at its line, whether one field, many fields or an open quote.
TEST(CsvReaderTest, RecordLongerThanTheLimitIsAnErrorAtItsLine) {
  std::string data = "id,name\n1," + std::string(2 << 20, 'x') + "\n";
  auto rows = ReadCsv(data, "in.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().ToString(),
            "in.csv:2: record longer than 1.0 MiB (a binary file, or a quote opened and never "
            "closed?)");
  for (const std::string& record :
       {std::string(40, 'x'), std::string(40, ','), "\"" + std::string(40, 'x') + "\""}) {
    const std::string data = "ok\n" + record + "\n";
    CsvReader reader(data, "in.csv", ',', 32);
    CsvRow row;
    EXPECT_TRUE(reader.Next(row));
    EXPECT_FALSE(reader.Next(row)) << record;
    ASSERT_TRUE(reader.error().has_value()) << record;
    EXPECT_EQ(reader.error()->ToString(),
              "in.csv:2: record longer than 32 bytes (a binary file, or a quote opened and never "
              "closed?)");
  }
}

TEST(CsvReaderTest, RecordOfExactlyTheLimitIsRead) {
  const std::string data = std::string(31, 'x') + ",\n" + std::string(32, 'y');
  CsvReader reader(data, "in.csv", ',', 32);
  CsvRow row;
  ASSERT_TRUE(reader.Next(row));
  ASSERT_TRUE(reader.Next(row)) << reader.error()->ToString();
  EXPECT_EQ(row.fields[0], std::string(32, 'y'));
  EXPECT_FALSE(reader.Next(row));
  EXPECT_FALSE(reader.error().has_value());
}

TEST(CsvReaderTest, FindColumnIgnoresCaseAndSpaces) {
  std::vector<std::string> header = {"id", " Full_Name ", "dob"};
  EXPECT_EQ(FindColumn(header, "full_name"), 1);
  EXPECT_EQ(FindColumn(header, "name"), -1);
}

// Exports read in a spreadsheet: a cell that would run as a formula is
// shown as text (a customer named "=HAN JANG SU+HYPERLINK(...)" was written
// as is by `alerts export`: a new user's trial).
TEST(CsvFieldTest, ASpreadsheetCellThatWouldRunAsAFormulaIsText) {
  EXPECT_EQ(SpreadsheetCsvField("=HAN JANG SU+HYPERLINK(\"http://x\")"),
            "\"'=HAN JANG SU+HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(SpreadsheetCsvField("@SUM(1+1)"), "'@SUM(1+1)");
  EXPECT_EQ(SpreadsheetCsvField("+7 495"), "'+7 495");
  EXPECT_EQ(SpreadsheetCsvField("-cmd"), "'-cmd");
  EXPECT_EQ(SpreadsheetCsvField("\tx"), "'\tx");
  // Numbers, plain text and empty cells as CsvField writes them.
  EXPECT_EQ(SpreadsheetCsvField("-0.05"), "-0.05");
  EXPECT_EQ(SpreadsheetCsvField("-12"), "-12");
  EXPECT_EQ(SpreadsheetCsvField("HAN, JANG SU"), "\"HAN, JANG SU\"");
  EXPECT_EQ(SpreadsheetCsvField(""), "");
}

}  // namespace
}  // namespace embargo
