#include "model/entity_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "test_paths.h"

namespace embargo {
namespace {

using nlohmann::json;

// ---- A field-by-field comparison that does not go through the codec ----

template <typename T, typename Same>
bool SameList(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), same);
}

bool SameName(const Name& a, const Name& b) {
  return a.value == b.value && a.kind == b.kind &&
         SameList(a.parts, b.parts, [](const NamePart& x, const NamePart& y) {
           return x.type == y.type && x.value == y.value;
         });
}

bool SameIdentifier(const Identifier& a, const Identifier& b) {
  return a.type == b.type && a.value == b.value && a.country == b.country && a.label == b.label;
}

bool SameAddress(const Address& a, const Address& b) {
  return a.full == b.full && a.city == b.city && a.country == b.country;
}

bool SameLink(const Link& a, const Link& b) {
  return a.relation == b.relation && a.target_id == b.target_id && a.target_name == b.target_name;
}

// The name of the first field where `a` and `b` differ; "" when none does.
std::string FirstDifference(const Entity& a, const Entity& b) {
  if (a.id != b.id) return "id";
  if (a.dataset != b.dataset) return "dataset";
  if (a.source_id != b.source_id) return "source_id";
  if (a.schema != b.schema) return "schema";
  if (!SameList(a.names, b.names, SameName)) return "names";
  if (a.birth_dates != b.birth_dates) return "birth_dates";
  if (a.birth_places != b.birth_places) return "birth_places";
  if (a.nationalities != b.nationalities) return "nationalities";
  if (a.countries != b.countries) return "countries";
  if (a.former_flags != b.former_flags) return "former_flags";
  if (a.vessel != b.vessel) return "vessel";
  if (a.gender != b.gender) return "gender";
  if (!SameList(a.identifiers, b.identifiers, SameIdentifier)) return "identifiers";
  if (!SameList(a.addresses, b.addresses, SameAddress)) return "addresses";
  if (a.programs != b.programs) return "programs";
  if (a.topics != b.topics) return "topics";
  if (a.listed_on != b.listed_on) return "listed_on";
  if (a.remarks != b.remarks) return "remarks";
  if (!SameList(a.links, b.links, SameLink)) return "links";
  return "";
}

// One entity with every field set, including the values text dates cannot
// carry and empty strings inside lists.
Entity FullEntity() {
  Entity e;
  e.id = "test-1";
  e.dataset = "test";
  e.source_id = "1";
  e.schema = Schema::kPerson;
  e.names = {
      {"KIM Jong Un",
       NameKind::kPrimary,
       {{NamePartType::kFamily, "KIM"}, {NamePartType::kGiven, "Jong Un"}}},
      {"김정은", NameKind::kAlias, {}},
      {"Kim Chong-un", NameKind::kWeakAlias, {{NamePartType::kTitle, "Marshal"}}},
      {"Kim Jong-woon",
       NameKind::kPreviousName,
       {{NamePartType::kMiddle, "Jong"},
        {NamePartType::kPatronymic, "Ilovich"},
        {NamePartType::kOther, ""}}},
      {"", NameKind::kAlias, {}},
  };
  e.birth_dates = {
      {{1984, 1, 8}, {1984, 1, 8}, false},
      {{1982, 0, 0}, {1984, 0, 0}, true},
      {{1983, 6, 0}, {}, false},                // open range: `to` empty, `from` set
      {{}, {1990, 0, 0}, false},                // and the reverse
      {{9999, 12, 31}, {9999, 12, 31}, false},  // beyond what PartialDate::Parse accepts
      {{0, 3, 0}, {1984, 0, 5}, true},          // a month without a year, a day without a month
      {},
  };
  e.birth_places = {"Pyongyang", ""};
  e.nationalities = {"kp"};
  e.countries = {"kp", "cn"};
  e.former_flags = {"sl", ""};
  e.vessel = VesselFacts{"Crude Oil Tanker", "", "2876", "1999"};  // tonnage not given
  e.gender = Gender::kMale;
  e.identifiers = {
      {IdType::kPassport, "836410067", "kp", "Passport"},
      {IdType::kNationalId, "X", "", ""},
      {IdType::kImo, "9000000", "", "IMO"},
      {IdType::kMmsi, "123456789", "", ""},
      {IdType::kSwiftBic, "KKBCKPPY", "kp", ""},
      {IdType::kRegistration, "R-1", "", ""},
      {IdType::kTax, "T-1", "", ""},
      {IdType::kCrypto, "bc1q", "", "XBT"},
      {IdType::kOther, "", "", "Cedula No."},
  };
  e.addresses = {{"Central District, Pyongyang", "Pyongyang", "kp"}, {"", "", ""}};
  e.programs = {"DPRK", "DPRK3"};
  e.topics = {"sanction", "export.control"};
  e.listed_on = "2016-07-06";
  e.remarks = {"line one\nline two \"quoted\" \t\\", ""};
  e.links = {{"linked_to", "test-2", ""}, {"owner", "", "KOREA WORKERS' PARTY"}};
  return e;
}

