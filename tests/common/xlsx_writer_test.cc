// The .xlsx writer, read back with the reader (common/xlsx.h): text in any
// script, numbers only in numeric columns, XML-hostile characters, and the
// errors a bad workbook gets.
#include "common/xlsx_writer.h"

#include <gtest/gtest.h>

#include "common/xlsx.h"
#include "common/zip_archive.h"

namespace embargo {
namespace {

TEST(XlsxWriterTest, WhatItWritesReadsBack) {
  XlsxTable alerts{"alerts",
                   {{"id", "name", "score", "note"},
                    {"1", "리원호", "0.9853", "a <b> & \"c\""},
                    {"2", "Фереидун Аббаси", "1", ""},
                    {"00017", "tab\there\x01", "n/a", "line\nbreak"}},
                   {0, 2}};
  XlsxTable second{"second", {{"only a header"}}, {}};
  auto bytes = XlsxBytes({alerts, second});
  ASSERT_TRUE(bytes.ok()) << bytes.error().ToString();
  auto book = XlsxWorkbook::FromBytes(*bytes, "out.xlsx");
  ASSERT_TRUE(book.ok()) << book.error().ToString();
  EXPECT_EQ(book->SheetNames(), (std::vector<std::string>{"alerts", "second"}));
  auto sheet = book->ReadSheet("alerts");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(sheet->rows[1].Texts(),
            (std::vector<std::string>{"1", "리원호", "0.9853", "a <b> & \"c\""}));
  EXPECT_EQ(sheet->rows[1].cells[0].type, XlsxCellType::kNumber);
  EXPECT_EQ(sheet->rows[1].cells[1].type, XlsxCellType::kString);
  EXPECT_EQ(sheet->rows[1].cells[2].type, XlsxCellType::kNumber);
  EXPECT_EQ(sheet->rows[0].cells[0].type, XlsxCellType::kString) << "a header is text";
  // An id with leading zeros in a numeric column is still a number there
  // (the caller decides which columns are numeric); "n/a" stays text.
  EXPECT_EQ(sheet->rows[3].cells[2].type, XlsxCellType::kString);
  // A control character cannot be written in XML 1.0: U+FFFD; tab and
  // newline stay.
  EXPECT_EQ(sheet->rows[3].Texts()[1], "tab\there\xEF\xBF\xBD");
  EXPECT_EQ(sheet->rows[3].Texts()[3], "line\nbreak");
  // The header stays in view and the table is filterable.
  auto zip = ZipArchive::Open(*bytes, "out.xlsx", "xlsx", 1 << 20);
  ASSERT_TRUE(zip.ok());
  auto xml = zip->Read("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(xml->find("<autoFilter ref=\"A1:D4\"/>"), std::string::npos);
}

TEST(XlsxWriterTest, BadWorkbooksAreErrors) {
  EXPECT_FALSE(XlsxBytes({}).ok());
  EXPECT_FALSE(XlsxBytes({{"a/b", {}, {}}}).ok());
  EXPECT_FALSE(XlsxBytes({{"", {}, {}}}).ok());
  EXPECT_FALSE(XlsxBytes({{std::string(32, 'x'), {}, {}}}).ok());
  EXPECT_FALSE(XlsxBytes({{"same", {}, {}}, {"same", {}, {}}}).ok());
}

}  // namespace
}  // namespace embargo
