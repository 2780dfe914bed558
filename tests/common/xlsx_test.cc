#include "common/xlsx.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "test_paths.h"
#include "xlsx_zip.h"

namespace embargo {
namespace {

using Parts = testing::XlsxParts;
using testing::Worksheet;

constexpr const char* kMain = testing::kSpreadsheetMain;
constexpr const char* kRel = testing::kOfficeRelationships;

// A workbook with sheets "People" (sheet1) and "Ships" (sheet2), a shared
// string table and styles where style 1 is a built-in date (14) and style 2 a
// custom "dd\-mmm\-yyyy" date; style 3 is a plain number format "0.00".
Parts TwoSheetBook() {
  Parts parts;
  parts["_rels/.rels"] = std::string("<Relationships xmlns=\"") +
                         "http://schemas.openxmlformats.org/package/2006/relationships\">" +
                         "<Relationship Id=\"rId1\" Type=\"" + kRel +
                         "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  parts["xl/workbook.xml"] =
      std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
      "\"><sheets><sheet name=\"People\" sheetId=\"1\" r:id=\"rId1\"/>"
      "<sheet name=\"Ships\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      std::string("<Relationships xmlns=\"") +
      "http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      kRel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
      kRel +
      "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" Type=\"" +
      kRel + "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId4\" Type=\"" +
      kRel + "/styles\" Target=\"styles.xml\"/></Relationships>";
  parts["xl/sharedStrings.xml"] =
      std::string("<sst xmlns=\"") + kMain +
      "\"><si><t>Name</t></si><si><t>RI WON HO</t></si>"
      "<si><r><t>KIM </t></r><r><rPr><b/></rPr><t>JONG UN</t></r><rPh><t>x</t></rPh></si>"
      "<si><t>line_x000D_break</t></si></sst>";
  parts["xl/styles.xml"] = std::string("<styleSheet xmlns=\"") + kMain +
                           "\"><numFmts count=\"2\"><numFmt numFmtId=\"166\" "
                           "formatCode=\"dd\\-mmm\\-yyyy;@\"/><numFmt numFmtId=\"167\" "
                           "formatCode=\"0.00\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
                           "<xf numFmtId=\"14\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
                           "</cellXfs></styleSheet>";
  parts["xl/worksheets/sheet1.xml"] = Worksheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>Born</t>"
      "</is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"3\"/><c r=\"C2\" s=\"1\">"
      "<v>23575</v></c><c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" s=\"3\"><v>0.5</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>2</v></c><c r=\"C4\" s=\"2\"><v>41988.75</v></c>"
      "<c r=\"D4\" t=\"e\"><v>#N/A</v></c><c r=\"E4\" t=\"str\"><f>A4</f><v>KIM</v></c></row>");
  parts["xl/worksheets/sheet2.xml"] =
      Worksheet("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>3</v></c></row>");
  return parts;
}

Result<XlsxWorkbook> Book(const Parts& parts) {
  return XlsxWorkbook::FromBytes(testing::ZipParts(parts), "book.xlsx");
}

TEST(XlsxTest, ListsSheetsInWorkbookOrder) {
  auto book = Book(TwoSheetBook());
  ASSERT_TRUE(book.ok()) << book.error().ToString();
  EXPECT_EQ(book->SheetNames(), (std::vector<std::string>{"People", "Ships"}));
}

TEST(XlsxTest, ReadsSharedInlineAndRichTextStrings) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("People");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  EXPECT_EQ(sheet->rows[0].Texts(), (std::vector<std::string>{"Name", "", "Born"}));
  EXPECT_EQ(sheet->rows[2].cells[0].text, "KIM JONG UN");  // runs joined, phonetic hint left out
  EXPECT_EQ(sheet->rows[0].cells[2].type, XlsxCellType::kString);
}

TEST(XlsxTest, GapsAreEmptyCellsAndBlankRowsAreSkipped) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("People");
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[2].number, 4);
  EXPECT_EQ(sheet->rows[1].cells[1].type, XlsxCellType::kEmpty);  // B2: styled, no value
  EXPECT_EQ(sheet->rows[2].cells[1].type, XlsxCellType::kEmpty);  // B4: absent
}

TEST(XlsxTest, DatesKeepTheirSerialNumberAndReadAsIsoText) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("People");
  const XlsxCell& builtin = sheet->rows[1].cells[2];
  EXPECT_EQ(builtin.type, XlsxCellType::kDate);
  EXPECT_EQ(builtin.text, "1964-07-17");
  EXPECT_EQ(builtin.number, 23575);
  const XlsxCell& custom = sheet->rows[2].cells[2];
  EXPECT_EQ(custom.type, XlsxCellType::kDate);
  EXPECT_EQ(custom.text, "2014-12-15T18:00:00");
}