// ---- Round trips ----

TEST(EntityJsonTest, EveryFieldOfAFullEntityRoundTrips) {
  Entity e = FullEntity();
  std::string text = EntityJson(e);
  auto decoded = EntityFromJsonText(text);
  ASSERT_TRUE(decoded.ok()) << decoded.error().ToString() << "\n" << text;
  EXPECT_EQ(FirstDifference(e, *decoded), "");
  EXPECT_EQ(EntityJson(*decoded), text);
  // The comparison sees the fields the test set (it cannot pass on two
  // empty entities).
  EXPECT_EQ(decoded->names.size(), 5u);
  EXPECT_EQ(decoded->names[3].parts[1].type, NamePartType::kPatronymic);
  EXPECT_EQ(decoded->birth_dates[4].from.year, 9999);
  EXPECT_EQ(decoded->birth_dates[5].to.day, 5);
  EXPECT_TRUE(decoded->birth_dates[2].to.empty());
  EXPECT_EQ(decoded->identifiers[7].label, "XBT");
  EXPECT_EQ(decoded->remarks[0], e.remarks[0]);
  EXPECT_EQ(decoded->gender, Gender::kMale);
  EXPECT_EQ(decoded->vessel->gross_tonnage, "2876");
}

TEST(EntityJsonTest, ComparisonNoticesEveryField) {
  // Guards the helper the list round trips rely on.
  const Entity base = FullEntity();
  std::vector<std::pair<std::string, void (*)(Entity&)>> edits = {
      {"id", [](Entity& e) { e.id += "x"; }},
      {"dataset", [](Entity& e) { e.dataset += "x"; }},
      {"source_id", [](Entity& e) { e.source_id += "x"; }},
      {"schema", [](Entity& e) { e.schema = Schema::kVessel; }},
      {"names", [](Entity& e) { e.names[3].parts[2].type = NamePartType::kGiven; }},
      {"birth_dates", [](Entity& e) { e.birth_dates[1].approximate = false; }},
      {"birth_places", [](Entity& e) { e.birth_places.pop_back(); }},
      {"nationalities", [](Entity& e) { e.nationalities[0] = "kr"; }},
      {"countries", [](Entity& e) { std::swap(e.countries[0], e.countries[1]); }},
      {"former_flags", [](Entity& e) { e.former_flags.pop_back(); }},
      {"vessel", [](Entity& e) { e.vessel->tonnage = "4000"; }},
      {"gender", [](Entity& e) { e.gender = Gender::kFemale; }},
      {"identifiers", [](Entity& e) { e.identifiers[0].country = "cn"; }},
      {"addresses", [](Entity& e) { e.addresses[0].city = "Nampo"; }},
      {"programs", [](Entity& e) { e.programs.clear(); }},
      {"topics", [](Entity& e) { e.topics.pop_back(); }},
      {"listed_on", [](Entity& e) { e.listed_on.clear(); }},
      {"remarks", [](Entity& e) { e.remarks[1] = " "; }},
      {"links", [](Entity& e) { e.links[1].target_name.clear(); }},
  };
  for (const auto& [field, edit] : edits) {
    Entity changed = base;
    edit(changed);
    EXPECT_EQ(FirstDifference(base, changed), field);
    EXPECT_NE(EntityJson(base), EntityJson(changed)) << field;
  }
}

TEST(EntityJsonTest, EmptyFieldsAreLeftOutAndTextIsDeterministic) {
  Entity e;
  e.id = "x-1";
  EXPECT_EQ(EntityJson(e), R"({"id":"x-1","schema":"LegalEntity"})");
  Entity full = FullEntity();
  EXPECT_EQ(EntityJson(full), EntityJson(FullEntity()));
  // Keys come out in a fixed (sorted) order whatever order they were read in.
  auto decoded = EntityFromJsonText(
      R"({"schema":"Person","names":[{"kind":"primary","value":"A B"}],"id":"x-2"})");
  ASSERT_TRUE(decoded.ok()) << decoded.error().ToString();
  EXPECT_EQ(EntityJson(*decoded),
            R"({"id":"x-2","names":[{"kind":"primary","value":"A B"}],"schema":"Person"})");
}

