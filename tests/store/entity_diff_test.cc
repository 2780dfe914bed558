#include "store/entity_diff.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/csv.h"
#include "common/file.h"
#include "embargo/lists.h"
#include "test_paths.h"

namespace embargo::store {
namespace {

// ent_num values straight from the file, for a comparison that does not
// go through the parser.
std::set<std::string> EntNums(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  EXPECT_TRUE(bytes.ok());
  auto rows = ReadCsv(*bytes, path);
  EXPECT_TRUE(rows.ok());
  std::set<std::string> ids;
  for (const CsvRow& row : *rows) ids.insert("us_ofac_sdn-" + row.fields[0]);
  return ids;
}

std::vector<Entity> Load(const std::string& path) {
  auto lists = LoadLists({path});
  EXPECT_TRUE(lists.ok()) << lists.error().ToString();
  return lists.ok() ? std::move(lists->entities) : std::vector<Entity>{};
}

TEST(EntityDiffTest, OfacFebruary2024DesignationsAreTheAddedEntities) {
  std::string jan = testing::SharedData("ofac/sdn-2024-01-31.csv");
  std::string feb = testing::SharedData("ofac/sdn-2024-02-23.csv");
  std::vector<Entity> before = Load(jan), after = Load(feb);
  ListDiff diff = DiffEntities(before, after);

  std::set<std::string> old_ids = EntNums(jan), new_ids = EntNums(feb), expected_added,
                        expected_removed;
  std::set_difference(new_ids.begin(), new_ids.end(), old_ids.begin(), old_ids.end(),
                      std::inserter(expected_added, expected_added.end()));
  std::set_difference(old_ids.begin(), old_ids.end(), new_ids.begin(), new_ids.end(),
                      std::inserter(expected_removed, expected_removed.end()));
  std::set<std::string> added, removed;
  for (const Entity* e : diff.added) added.insert(e->id);
  for (const Entity* e : diff.removed) removed.insert(e->id);
  EXPECT_EQ(added, expected_added);
  EXPECT_EQ(removed, expected_removed);
  EXPECT_EQ(diff.added.size(), 584u);
  EXPECT_EQ(diff.removed.size(), 1u);
  EXPECT_TRUE(
      added.count("us_ofac_sdn-37809"));  // NATIONAL PAYMENT CARD SYSTEM JOINT STOCK COMPANY
  EXPECT_EQ(diff.added.size() + diff.changed.size() + diff.unchanged, after.size());
  for (const EntityChange& c : diff.changed) EXPECT_FALSE(c.fields.empty()) << c.after->id;
}

TEST(EntityDiffTest, ReportsANewAliasAndANewPassportPerField) {
  Entity a;
  a.id = "x-1";
  a.schema = Schema::kPerson;
  a.names = {Name{"KIM, Chol", NameKind::kPrimary, {}}};
  a.programs = {"DPRK3"};
  Entity b = a;
  b.names.push_back(Name{"KIM Cheol", NameKind::kAlias, {}});
  b.identifiers.push_back(Identifier{IdType::kPassport, "745420176", "kp", "Passport"});
  b.programs = {"DPRK4"};
  std::vector<Entity> before = {a}, after = {b};  // the diff points into these
  ListDiff diff = DiffEntities(before, after);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(DiffToText(diff),
            "0 added, 0 removed, 1 changed, 0 unchanged\n"
            "~ x-1 KIM, Chol\n"
            "    identifier: + passport 745420176 (kp)\n"
            "    name: + KIM Cheol (alias)\n"
            "    program: + DPRK4\n"
            "    program: - DPRK3\n");
  EXPECT_EQ(DiffToJson(diff)["counts"]["changed"], 1);
}

// SAND SWAN (2021) is EBANO in 2024: renamed, reflagged from Cyprus to
// Panama, its gross tonnage restated; the diff says each, field by field.
TEST(EntityDiffTest, ARenamedAndReflaggedVesselsChangesPerField) {
  std::vector<Entity> before = Load(testing::SharedData("ofac/sdn-2021-07/sdn.csv"));
  std::vector<Entity> after = Load(testing::SharedData("ofac/sdn-2024-05-03.csv"));
  ListDiff diff = DiffEntities(before, after);
  const EntityChange* ebano = nullptr;
  for (const EntityChange& c : diff.changed)
    if (c.after->id == "us_ofac_sdn-4243") ebano = &c;
  ASSERT_NE(ebano, nullptr);
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> fields;
  for (const FieldChange& f : ebano->fields) fields[f.field] = {f.added, f.removed};
  using Values = std::vector<std::string>;
  EXPECT_EQ(fields["gross_tonnage"], std::make_pair(Values{"1865"}, Values{"1116"}));
  EXPECT_EQ(fields["country"], std::make_pair(Values{"pa"}, Values{"cy"}));
  EXPECT_EQ(fields.count("vessel_type"), 0u);  // General Cargo in both
  EXPECT_EQ(fields.count("tonnage"), 0u);      // 2595 in both
  EXPECT_EQ(fields["name"].second, Values{"SAND SWAN (primary)"});
}

TEST(EntityDiffTest, ReorderedValuesAreNotAChange) {
  Entity a;
  a.id = "x-1";
  a.programs = {"A", "B"};
  Entity b = a;
  b.programs = {"B", "A"};
  std::vector<Entity> before = {a}, after = {b};
  ListDiff diff = DiffEntities(before, after);
  EXPECT_TRUE(diff.changed.empty());
  EXPECT_EQ(diff.unchanged, 1u);
}

// A topic left unsaid is "sanction": saying it is no change, changing it is.
TEST(EntityDiffTest, TopicsCompareWithTheirDefault) {
  Entity a;
  a.id = "x-1";
  a.names = {Name{"ACME", NameKind::kPrimary, {}}};
  Entity said = a;
  said.topics = {"sanction"};
  Entity denied = a;
  denied.topics = {"export.control"};
  std::vector<Entity> before = {a}, same = {said}, after = {denied};
  EXPECT_TRUE(DiffEntities(before, same).changed.empty());
  ListDiff diff = DiffEntities(before, after);
  EXPECT_EQ(DiffToText(diff),
            "0 added, 0 removed, 1 changed, 0 unchanged\n"
            "~ x-1 ACME\n"
            "    topic: + export.control\n"
            "    topic: - sanction\n");
}

}  // namespace
}  // namespace embargo::store