TEST(XlsxTest, NumbersBooleansFormulasAndErrors) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("People");
  const XlsxCell& number = sheet->rows[1].cells[4];
  EXPECT_EQ(number.type, XlsxCellType::kNumber);  // "0.00" is no date format
  EXPECT_EQ(number.text, "0.5");
  EXPECT_EQ(number.number, 0.5);
  EXPECT_EQ(sheet->rows[1].cells[3].text, "TRUE");
  EXPECT_EQ(sheet->rows[1].cells[3].type, XlsxCellType::kBoolean);
  EXPECT_EQ(sheet->rows[2].cells[3].type, XlsxCellType::kError);
  EXPECT_EQ(sheet->rows[2].cells[3].text, "#N/A");
  EXPECT_EQ(sheet->rows[2].cells[4].text, "KIM");  // a formula's cached string result
}

// Found by fuzz_batch (UBSan: 1e+300 is outside the range of 'long').
TEST(XlsxTest, DateStyledNumberBeyondExcelsLastDateIsANumber) {
  Parts parts = TwoSheetBook();
  parts["xl/worksheets/sheet2.xml"] = Worksheet(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>2958465.5</v></c><c r=\"B1\" s=\"1\">"
      "<v>2958466</v></c><c r=\"C1\" s=\"2\"><v>1e300</v></c></row>");
  auto sheet = Book(parts)->ReadSheet("Ships");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  const std::vector<XlsxCell>& cells = sheet->rows[0].cells;
  EXPECT_EQ(cells[0].type, XlsxCellType::kDate);
  EXPECT_EQ(cells[0].text, "9999-12-31T12:00:00");
  EXPECT_EQ(cells[1].type, XlsxCellType::kNumber);
  EXPECT_EQ(cells[1].text, "2958466");
  EXPECT_EQ(cells[2].type, XlsxCellType::kNumber);
  EXPECT_EQ(cells[2].text, "1e300");
  EXPECT_EQ(cells[2].number, 1e300);
}

TEST(XlsxTest, SecondSheetByNameWithAbsoluteTargetAndEscapedControlCharacter) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("Ships");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  EXPECT_EQ(sheet->rows[0].Texts(), (std::vector<std::string>{"", "line\rbreak"}));
}

TEST(XlsxTest, Date1904System) {
  Parts parts = TwoSheetBook();
  parts["xl/workbook.xml"].replace(parts["xl/workbook.xml"].find("<sheets>"), 0,
                                   "<workbookPr date1904=\"1\"/>");
  auto sheet = Book(parts)->ReadSheet(0);
  EXPECT_EQ(sheet->rows[1].cells[2].text, "1968-07-18");
}

TEST(XlsxTest, MissingSheetNamesTheSheetsThereAre) {
  auto sheet = Book(TwoSheetBook())->ReadSheet("Vessels");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().ToString(),
            "book.xlsx: no sheet named 'Vessels' (sheets: People, Ships)");
  EXPECT_EQ(Book(TwoSheetBook())->ReadSheet(2).error().ToString(),
            "book.xlsx: no sheet number 3 (the workbook has 2)");
}

TEST(XlsxTest, SharedStringWithoutSharedStringsPartNamesTheCell) {
  Parts parts = TwoSheetBook();
  parts.erase("xl/sharedStrings.xml");
  auto sheet = Book(parts)->ReadSheet("People");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().ToString(),
            "book.xlsx: People!A1: cell refers to shared string 0 but the workbook has no "
            "sharedStrings part");
}

TEST(XlsxTest, SharedStringIndexOutOfRange) {
  Parts parts = TwoSheetBook();
  parts["xl/worksheets/sheet2.xml"] =
      Worksheet("<row r=\"3\"><c r=\"D3\" t=\"s\"><v>9</v></c></row>");
  EXPECT_EQ(Book(parts)->ReadSheet("Ships").error().ToString(),
            "book.xlsx: Ships!D3: shared string index '9' out of range (4 strings)");
}

TEST(XlsxTest, MalformedSheetXmlNamesThePartLineAndColumn) {
  Parts parts = TwoSheetBook();
  parts["xl/worksheets/sheet2.xml"] = "<worksheet>\n<sheetData><row></sheetData>";
  EXPECT_EQ(Book(parts)->ReadSheet("Ships").error().ToString(),
            "book.xlsx: xl/worksheets/sheet2.xml:2:19: malformed XML: Start-end tags mismatch");
}