TEST(EntityJsonTest, DatesAreTextWhenTextCarriesThemExactly) {
  Entity e = FullEntity();
  json j = EntityToJson(e);
  const json& dates = j["birth_dates"];
  EXPECT_EQ(dates[0], json::parse(R"({"from":"1984-01-08","to":"1984-01-08"})"));
  EXPECT_EQ(dates[1], json::parse(R"({"from":"1982","to":"1984","approximate":true})"));
  EXPECT_EQ(dates[2], json::parse(R"({"from":"1983-06"})"));
  EXPECT_EQ(dates[4]["from"], json::parse(R"({"year":9999,"month":12,"day":31})"));
  EXPECT_EQ(dates[5]["from"], json::parse(R"({"year":0,"month":3,"day":0})"));
  EXPECT_EQ(dates[6], json::object());
}

TEST(EntityJsonTest, InvalidUtf8IsReplacedNotThrown) {
  Entity e;
  e.id = "x-1";
  e.remarks = {"bad \xff byte"};
  std::string text;
  ASSERT_NO_THROW(text = EntityJson(e));
  auto decoded = EntityFromJsonText(text);
  ASSERT_TRUE(decoded.ok()) << decoded.error().ToString();
  EXPECT_EQ(decoded->remarks[0], "bad \xEF\xBF\xBD byte");
}

// Every entity of each reference list survives the trip to text and back.
struct ReferenceList {
  const char* file;
  size_t min_entities;  // guards against a load that silently yields little
};
void PrintTo(const ReferenceList& list, std::ostream* out) { *out << list.file; }

class EntityJsonListTest : public ::testing::TestWithParam<ReferenceList> {};

TEST_P(EntityJsonListTest, EveryEntityRoundTrips) {
  std::string path = testing::SharedData(GetParam().file);
  auto lists = LoadLists({path});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  ASSERT_GE(lists->entities.size(), GetParam().min_entities) << path;
  size_t failures = 0;
  for (const Entity& e : lists->entities) {
    std::string text = EntityJson(e);
    auto decoded = EntityFromJsonText(text);
    if (!decoded.ok()) {
      ADD_FAILURE() << e.id << ": " << decoded.error().ToString() << "\n" << text;
    } else if (std::string diff = FirstDifference(e, *decoded); !diff.empty()) {
      ADD_FAILURE() << e.id << ": " << diff << " differs after the round trip\n" << text;
    } else if (EntityJson(*decoded) != text) {
      ADD_FAILURE() << e.id << ": re-encoded text differs\n" << text;
    } else {
      continue;
    }
    if (++failures >= 10) break;  // enough to see the pattern
  }
}

INSTANTIATE_TEST_SUITE_P(ReferenceLists, EntityJsonListTest,
                         ::testing::Values(ReferenceList{"ofac/sdn-2024-05-03.csv", 10000},
                                           ReferenceList{"un/consolidated-2026-02-27.xml", 1000},
                                           ReferenceList{"us/csl-sample.csv", 100},
                                           ReferenceList{"us/bis-dpl.txt", 400},
                                           ReferenceList{"opensanctions/t1.ftm.json", 6}));

// Over all reference lists together, the round trips above exercised every
// field, so none of them can pass by the lists leaving a field empty.
TEST(EntityJsonTest, ReferenceListsExerciseEveryField) {
  std::vector<std::string> seen;
  auto see = [&seen](const char* field, bool present) {
    if (present && std::find(seen.begin(), seen.end(), field) == seen.end()) seen.push_back(field);
  };
  for (const char* file : {"ofac/sdn-2024-05-03.csv", "un/consolidated-2026-02-27.xml",
                           "us/csl-sample.csv", "us/bis-dpl.txt", "opensanctions/t1.ftm.json"}) {
    auto lists = LoadLists({testing::SharedData(file)});
    ASSERT_TRUE(lists.ok()) << lists.error().ToString();
    for (const Entity& e : lists->entities) {
      for (const Name& n : e.names) {
        see("alias", n.kind == NameKind::kAlias);
        see("weak_alias", n.kind == NameKind::kWeakAlias);
        see("parts", !n.parts.empty());
      }
      for (const DateSpec& d : e.birth_dates) {
        see("birth_date", !d.from.empty());
        see("birth_date range", !(d.from == d.to));
        see("birth_date approximate", d.approximate);
      }
      see("birth_places", !e.birth_places.empty());
      see("nationalities", !e.nationalities.empty());
      see("countries", !e.countries.empty());
      see("gender", e.gender != Gender::kUnknown);
      for (const Identifier& id : e.identifiers) {
        see("identifier", !id.value.empty());
        see("identifier country", !id.country.empty());
        see("identifier label", !id.label.empty());
      }
      see("addresses", !e.addresses.empty());
      see("programs", !e.programs.empty());
      see("topics", !e.topics.empty());
      see("listed_on", !e.listed_on.empty());
      see("remarks", !e.remarks.empty());
      see("links", !e.links.empty());
      see("vessel", e.schema == Schema::kVessel);
    }
  }
  std::sort(seen.begin(), seen.end());
  std::vector<std::string> expected = {"addresses",
                                       "alias",
                                       "birth_date",
                                       "birth_date approximate",
                                       "birth_date range",
                                       "birth_places",
                                       "countries",
                                       "gender",
                                       "identifier",
                                       "identifier country",
                                       "identifier label",
                                       "links",
                                       "listed_on",
                                       "nationalities",
                                       "parts",
                                       "programs",
                                       "remarks",
                                       "topics",
                                       "vessel",
                                       "weak_alias"};
  EXPECT_EQ(seen, expected);
}

