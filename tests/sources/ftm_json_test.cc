#include "sources/ftm_json.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/file.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::SharedData;
using testing::TestData;

Result<ParsedList> ParseFile(const std::string& path, const std::string& fallback = "") {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return ParseFtmJson(path, *bytes, fallback);
}

const Entity* Find(const ParsedList& list, std::string_view id) {
  auto it = std::find_if(list.entities.begin(), list.entities.end(),
                         [&](const Entity& e) { return e.id == id; });
  return it == list.entities.end() ? nullptr : &*it;
}

size_t CountSchema(const ParsedList& list, Schema schema) {
  return std::count_if(list.entities.begin(), list.entities.end(),
                       [&](const Entity& e) { return e.schema == schema; });
}

size_t CountNames(const ParsedList& list) {
  size_t names = 0;
  for (const Entity& e : list.entities) names += e.names.size();
  return names;
}

// t1.ftm.json: 7 lines, 4 Person + 2 Organization + 1 Address, all eu_fsf.
TEST(FtmJsonTest, T1HasSixSubjectsInDatasetEuFsf) {
  Result<ParsedList> list = ParseFile(SharedData("opensanctions/t1.ftm.json"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->entities.size(), 6u);
  EXPECT_EQ(CountSchema(*list, Schema::kPerson), 4u);
  EXPECT_EQ(CountSchema(*list, Schema::kOrganization), 2u);
  EXPECT_EQ(CountNames(*list), 35u);
  EXPECT_EQ(list->dataset.name, "eu_fsf");
  EXPECT_EQ(list->dataset.format, "ftm");
  EXPECT_EQ(list->dataset.version_date, "2024-03-28");
}

TEST(FtmJsonTest, PersonKeepsBirthDateNationalityAndTaggedParts) {
  Result<ParsedList> list = ParseFile(SharedData("opensanctions/t1.ftm.json"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const Entity* kuzmenko = Find(*list, "NK-2Ka3UvopqbpZmVDFjWd4LA");
  ASSERT_NE(kuzmenko, nullptr);
  EXPECT_EQ(kuzmenko->dataset, "eu_fsf");
  ASSERT_EQ(kuzmenko->birth_dates.size(), 1u);
  EXPECT_EQ(kuzmenko->birth_dates[0].ToString(), "1971-01-22");
  EXPECT_EQ(kuzmenko->nationalities, std::vector<std::string>{"ru"});
  EXPECT_EQ(kuzmenko->gender, Gender::kMale);
  EXPECT_EQ(kuzmenko->names[0].value, "Vitalij Kuzmenko");
  ASSERT_EQ(kuzmenko->names[0].parts.size(), 2u);
  EXPECT_EQ(kuzmenko->names[0].parts[0].type, NamePartType::kGiven);
  EXPECT_EQ(kuzmenko->names[0].parts[0].value, "Vitalij");
  EXPECT_EQ(kuzmenko->names[0].parts[1].type, NamePartType::kFamily);
  EXPECT_EQ(kuzmenko->names[0].parts[1].value, "Kuzmenko");
  ASSERT_EQ(kuzmenko->identifiers.size(), 1u);
  EXPECT_EQ(kuzmenko->identifiers[0].type, IdType::kTax);
  EXPECT_EQ(kuzmenko->identifiers[0].value, "366510784303");
}

// zala.ftm.json: 91 lines; 6 Person + 11 Company subjects; 41 Sanction,
// 14 Ownership, 11 Address, 4 Family, 3 Directorship, 1 Passport.
TEST(FtmJsonTest, ZalaHasSeventeenSubjectsAndIsNamedAfterTheFile) {
  Result<ParsedList> list = ParseFile(SharedData("opensanctions/zala.ftm.json"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->entities.size(), 17u);
  EXPECT_EQ(CountSchema(*list, Schema::kPerson), 6u);
  EXPECT_EQ(CountSchema(*list, Schema::kCompany), 11u);
  EXPECT_EQ(CountNames(*list), 278u);
  EXPECT_EQ(list->dataset.name, "zala");
  EXPECT_EQ(list->dataset.version_date, "2026-04-29");
}

// Each subject keeps the topics its line gives (read here straight from the
// JSON): zala's are sanction, sanction.linked, debarment, corp.disqual, poi
// and export.control.
TEST(FtmJsonTest, SubjectsKeepTheirTopics) {
  std::string path = SharedData("opensanctions/zala.ftm.json");
  Result<ParsedList> list = ParseFile(path);
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  std::map<std::string, std::set<std::string>> raw;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line);
    for (const auto& t : j["properties"].value("topics", nlohmann::json::array()))
      raw[j["id"]].insert(t.get<std::string>());
  }
  std::set<std::string> all;
  for (const Entity& e : list->entities) {
    EXPECT_EQ(std::set<std::string>(e.topics.begin(), e.topics.end()), raw[e.id]) << e.id;
    all.insert(e.topics.begin(), e.topics.end());
  }
  EXPECT_EQ(all, (std::set<std::string>{"corp.disqual", "debarment", "export.control", "poi",
                                        "sanction", "sanction.linked"}));
}

TEST(FtmJsonTest, FallbackNamesAMixedFile) {
  Result<ParsedList> list = ParseFile(SharedData("opensanctions/zala.ftm.json"), "my_ftm");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->dataset.name, "my_ftm");
  EXPECT_EQ(list->entities[0].dataset, "my_ftm");
}

TEST(FtmJsonTest, SanctionsGiveProgramsAndTheEarliestListingDate) {
  Result<ParsedList> list = ParseFile(SharedData("opensanctions/zala.ftm.json"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const Entity* zakharov = Find(*list, "NK-aU5ybkbRFJucf8YMwsJvDw");
  ASSERT_NE(zakharov, nullptr);
  std::vector<std::string> programs = zakharov->programs;
  std::sort(programs.begin(), programs.end());
  EXPECT_EQ(programs, (std::vector<std::string>{"EU-UKR", "GB-RUS", "NZ-RSA2022", "Reciprocal",
                                                "SECO-UKRAINE", "UA-SA1644", "US-RUSHAR"}));
  EXPECT_EQ(zakharov->listed_on, "2023-07-01");
  const Entity* cst = Find(*list, "NK-abdzbEBkqyT29GyREbiURZ");
  ASSERT_NE(cst, nullptr);
  EXPECT_EQ(cst->listed_on, "2021-10-30");
}

TEST(FtmJsonTest, MiniatureMapsEveryKindOfProperty) {
  Result<ParsedList> list = ParseFile(TestData("ftm/mini.ftm.json"));
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->dataset.name, "mini");
  EXPECT_EQ(list->dataset.version_date, "2025-03-01");
  ASSERT_EQ(list->entities.size(), 4u);
  const Entity& ri = list->entities[0];
  ASSERT_EQ(ri.names.size(), 4u);
  EXPECT_EQ(ri.names[1].value, "리영길");
  EXPECT_EQ(ri.names[1].kind, NameKind::kAlias);
  ASSERT_EQ(ri.names[1].parts.size(), 2u);
  EXPECT_EQ(ri.names[1].parts[0].value, "리");
  EXPECT_EQ(ri.names[1].parts[0].type, NamePartType::kFamily);
  EXPECT_EQ(ri.names[2].kind, NameKind::kWeakAlias);
  EXPECT_EQ(ri.names[3].kind, NameKind::kPreviousName);
  EXPECT_EQ(ri.programs, (std::vector<std::string>{"UN-DPRK", "Korea sanctions"}));
  EXPECT_EQ(ri.listed_on, "2013-01-22");
  ASSERT_EQ(ri.identifiers.size(), 2u);
  EXPECT_EQ(ri.identifiers[0].value, "836110034");
  EXPECT_EQ(ri.identifiers[1].type, IdType::kPassport);
  EXPECT_EQ(ri.identifiers[1].value, "745420176");
  EXPECT_EQ(ri.identifiers[1].country, "kp");
  EXPECT_EQ(ri.topics, std::vector<std::string>{"sanction"});
  EXPECT_TRUE(ri.remarks.empty());
  const Entity& company = list->entities[1];
  EXPECT_EQ(company.schema, Schema::kCompany);
  EXPECT_EQ(company.countries, std::vector<std::string>{"kp"});
  ASSERT_EQ(company.addresses.size(), 1u);
  EXPECT_EQ(company.addresses[0].city, "Nampo");
  EXPECT_EQ(company.identifiers[0].type, IdType::kSwiftBic);
  const Entity& vessel = list->entities[2];
  EXPECT_EQ(vessel.schema, Schema::kVessel);
  EXPECT_EQ(vessel.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(vessel.countries, std::vector<std::string>{"pa"});
  EXPECT_EQ(vessel.former_flags, std::vector<std::string>{"kp"});
  EXPECT_EQ(*vessel.vessel, (VesselFacts{"Oil Tanker", "", "2876", "1994"}));
  EXPECT_EQ(vessel.remarks, std::vector<std::string>{"type: Chemical Tanker"});
  ASSERT_EQ(vessel.identifiers.size(), 2u);
  EXPECT_EQ(vessel.identifiers[1].value, "3FXY9");
  EXPECT_EQ(vessel.identifiers[1].label, "callSign");
  EXPECT_EQ(list->entities[3].caption(), "Single String Name");
}

TEST(FtmJsonTest, MalformedLineIsAnErrorWithLineAndParserMessage) {
  Result<ParsedList> list = ParseFile(TestData("ftm/broken-line.ftm.json"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            TestData("ftm/broken-line.ftm.json") +
                ":2:69: invalid JSON: syntax error while parsing array - unexpected '}'; "
                "expected ']'");
}

TEST(FtmJsonTest, NonStringPropertyIsAnError) {
  Result<ParsedList> list = ParseFile(TestData("ftm/bad-property.ftm.json"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(), TestData("ftm/bad-property.ftm.json") +
                                         ":1: property 'birthDate' must be a string or a list of "
                                         "strings");
}

TEST(FtmJsonTest, InvalidUtf8IsRejected) {
  Result<ParsedList> list = ParseFile(TestData("ftm/latin1.ftm.json"));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(
      list.error().ToString(),
      TestData("ftm/latin1.ftm.json") + ":1:63: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
}

TEST(FtmJsonTest, MissingIdAndDuplicateIdAreErrors) {
  Result<ParsedList> no_id = ParseFtmJson("x.json", "{\"schema\": \"Person\"}\n");
  ASSERT_FALSE(no_id.ok());
  EXPECT_EQ(no_id.error().ToString(), "x.json:1: entity without \"id\"");
  Result<ParsedList> twice = ParseFtmJson(
      "x.json",
      "{\"id\": \"a\", \"schema\": \"Person\"}\n\n{\"id\": \"a\", \"schema\": \"Person\"}\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().ToString(), "x.json:3: duplicate entity id 'a'");
}

// A file of 40,000 people, one per line, with `edit` applied to some lines
// (line number -> replacement text).
std::string ManyPeople(const std::map<int, std::string>& edit) {
  std::string text;
  for (int line = 1; line <= 40000; ++line) {
    auto it = edit.find(line);
    text += it != edit.end() ? it->second
                             : fmt::format(R"({{"id": "p{}", "schema": "Person", )"
                                           R"("properties": {{"name": ["Person {}"]}}}})",
                                           line, line);
    text += '\n';
  }
  return text;
}

// Lines are read on every core a block at a time (16,384 lines): entities
// keep the file's order, and the error reported is the first line's, as
// when read one by one, whichever block a later bad line falls in.
TEST(FtmJsonTest, ALargeFileKeepsItsOrderAndReportsItsFirstBadLine) {
  Result<ParsedList> good = ParseFtmJson("many.json", ManyPeople({}));
  ASSERT_TRUE(good.ok()) << good.error().ToString();
  ASSERT_EQ(good->entities.size(), 40000u);
  for (size_t i = 0; i < good->entities.size(); ++i) {
    ASSERT_EQ(good->entities[i].id, fmt::format("p{}", i + 1));
    ASSERT_EQ(good->entities[i].names.at(0).value, fmt::format("Person {}", i + 1));
  }
  Result<ParsedList> two_bad =
      ParseFtmJson("many.json", ManyPeople({{20000, "{\"id\": \"x\"}"}, {30000, "{oops"}}));
  ASSERT_FALSE(two_bad.ok());
  EXPECT_EQ(two_bad.error().ToString(), "many.json:20000: entity without \"schema\"");
  // A duplicate of line 5's id in the third block, and a bad line after it.
  Result<ParsedList> twice = ParseFtmJson(
      "many.json", ManyPeople({{33000, R"({"id": "p5", "schema": "Person"})"}, {39000, "{oops"}}));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().ToString(), "many.json:33000: duplicate entity id 'p5'");
}

TEST(FtmJsonTest, EmptyFileIsAnError) {
  Result<ParsedList> list = ParseFtmJson("empty.json", "");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().ToString(),
            "empty.json:1: empty file: expected FtM entities, one per line");
}

}  // namespace
}  // namespace embargo
