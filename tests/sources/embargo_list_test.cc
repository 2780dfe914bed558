#include "sources/embargo_list.h"

#include <gtest/gtest.h>

#include "common/file.h"
#include "test_paths.h"

namespace embargo {
namespace {

using testing::TestData;

Result<ParsedList> ParseCsvFile(const std::string& relative, const std::string& fallback = "") {
  std::string path = TestData(relative);
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return ParseEmbargoCsv(path, *bytes, fallback);
}

Result<ParsedList> ParseJsonFile(const std::string& relative) {
  std::string path = TestData(relative);
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return ParseEmbargoJson(path, *bytes);
}

std::string ErrorOf(const Result<ParsedList>& list) {
  return list.ok() ? "ok" : list.error().ToString();
}

TEST(EmbargoListTest, CsvSampleHasHangulAndRomanisedNames) {
  Result<ParsedList> list = ParseCsvFile("lists/rok-fsc-sample.csv");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->dataset.name, "kr_fsc_sample");
  EXPECT_EQ(list->dataset.format, "embargo_list");
  ASSERT_EQ(list->entities.size(), 3u);
  const Entity& ri = list->entities[0];
  EXPECT_EQ(ri.id, "kr_fsc_sample-FSC-0001");
  EXPECT_EQ(ri.source_id, "FSC-0001");
  EXPECT_EQ(ri.schema, Schema::kPerson);
  ASSERT_EQ(ri.names.size(), 4u);
  EXPECT_EQ(ri.names[0].value, "Ri Yong Gil");
  EXPECT_EQ(ri.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(ri.names[1].value, "리영길");
  EXPECT_EQ(ri.names[1].kind, NameKind::kAlias);
  EXPECT_EQ(ri.birth_dates[0].ToString(), "1955");
  EXPECT_EQ(ri.nationalities, std::vector<std::string>{"kp"});
  EXPECT_EQ(ri.gender, Gender::kMale);
  EXPECT_EQ(ri.programs, std::vector<std::string>{"ROK-DPRK"});
  EXPECT_EQ(ri.listed_on, "2016-03-08");
  EXPECT_EQ(ri.remarks,
            std::vector<std::string>{"Illustrative entry for tests; not an official record."});
}

TEST(EmbargoListTest, CsvSampleMapsWeakAndPreviousNamesAndIdentifiers) {
  Result<ParsedList> list = ParseCsvFile("lists/rok-fsc-sample.csv");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const Entity& firm = list->entities[1];
  EXPECT_EQ(firm.schema, Schema::kOrganization);
  EXPECT_EQ(firm.names[3].value, "KETC");
  EXPECT_EQ(firm.names[3].kind, NameKind::kWeakAlias);
  EXPECT_EQ(firm.names[4].kind, NameKind::kPreviousName);
  ASSERT_EQ(firm.identifiers.size(), 1u);
  EXPECT_EQ(firm.identifiers[0].type, IdType::kSwiftBic);
  const Entity& vessel = list->entities[2];
  EXPECT_EQ(vessel.schema, Schema::kVessel);
  EXPECT_EQ(vessel.countries, (std::vector<std::string>{"kp", "pa"}));
  ASSERT_EQ(vessel.identifiers.size(), 1u);
  EXPECT_EQ(vessel.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(vessel.identifiers[0].value, "9074729");
}

TEST(EmbargoListTest, JsonSampleCarriesTheSameFields) {
  Result<ParsedList> list = ParseJsonFile("lists/rok-fsc-sample.json");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->dataset.name, "kr_fsc_sample_json");
  ASSERT_EQ(list->entities.size(), 3u);
  const Entity& ri = list->entities[0];
  EXPECT_EQ(ri.id, "kr_fsc_sample_json-FSC-0001");
  ASSERT_EQ(ri.names.size(), 4u);
  EXPECT_EQ(ri.names[1].value, "리영길");
  EXPECT_EQ(ri.names[1].kind, NameKind::kAlias);
  EXPECT_EQ(ri.birth_dates[0].ToString(), "1955");
  EXPECT_EQ(ri.nationalities, std::vector<std::string>{"kp"});
  EXPECT_EQ(list->entities[1].countries, std::vector<std::string>{"kp"});
  EXPECT_EQ(list->entities[1].names[3].kind, NameKind::kWeakAlias);
  EXPECT_EQ(list->entities[2].identifiers[0].value, "9074729");
}

TEST(EmbargoListTest, DatasetFallsBackToOverrideThenFileStem) {
  std::string csv = "id,name\nA1,Someone\n";
  Result<ParsedList> stem = ParseEmbargoCsv("dir/my-list.v2.csv", csv);
  ASSERT_TRUE(stem.ok()) << stem.error().ToString();
  EXPECT_EQ(stem->dataset.name, "my-list");
  Result<ParsedList> named = ParseEmbargoCsv("dir/my-list.v2.csv", csv, "internal");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->dataset.name, "internal");
  EXPECT_EQ(named->entities[0].id, "internal-A1");
}

TEST(EmbargoListTest, RangesAndApproximateBirthDates) {
  Result<ParsedList> list =
      ParseEmbargoCsv("l.csv", "id,name,birth_date\nA1,Someone,1960..1962; ~1958; 1971-03\n");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const auto& dates = list->entities[0].birth_dates;
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].ToString(), "1960..1962");
  EXPECT_EQ(dates[1].ToString(), "~1958");
  EXPECT_EQ(dates[2].ToString(), "1971-03");
}