// ---- One real entity, field by field ----

TEST(EntityJsonTest, PinsUnKpi001) {
  auto lists = LoadLists({testing::SharedData("un/consolidated-2026-02-27.xml")});
  ASSERT_TRUE(lists.ok()) << lists.error().ToString();
  auto it = std::find_if(lists->entities.begin(), lists->entities.end(),
                         [](const Entity& e) { return e.source_id == "KPi.001"; });
  ASSERT_NE(it, lists->entities.end());
  // Every value below is in the UN XML record (INDIVIDUAL KPi.001).
  json expected = json::parse(R"({
    "id": "un_sc_sanctions-KPi.001",
    "dataset": "un_sc_sanctions",
    "source_id": "KPi.001",
    "schema": "Person",
    "names": [
      {"value": "YUN HO-JIN", "kind": "primary",
       "parts": [{"type": "family", "value": "YUN"}, {"type": "given", "value": "HO-JIN"}]},
      {"value": "Yun Ho-chin", "kind": "alias"}
    ],
    "birth_dates": [{"from": "1944-10-13", "to": "1944-10-13"}],
    "nationalities": ["kp"],
    "countries": ["kp"],
    "addresses": [{"full": "Pyongyang, Democratic People's Republic of Korea",
                   "city": "Pyongyang", "country": "kp"}],
    "programs": ["DPRK"],
    "listed_on": "2009-07-16",
    "remarks": ["Director of Namchongang Trading Corporation; oversees the import of items\nneeded for the uranium enrichment program."]
  })");
  EXPECT_EQ(EntityToJson(*it), expected) << EntityToJson(*it).dump(2);
  EXPECT_EQ(EntityJson(*it), expected.dump());

  // And back from the stored text, as a list rebuild would read it.
  auto decoded = EntityFromJsonText(expected.dump());
  ASSERT_TRUE(decoded.ok()) << decoded.error().ToString();
  EXPECT_EQ(FirstDifference(*it, *decoded), "");
  EXPECT_EQ(decoded->schema, Schema::kPerson);
  ASSERT_EQ(decoded->names.size(), 2u);
  EXPECT_EQ(decoded->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(decoded->names[0].parts[0].type, NamePartType::kFamily);
  EXPECT_EQ(decoded->names[1].kind, NameKind::kAlias);
  ASSERT_EQ(decoded->birth_dates.size(), 1u);
  EXPECT_EQ(decoded->birth_dates[0].from, (PartialDate{1944, 10, 13}));
  EXPECT_EQ(decoded->birth_dates[0].to, (PartialDate{1944, 10, 13}));
  EXPECT_FALSE(decoded->birth_dates[0].approximate);
  EXPECT_EQ(decoded->gender, Gender::kUnknown);
}

// ---- Malformed input: an Error naming the field, never an exception ----

struct Malformed {
  const char* text;
  const char* error;  // expected substring of the message
};
void PrintTo(const Malformed& m, std::ostream* out) { *out << m.text; }

class EntityJsonMalformedTest : public ::testing::TestWithParam<Malformed> {};