TEST(XlsxTest, BadCellReferenceAndBadNumber) {
  Parts parts = TwoSheetBook();
  parts["xl/worksheets/sheet2.xml"] = Worksheet("<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>");
  EXPECT_EQ(Book(parts)->ReadSheet("Ships").error().ToString(),
            "book.xlsx: Ships: bad cell reference 'A3' in row 2");
  parts["xl/worksheets/sheet2.xml"] = Worksheet("<row r=\"2\"><c r=\"AB2\"><v>1x</v></c></row>");
  EXPECT_EQ(Book(parts)->ReadSheet("Ships").error().ToString(),
            "book.xlsx: Ships!AB2: number '1x' is not a number");
}

TEST(XlsxTest, CellsWithoutReferencesFollowTheirNeighbours) {
  Parts parts = TwoSheetBook();
  parts["xl/worksheets/sheet2.xml"] =
      Worksheet("<row><c><v>1</v></c><c r=\"C1\"><v>3</v></c><c><v>4</v></c></row><row/>");
  auto sheet = Book(parts)->ReadSheet("Ships");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  EXPECT_EQ(sheet->rows[0].Texts(), (std::vector<std::string>{"1", "", "3", "4"}));
  EXPECT_EQ(sheet->rows[1].number, 2);
}

TEST(XlsxTest, CorruptZipIsAnError) {
  std::string bytes = testing::ZipParts(TwoSheetBook());
  auto truncated = XlsxWorkbook::FromBytes(bytes.substr(0, bytes.size() / 2), "cut.xlsx");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().ToString(),
            "cut.xlsx: not a readable .xlsx (zip) archive: Not a zip archive");
  auto text = XlsxWorkbook::FromBytes("Name,Born\n", "list.xlsx");
  EXPECT_EQ(text.error().ToString(),
            "list.xlsx: not a readable .xlsx (zip) archive: Not a zip archive");
}

TEST(XlsxTest, ZipWithoutWorkbookIsAnError) {
  auto book = Book(Parts{{"readme.txt", "hello"}});
  EXPECT_EQ(book.error().ToString(), "book.xlsx: _rels/.rels: part missing: not an .xlsx workbook");
  Parts parts = TwoSheetBook();
  parts.erase("xl/worksheets/sheet2.xml");
  EXPECT_EQ(Book(parts).error().ToString(),
            "book.xlsx: xl/worksheets/sheet2.xml: part missing from the archive");
}

TEST(XlsxTest, ColumnLettersToNumbers) {
  EXPECT_EQ(XlsxColumnNumber("A"), 1);
  EXPECT_EQ(XlsxColumnNumber("Z"), 26);
  EXPECT_EQ(XlsxColumnNumber("AA"), 27);
  EXPECT_EQ(XlsxColumnNumber("XFD"), 16384);
  EXPECT_EQ(XlsxColumnNumber("XFE"), 0);
  EXPECT_EQ(XlsxColumnNumber("a"), 0);
  EXPECT_EQ(XlsxColumnNumber(""), 0);
}

TEST(XlsxTest, ColumnNumbersToLetters) {
  EXPECT_EQ(XlsxColumnLetters(1), "A");
  EXPECT_EQ(XlsxColumnLetters(26), "Z");
  EXPECT_EQ(XlsxColumnLetters(27), "AA");
  EXPECT_EQ(XlsxColumnLetters(16384), "XFD");
}

// The Australian DFAT list as published: one sheet, a header row, 9,560
// records; column A holds the reference (a number), L the control date.
TEST(XlsxTest, ReadsTheDfatConsolidatedList) {
  auto book = XlsxWorkbook::Open(testing::SharedData("au/dfat-consolidated-2024-12.xlsx"));
  ASSERT_TRUE(book.ok()) << book.error().ToString();
  EXPECT_EQ(book->SheetNames(), (std::vector<std::string>{"Sheet1"}));
  auto sheet = book->ReadSheet("Sheet1");
  ASSERT_TRUE(sheet.ok()) << sheet.error().ToString();
  ASSERT_EQ(sheet->rows.size(), 9561u);
  EXPECT_EQ(sheet->rows[0].cells[1].text, "Name of Individual or Entity");
  EXPECT_EQ(sheet->rows[0].cells[11].text, "Control Date");
  EXPECT_EQ(sheet->rows[1].cells[0].text, "2");
  EXPECT_EQ(sheet->rows[1].cells[1].text, "MOHAMMAD HASSAN AKHUND");
  EXPECT_EQ(sheet->rows[1].cells[11].type, XlsxCellType::kDate);
  EXPECT_EQ(sheet->rows[1].cells[11].number, 41988);
  EXPECT_EQ(sheet->rows[1].cells[11].text, "2014-12-15");
}

}  // namespace
}  // namespace embargo
