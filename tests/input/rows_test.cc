// embargo/batch.h: a row's cells as the CLI and Python read them, and rows
// screened to the batch output's JSON objects.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "embargo/batch.h"

namespace embargo {
namespace {

TEST(RowsTest, ColumnNamesAreTheBatchFilesOnes) {
  EXPECT_EQ(ReadRowField("name"), RowField::kName);
  EXPECT_EQ(ReadRowField("nationality"), RowField::kCountry);
  EXPECT_EQ(ReadRowField("country"), RowField::kCountry);
  EXPECT_EQ(ReadRowField("imo"), RowField::kImo);
  // As customers' files write them: any case, spaces around, words joined
  // by spaces or hyphens, and the common other names.
  EXPECT_EQ(ReadRowField("Name"), RowField::kName);
  EXPECT_EQ(ReadRowField(" NAME "), RowField::kName);
  EXPECT_EQ(ReadRowField("full_name"), RowField::kName);
  EXPECT_EQ(ReadRowField("Customer Name"), RowField::kName);
  EXPECT_EQ(ReadRowField("Date of Birth"), RowField::kBirthDate);
  EXPECT_EQ(ReadRowField("birth-date"), RowField::kBirthDate);
  EXPECT_EQ(ReadRowField("DOB"), RowField::kBirthDate);
  EXPECT_EQ(ReadRowField("IMO Number"), RowField::kImo);
  // Not a name: a part of one, or another word.
  EXPECT_EQ(ReadRowField("first_name"), std::nullopt);
  EXPECT_EQ(ReadRowField("fullname"), std::nullopt);
  EXPECT_EQ(ReadRowField("names"), std::nullopt);
}

TEST(RowsTest, ListFieldsSplitOnSemicolonsAndSingleFieldsKeepTheirFirstValue) {
  QueryFields row;
  AddCellText(row, RowField::kName, "  Kim; Jong Un ");  // a name is read whole
  AddCellText(row, RowField::kBirthDate, "1964-7-17 ; 1965");
  AddCellText(row, RowField::kCountry, "DPRK;;");
  AddCellText(row, RowField::kGender, " M ");
  AddCellValue(row, RowField::kGender, "F");  // too late: gender holds one value
  AddCellValue(row, RowField::kImo, "9187629");
  EXPECT_EQ(row.names, std::vector<std::string>{"Kim; Jong Un"});
  EXPECT_EQ(row.birth_dates, (std::vector<std::string>{"1964-7-17", "1965"}));
  EXPECT_EQ(row.countries, std::vector<std::string>{"DPRK"});
  EXPECT_EQ(row.gender, "M");
  EXPECT_EQ(row.imo_numbers, std::vector<std::string>{"9187629"});
}

TEST(RowsTest, DateOrdersByName) {
  EXPECT_EQ(ParseDateOrder("dmy"), DateOrder::kDayMonthYear);
  EXPECT_EQ(ParseDateOrder("MDY"), DateOrder::kMonthDayYear);
  EXPECT_EQ(ParseDateOrder(""), DateOrder::kUnknown);
  EXPECT_EQ(ParseDateOrder("dd/mm/yyyy"), std::nullopt);
}

TEST(RowsTest, RowsBecomeTheBatchOutputsObjectsInOrder) {
  ListSet lists;
  Entity e;
  e.id = "ri";
  e.dataset = "t";
  e.schema = Schema::kPerson;
  e.names.push_back(Name{"RI WON HO", NameKind::kPrimary, {}});
  lists.entities.push_back(e);
  auto screener = Screener::Build(std::move(lists));
  std::vector<QueryFields> rows(3);
  rows[0].id = "a";
  AddCellText(rows[0], RowField::kName, "Ri Won-ho");
  AddCellText(rows[0], RowField::kBirthDate, "1964-13-45");
  rows[1].id = "b";
  AddCellText(rows[1], RowField::kName, " - ");  // no usable name
  rows[2].id = "c";
  AddCellText(rows[2], RowField::kName, "Olaf Scholz");
  std::vector<std::string> out = ScreenRowsJson(*screener, rows, ScreenOptions{}, 2);
  ASSERT_EQ(out.size(), 3u);
  auto a = nlohmann::json::parse(out[0]);
  EXPECT_EQ(a["id"], "a");
  ASSERT_EQ(a["matches"].size(), 1u);
  EXPECT_EQ(a["matches"][0]["entity_id"], "ri");
  EXPECT_EQ(a["warnings"].size(), 1u) << out[0];  // the unreadable birth date
  auto b = nlohmann::json::parse(out[1]);
  EXPECT_TRUE(b.contains("error")) << out[1];
  EXPECT_TRUE(b["matches"].empty());
  EXPECT_EQ(out[2], "{\"id\":\"c\",\"matches\":[],\"warnings\":[]}");
  EXPECT_EQ(out[0], ScreenRowJson(*screener, rows[0], ScreenOptions{}));
}

}  // namespace
}  // namespace embargo