TEST(EmbargoListTest, AVesselsFlagAndFormerFlags) {
  Result<ParsedList> list = ParseEmbargoCsv("ships.csv",
                                            "id,name,schema,imo,country,former_flag\n"
                                            "S1,SEA HORIZON,Vessel,9187629,Panama,Iran; Malta\n",
                                            "");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const Entity& ship = list->entities.at(0);
  EXPECT_EQ(ship.countries, std::vector<std::string>{"pa"});
  EXPECT_EQ(ship.former_flags, (std::vector<std::string>{"ir", "mt"}));
}

TEST(EmbargoListTest, AVesselsMmsiCallSignAndFacts) {
  Result<ParsedList> list =
      ParseEmbargoCsv("ships.csv",
                      "id,name,schema,mmsi,call_sign,vessel_type,tonnage,gross_tonnage,build_date\n"
                      "S1,SEA HORIZON,Vessel,572469210,T2EU4,Crude Oil Tanker,299995,156809,1999\n",
                      "");
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  const Entity& ship = list->entities.at(0);
  EXPECT_EQ(*ship.vessel, (VesselFacts{"Crude Oil Tanker", "299995", "156809", "1999"}));
  ASSERT_EQ(ship.identifiers.size(), 2u);
  EXPECT_EQ(ship.identifiers[0].type, IdType::kMmsi);
  EXPECT_EQ(ship.identifiers[0].value, "572469210");
  EXPECT_EQ(ship.identifiers[1].value, "T2EU4");
  EXPECT_EQ(ship.identifiers[1].label, "call_sign");
  EXPECT_EQ(
      ErrorOf(ParseEmbargoCsv("ships.csv", "id,name,build_date\nS1,SEA HORIZON,built 1999\n", "")),
      "ships.csv:2: invalid build_date 'built 1999' (expected YYYY, YYYY-MM or "
      "YYYY-MM-DD)");
}

TEST(EmbargoListTest, UnknownColumnIsAnErrorOnLineOne) {
  EXPECT_EQ(
      ErrorOf(ParseCsvFile("lists/unknown-column.csv")),
      TestData("lists/unknown-column.csv") +
          ":1: unknown column 'birthdate' (known columns: id, name, dataset, schema, "
          "aliases, weak_aliases, previous_names, birth_date, nationality, country, gender, "
          "passport, national_id, imo, bic, registration, program, listed_on, remarks, topics, "
          "former_flag, mmsi, call_sign, vessel_type, tonnage, gross_tonnage, build_date)");
}

TEST(EmbargoListTest, MissingRequiredColumnIsAnError) {
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,aliases\nA1,x\n")),
            "l.csv:1: missing column 'name'");
}

TEST(EmbargoListTest, BadBirthDateIsAnErrorWithLine) {
  EXPECT_EQ(ErrorOf(ParseCsvFile("lists/bad-date.csv")),
            TestData("lists/bad-date.csv") +
                ":3: invalid birth_date '1970-13-01' (expected YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY "
                "or YYYY..YYYY)");
}

TEST(EmbargoListTest, DuplicateIdIsAnErrorNamingTheFirstLine) {
  EXPECT_EQ(ErrorOf(ParseCsvFile("lists/duplicate-id.csv")),
            TestData("lists/duplicate-id.csv") + ":4: duplicate id 'X1' (first on line 2)");
}

TEST(EmbargoListTest, UnknownCountryIsAnError) {
  EXPECT_EQ(ErrorOf(ParseCsvFile("lists/unknown-country.csv")),
            TestData("lists/unknown-country.csv") +
                ":2: unknown country 'Atlantis' in nationality (use a country name or ISO code)");
}

TEST(EmbargoListTest, BrokenQuotingIsAnError) {
  EXPECT_EQ(ErrorOf(ParseCsvFile("lists/broken-quote.csv")),
            TestData("lists/broken-quote.csv") +
                ":2:4: unterminated quoted field (missing closing '\"')");
}