TEST_P(EntityJsonMalformedTest, IsAnErrorNamingTheField) {
  Result<Entity> result = MakeError("not run");
  ASSERT_NO_THROW(result = EntityFromJsonText(GetParam().text));
  ASSERT_FALSE(result.ok()) << GetParam().text;
  EXPECT_NE(result.error().message.find(GetParam().error), std::string::npos)
      << result.error().ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, EntityJsonMalformedTest,
    ::testing::Values(
        Malformed{"", "invalid JSON"}, Malformed{R"({"id": "x-1",)", "invalid JSON"},
        Malformed{"[1, 2]", "entity: expected an object, got array"},
        Malformed{R"("x-1")", "entity: expected an object, got string"},
        Malformed{"null", "entity: expected an object, got null"},
        Malformed{R"({"schema":"Person"})", "id: missing"},
        Malformed{R"({"id":"","schema":"Person"})", "id: empty"},
        Malformed{R"({"id":7,"schema":"Person"})", "id: expected a string, got number"},
        Malformed{R"({"id":"x-1"})", "schema: missing"},
        Malformed{R"({"id":"x-1","schema":"Spaceship"})", "schema: unknown schema \"Spaceship\""},
        Malformed{R"({"id":"x-1","schema":["Person"]})", "schema: expected a string, got array"},
        Malformed{R"({"id":"x-1","schema":"Person","names":"KIM"})",
                  "names: expected an array of objects, got string"},
        Malformed{R"({"id":"x-1","schema":"Person","names":{"value":"KIM"}})",
                  "names: expected an array of objects, got object"},
        Malformed{R"({"id":"x-1","schema":"Person","names":["KIM"]})",
                  "names[0]: expected an object, got string"},
        Malformed{R"({"id":"x-1","schema":"Person","names":[{"value":"A","kind":"primary"},
                    {"value":"B","kind":"nick"}]})",
                  "names[1].kind: unknown name kind \"nick\""},
        Malformed{R"({"id":"x-1","schema":"Person","names":[{"value":"A"}]})",
                  "names[0].kind: missing"},
        Malformed{R"({"id":"x-1","schema":"Person","names":[{"value":1,"kind":"alias"}]})",
                  "names[0].value: expected a string, got number"},
        Malformed{R"({"id":"x-1","schema":"Person","names":[{"value":"A","kind":"alias",
                    "parts":[{"type":"surname","value":"A"}]}]})",
                  "names[0].parts[0].type: unknown name part type \"surname\""},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"from":"1971-13"}]})",
                  "birth_dates[0].from: not a YYYY, YYYY-MM or YYYY-MM-DD date: \"1971-13\""},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"from":"13/03/1971"}]})",
                  "birth_dates[0].from: not a YYYY"},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"to":" 1971"}]})",
                  "birth_dates[0].to: not a YYYY"},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"from":1971}]})",
                  "birth_dates[0].from: expected a date string or {year, month, day}, got number"},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"from":{"year":1971}}]})",
                  "birth_dates[0].from.month: missing"},
        Malformed{
            R"({"id":"x-1","schema":"Person","birth_dates":[{"from":{"year":1.5,"month":0,"day":0}}]})",
            "birth_dates[0].from.year: expected an integer, got number"},
        Malformed{
            R"({"id":"x-1","schema":"Person","birth_dates":[{"from":{"year":99999999999,"month":0,"day":0}}]})",
            "birth_dates[0].from.year: out of range"},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":[{"approximate":"yes"}]})",
                  "birth_dates[0].approximate: expected true or false, got string"},
        Malformed{R"({"id":"x-1","schema":"Person","birth_dates":["1971"]})",
                  "birth_dates[0]: expected an object, got string"},
        Malformed{R"({"id":"x-1","schema":"Person","nationalities":"kp"})",
                  "nationalities: expected an array of strings, got string"},
        Malformed{R"({"id":"x-1","schema":"Person","programs":["DPRK",null]})",
                  "programs[1]: expected a string, got null"},
        Malformed{R"({"id":"x-1","schema":"Person","gender":"m"})", "gender: unknown gender \"m\""},
        Malformed{R"({"id":"x-1","schema":"Person","identifiers":[{"value":"1"}]})",
                  "identifiers[0].type: missing"},
        Malformed{R"({"id":"x-1","schema":"Person","identifiers":[{"type":"ssn","value":"1"}]})",
                  "identifiers[0].type: unknown identifier type \"ssn\""},
        Malformed{R"({"id":"x-1","schema":"Person","addresses":[{"city":["Pyongyang"]}]})",
                  "addresses[0].city: expected a string, got array"},
        Malformed{R"({"id":"x-1","schema":"Person","links":[{"relation":"owner","to":"x-2"}]})",
                  "links[0].to: unknown field"},
        Malformed{R"({"id":"x-1","schema":"Person","listed_on":20090716})",
                  "listed_on: expected a string, got number"},
        Malformed{R"({"id":"x-1","schema":"Person","aliases":[]})", "aliases: unknown field"}));

}  // namespace
}  // namespace embargo
