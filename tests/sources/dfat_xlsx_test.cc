#include "sources/dfat_xlsx.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sources/detect.h"
#include "sources/entity_helpers.h"
#include "sources/free_text.h"
#include "sources/parse_helpers.h"
#include "test_paths.h"
#include "xlsx_zip.h"

namespace embargo {
namespace {

using testing::ParseOrFail;
using testing::SharedData;

const ParsedList& Dfat() {
  static const ParsedList list =
      ParseOrFail(ParseDfatXlsx, SharedData("au/dfat-consolidated-2024-12.xlsx"));
  return list;
}

const Entity* ById(const std::string& id) { return testing::FindEntity(Dfat(), id); }

TEST(DfatXlsxTest, DetectedFromContent) {
  auto bytes = ReadFileBytes(SharedData("au/dfat-consolidated-2024-12.xlsx"));
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(DetectListFormat("any.bin", *bytes), ListFormat::kDfatXlsx);
  EXPECT_EQ(DetectListFormat("list.xlsx", bytes->substr(0, 1000)), ListFormat::kUnknown);
}

TEST(DfatXlsxTest, CountsPartiesAndDistinctNames) {
  // 9,553 name rows: 3,062 parties (Reference 5, 5a, 5b ... is one party)
  // holding 9,533 distinct names.
  const ParsedList& list = Dfat();
  EXPECT_EQ(list.dataset.name, "au_dfat_sanctions");
  EXPECT_EQ(list.dataset.format, "dfat_xlsx");
  ASSERT_EQ(list.entities.size(), 3062u);
  size_t names = 0, people = 0, vessels = 0;
  for (const Entity& e : list.entities) {
    names += e.names.size();
    people += e.schema == Schema::kPerson;
    vessels += e.schema == Schema::kVessel;
  }
  EXPECT_EQ(names, 9533u);
  EXPECT_EQ(people, 2316u);
  // DFAT lists no ships: its 17 IMO numbers are shipping companies'.
  EXPECT_EQ(vessels, 0u);
}

TEST(DfatXlsxTest, PersonWithPassport) {
  const Entity* han = ById("au_dfat_sanctions-3271");
  ASSERT_NE(han, nullptr);
  EXPECT_EQ(han->schema, Schema::kPerson);
  EXPECT_EQ(testing::KindsAndNames(*han),
            (std::vector<std::string>{"primary:Han Jang Su", "alias:Chang-Su Han"}));
  ASSERT_EQ(han->birth_dates.size(), 1u);
  EXPECT_EQ(han->birth_dates[0].ToString(), "1969-11-08");
  ASSERT_FALSE(han->identifiers.empty());
  EXPECT_EQ(han->identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(han->identifiers[0].value, "745420176");
  EXPECT_EQ(han->programs, (std::vector<std::string>{"1718 (DPRK)"}));
}

TEST(DfatXlsxTest, EntityWithAliasesInTwoScripts) {
  const Entity* qaida = ById("au_dfat_sanctions-155");
  ASSERT_NE(qaida, nullptr);
  EXPECT_EQ(qaida->schema, Schema::kOrganization);
  std::vector<std::string> names = testing::KindsAndNames(*qaida);
  ASSERT_GE(names.size(), 3u);
  EXPECT_EQ(names[0], "primary:AL-QAIDA");
  EXPECT_EQ(names[1], "alias:\u0627\u0644\u0642\u0627\u0639\u062f\u0629");  // original script
}

TEST(DfatXlsxTest, FirmWithAnImoCompanyNumberStaysAFirm) {
  const Entity* omm = ById("au_dfat_sanctions-2947");
  ASSERT_NE(omm, nullptr);
  EXPECT_EQ(omm->schema, Schema::kOrganization);
  EXPECT_EQ(omm->identifiers.back().type, IdType::kImo);
  EXPECT_EQ(omm->identifiers.back().value, "1790183");
}

TEST(DfatXlsxTest, ShippingCompaniesKeepTheirImoCompanyNumbers) {
  size_t with_imo = 0;
  for (const Entity& e : Dfat().entities) {
    for (const Identifier& id : e.identifiers) {
      if (id.type != IdType::kImo) continue;
      ++with_imo;
      EXPECT_EQ(e.schema, Schema::kOrganization) << e.caption();
      EXPECT_EQ(id.value.size(), 7u) << e.caption();
    }
  }
  EXPECT_EQ(with_imo, 17u);
}

TEST(DfatXlsxTest, ListingDateAndUnCommittee) {
  const Entity* tanchon = ById("au_dfat_sanctions-1115");
  ASSERT_NE(tanchon, nullptr);
  EXPECT_EQ(tanchon->caption(), "Tanchon Commercial Bank");
  EXPECT_EQ(tanchon->listed_on, "2009-04-13");
  EXPECT_EQ(tanchon->names.size(), 3u);
}

TEST(DfatXlsxTest, CorruptOrForeignWorkbooksAreErrors) {
  auto bytes = ReadFileBytes(SharedData("au/dfat-consolidated-2024-12.xlsx"));
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(ParseDfatXlsx("au.xlsx", bytes->substr(0, bytes->size() / 2)).error().ToString(),
            "au.xlsx: not a readable .xlsx (zip) archive: Not a zip archive");
}

// A DFAT workbook: the header row, then one individual named `name` (the
// XML text of an inline string: bytes, escapes and references as given).
std::string DfatWorkbook(const std::string& name) {
  auto row = testing::InlineStringRow;
  testing::XlsxParts parts = testing::OneSheetWorkbookParts("Sheet1");
  parts["xl/worksheets/sheet1.xml"] = testing::Worksheet(
      row(1, {"Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth",
              "Place of Birth", "Citizenship", "Address", "Additional Information",
              "Listing Information", "Committees", "Control Date"}) +
      row(2, {"1", name, "Individual", "Primary Name", "", "", "", "", "", "", "1718 (DPRK)"}));
  return testing::ZipParts(parts);
}

TEST(DfatXlsxTest, ReadsAMinimalWorkbook) {
  auto list = ParseDfatXlsx("au.xlsx", DfatWorkbook("RI WON HO"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].caption(), "RI WON HO");
}

// Found by fuzz_lists: a byte of a name changed to 0xAE came out in the
// entity's name, as neither the zip nor pugixml checks UTF-8.
TEST(DfatXlsxTest, TextThatIsNotUtf8IsRefusedAtItsCell) {
  EXPECT_EQ(ParseDfatXlsx("au.xlsx", DfatWorkbook("\xD8\xA3\xAE")).error().ToString(),
            "au.xlsx: Sheet1!B2: invalid UTF-8 (byte 0xAE) in the cell's text");
  // Escapes and references decode unchecked: a surrogate is no UTF-8 either.
  EXPECT_EQ(ParseDfatXlsx("au.xlsx", DfatWorkbook("RI _xD800_")).error().ToString(),
            "au.xlsx: Sheet1!B2: invalid UTF-8 (byte 0xED) in the cell's text");
  EXPECT_EQ(ParseDfatXlsx("au.xlsx", DfatWorkbook("RI &#xD800;")).error().ToString(),
            "au.xlsx: Sheet1!B2: invalid UTF-8 (byte 0xED) in the cell's text");
}

TEST(FreeTextTest, EnumeratedCells) {
  EXPECT_EQ(SplitEnumerated("1) Saudi Arabia 2) Qatar"),
            (std::vector<std::string>{"Saudi Arabia", "Qatar"}));
  EXPECT_EQ(SplitEnumerated("a) 1955 b) Flat 2) Road c) x"),
            (std::vector<std::string>{"1955", "Flat 2) Road", "x"}));
  EXPECT_EQ(SplitEnumerated("(1) A (2) B"), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(SplitEnumerated(" Afghanistan "), (std::vector<std::string>{"Afghanistan"}));
  EXPECT_TRUE(SplitEnumerated("  ").empty());
}

TEST(FreeTextTest, DatesInTheAlliesWords) {
  EXPECT_EQ(ParseDateText("17 Jul. 1964")->ToString(), "1964-07-17");
  EXPECT_EQ(ParseDateText("17 July 1964")->ToString(), "1964-07-17");
  EXPECT_EQ(ParseDateText("17/07/1964")->ToString(), "1964-07-17");
  EXPECT_EQ(ParseDateText("1964-07-17")->ToString(), "1964-07-17");
  auto approx = ParseDateText("Approximately 1955- 1958");
  ASSERT_TRUE(approx.has_value());
  EXPECT_TRUE(approx->approximate);
  EXPECT_EQ(approx->from.year, 1955);
  EXPECT_EQ(approx->to.year, 1958);
  EXPECT_EQ(ParseDateText("Between 1955 and 1958")->to.year, 1958);
  EXPECT_FALSE(ParseDateText("sometime in the 60s").has_value());
  EXPECT_EQ(ParseDayMonthYear("00/00/1980")->ToString(), "1980");
  EXPECT_EQ(FirstDateInProse("Listed by UN 1267 Committee on 25 January 2001 (amended)"),
            "2001-01-25");
}

TEST(FreeTextTest, NumbersAndReferencesInProse) {
  EXPECT_EQ(DocumentNumbers("Passport No: 592667 (Qatari passport issued on 3 May 2007)."),
            (std::vector<std::string>{"592667"}));
  EXPECT_EQ(NumbersAfter("Title: Mullah. Passport no.:  Afghan SE-011697, issued", "passport"),
            (std::vector<std::string>{"SE011697"}));
  EXPECT_EQ(UnReferences("Annex XIII. UN listing. UN Ref.KPI.067."),
            (std::vector<std::string>{"KPi.067"}));
  EXPECT_EQ(UnReferences("UN REF:QE.A.146.14. Also referred to as"),
            (std::vector<std::string>{"QE.A.146.14"}));
  EXPECT_TRUE(UnReferences("A close associate of Mullah Omar (TI.O.4.01)").empty());
  EXPECT_EQ(ImoNumber("(IMO number: 7303803). Annex XIV."), "7303803");
}

}  // namespace
}  // namespace embargo