TEST(EmbargoListTest, InvalidUtf8IsRejected) {
  EXPECT_EQ(
      ErrorOf(ParseCsvFile("lists/latin1.csv")),
      TestData("lists/latin1.csv") + ":2:7: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
}

TEST(EmbargoListTest, EmptyFileIsAnError) {
  EXPECT_EQ(ErrorOf(ParseCsvFile("lists/empty.csv")),
            TestData("lists/empty.csv") + ":1: empty file: expected a header with id and name");
}

TEST(EmbargoListTest, MissingValuesAndBadScalarsAreErrors) {
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name\n,Someone\n")), "l.csv:2: missing id");
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name\nA1, \n")), "l.csv:2: missing name");
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name,schema\nA1,X,Robot\n")),
            "l.csv:2: unknown schema 'Robot' (use Person, Organization, Company, LegalEntity, "
            "Vessel or Airplane)");
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name,gender\nA1,X,maybe\n")),
            "l.csv:2: invalid gender 'maybe' (expected male, female or other)");
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name,listed_on\nA1,X,yesterday\n")),
            "l.csv:2: invalid listed_on 'yesterday' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", "id,name,dataset\nA1,X,a\nA2,Y,b\n")),
            "l.csv:3: dataset 'b' differs from 'a' named before; one file holds one dataset");
}

TEST(EmbargoListTest, TopicsSayWhatAnEntryIsListedFor) {
  auto csv = ParseEmbargoCsv("l.csv",
                             "id,name,topics\nA1,X,export.control; debarment\nA2,Y,\n"
                             "A3,Z,role.pep;role.pep\n");
  ASSERT_TRUE(csv.ok()) << csv.error().ToString();
  EXPECT_EQ(csv->entities[0].topics, (std::vector<std::string>{"export.control", "debarment"}));
  EXPECT_TRUE(csv->entities[1].topics.empty());  // not given: a sanction
  EXPECT_EQ(csv->entities[1].topics_or_default(), std::vector<std::string>{"sanction"});
  EXPECT_EQ(csv->entities[2].topics, std::vector<std::string>{"role.pep"});
  auto json =
      ParseEmbargoJson("l.json", R"({"entities":[{"id":"A1","name":"X","topics":["crime"]}]})");
  ASSERT_TRUE(json.ok()) << json.error().ToString();
  EXPECT_EQ(json->entities[0].topics, std::vector<std::string>{"crime"});
  for (const char* bad : {"Sanction", "sanctions list", "export.", ".pep", "role..pep", "pep!"}) {
    EXPECT_EQ(ErrorOf(ParseEmbargoCsv("l.csv", std::string("id,name,topics\nA1,X,") + bad + "\n")),
              std::string("l.csv:2: topics: '") + bad +
                  "' is not a topic (lowercase words joined by dots, as FollowTheMoney writes "
                  "them: sanction, export.control, role.pep)");
  }
}

TEST(EmbargoListTest, JsonUnknownFieldNamesTheEntry) {
  EXPECT_EQ(
      ErrorOf(ParseJsonFile("lists/bad-entity.json")),
      TestData("lists/bad-entity.json") +
          ": entities[1]: unknown field 'birthdate' (known fields: id, name, dataset, "
          "schema, aliases, weak_aliases, previous_names, birth_date, nationality, country, "
          "gender, passport, national_id, imo, bic, registration, program, listed_on, "
          "remarks, topics, former_flag, mmsi, call_sign, vessel_type, tonnage, gross_tonnage, "
          "build_date)");
}

TEST(EmbargoListTest, TruncatedJsonIsAnErrorWithLine) {
  EXPECT_EQ(ErrorOf(ParseJsonFile("lists/truncated.json")),
            TestData("lists/truncated.json") +
                ":4:1: invalid JSON: syntax error while parsing value - unexpected end of input; "
                "expected '[', '{', or a literal");
}

TEST(EmbargoListTest, JsonShapeErrors) {
  EXPECT_EQ(ErrorOf(ParseEmbargoJson("l.json", "[]")),
            "l.json:1: expected a JSON object with an \"entities\" list");
  EXPECT_EQ(ErrorOf(ParseEmbargoJson("l.json", R"({"entities": [], "owner": "me"})")),
            "l.json: unknown key 'owner' (expected dataset, title, entities)");
  EXPECT_EQ(ErrorOf(ParseEmbargoJson("l.json", R"({"entities": [{"id": "A", "name": 5}]})")),
            "l.json: entities[0]: field 'name' must be a string or a list of strings");
  EXPECT_EQ(ErrorOf(ParseEmbargoJson("l.json", R"({"entities": [{"id": "A", "name": "X",
            "gender": ["male", "female"]}]})")),
            "l.json: entities[0]: field 'gender' takes one value");
  EXPECT_EQ(ErrorOf(ParseEmbargoJson("l.json", R"({"entities": [{"id": "A", "name": "X"},
            {"id": "A", "name": "Y"}]})")),
            "l.json: entities[1]: duplicate id 'A' (first at entities[0])");
}

TEST(EmbargoListTest, RecognisesItsHeader) {
  EXPECT_TRUE(IsEmbargoCsvHeader({"id", "name", "aliases"}));
  EXPECT_FALSE(IsEmbargoCsvHeader({"full_name", "first_name", "last_name"}));
  EXPECT_FALSE(IsEmbargoCsvHeader({"_id", "source", "name"}));
}

}  // namespace
}  // namespace embargo
