#include "eval/independent_eval.h"

#include <gtest/gtest.h>

#include <sstream>

#include "eval/baseline.h"
#include "sources/free_text.h"
#include "xref/test_records.h"

namespace embargo::eval {
namespace {

using xref::testing::Person;
using xref::testing::Record;

Entity WithUnReference(Entity e, std::string reference) {
  e.identifiers.push_back(
      {IdType::kOther, std::move(reference), "", std::string(kUnReferenceLabel)});
  return e;
}

// Two UN designations and the UK records that implement them.
ListSet SmallLists() {
  ListSet lists;
  lists.datasets = {{"un_sc_sanctions", "un_xml", "un.xml", "2026-02-27", 2, 3},
                    {"gb_hmt_sanctions", "ofsi_csv", "uk.csv", "2018-04-13", 2, 4}};
  lists.entities = {
      Person("un_sc_sanctions", "KPi.055", {"HAN JANG SU"}, "1969-11-08", {"kp"}),
      Record("un_sc_sanctions", "KPe.018", Schema::kOrganization,
             {"SECOND ACADEMY OF NATURAL SCIENCES", "CHAYON KWAHAK-WON"}),
      WithUnReference(Person("gb_hmt_sanctions", "13528", {"Jang Su HAN"}, "1969-11-08"),
                      "KPi.055"),
      WithUnReference(Record("gb_hmt_sanctions", "12871", Schema::kOrganization,
                             {"SECOND ACADEMY OF NATURAL SCIENCES", "SANSRI"}),
                      "KPe.018"),
  };
  return lists;
}

LabeledQuery Negative(std::string name) {
  LabeledQuery query;
  query.fields.names = {std::move(name)};
  query.kind = "negative";
  return query;
}

const IndependentEvalResult& Result() {
  static const IndependentEvalResult* result = [] {
    ListSet lists = SmallLists();
    auto screener = Screener::Build(lists);
    IndependentEvalOptions options;
    options.threads = 1;
    options.negatives = {Negative("Maria Garcia Lopez"), Negative("Han Jang Su")};
    return new IndependentEvalResult(RunIndependentEval(lists, *screener, options));
  }();
  return *result;
}

TEST(IndependentEvalTest, DeckOfTheSmallLists) {
  std::vector<std::string> rows;
  for (const PairRow& row : Result().rows)
    rows.push_back(row.source + " " + row.name + " -> " + row.expected_id + " " +
                   row.variant_class);
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "uk>un Jang Su HAN -> un_sc_sanctions-KPi.055 word_order",
                      "un>uk HAN JANG SU -> gb_hmt_sanctions-13528 word_order",
                      "uk>un SECOND ACADEMY OF NATURAL SCIENCES -> un_sc_sanctions-KPe.018 exact",
                      "uk>un SANSRI -> un_sc_sanctions-KPe.018 different",
                      "un>uk SECOND ACADEMY OF NATURAL SCIENCES -> gb_hmt_sanctions-12871 exact",
                      "un>uk CHAYON KWAHAK-WON -> gb_hmt_sanctions-12871 different",
                      "alias CHAYON KWAHAK-WON -> un_sc_sanctions-KPe.018 different",
                      "alias SANSRI -> gb_hmt_sanctions-12871 different",
                  }));
}

TEST(IndependentEvalTest, ExactAndReorderedNamesAreFoundByBothDifferentNamesByNeither) {
  const IndependentEvalResult& r = Result();
  ASSERT_EQ(r.engine_rows.size(), 8u);
  ASSERT_EQ(r.baseline_rows.size(), 8u);
  for (size_t i = 0; i < r.rows.size(); ++i) {
    bool easy = r.rows[i].variant_class == "exact" || r.rows[i].variant_class == "word_order";
    EXPECT_EQ(r.engine_rows[i].expected_score >= kDefaultThreshold, easy) << r.rows[i].id;
    EXPECT_EQ(r.baseline_rows[i].expected_score >= kBaselineThreshold, easy) << r.rows[i].id;
  }
}

TEST(IndependentEvalTest, JsonCountsRecallPerClassAndFalseAlerts) {
  nlohmann::json report = IndependentEvalJson(Result(), kDefaultThreshold);
  EXPECT_EQ(report["deck"]["rows"], 8);
  EXPECT_EQ(report["deck"]["by_source"]["alias"], 2);
  EXPECT_EQ(report["engine"]["overall"]["found"], 4);
  EXPECT_EQ(report["engine"]["overall"]["recall"], 0.5);
  EXPECT_EQ(report["engine"]["by_class"]["exact"]["recall"], 1.0);
  EXPECT_EQ(report["engine"]["by_class"]["different"]["recall"], 0.0);
  EXPECT_EQ(report["baseline"]["by_class"]["word_order"]["found"], 2);
  // "Han Jang Su" as a negative alerts; "Maria Garcia Lopez" does not.
  EXPECT_EQ(report["engine"]["false_alerts"]["alerted"], 1);
  EXPECT_EQ(report["baseline"]["false_alerts"]["alerted"], 1);
  EXPECT_EQ(report["misses"].size(), 4u);
  EXPECT_EQ(report["misses"][0]["query"], "SANSRI");
  EXPECT_EQ(report["false_alerts"][0]["query"], "Han Jang Su");
  EXPECT_EQ(report["datasets"][1]["version_date"], "2018-04-13");
}

TEST(IndependentEvalTest, MissesCsvListsEveryMissAndFalseAlert) {
  std::ostringstream csv;
  WriteIndependentMisses(Result(), kDefaultThreshold, csv);
  std::vector<std::string> lines;
  std::istringstream in(csv.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u);  // header, 4 misses, 1 false alert
  EXPECT_EQ(lines[0],
            "kind,id,source,class,query,expected_id,expected_name,expected_score,top_entity,"
            "top_name,top_score");
  EXPECT_EQ(lines[1].rfind("miss,uk>un-", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(",uk>un,different,SANSRI,un_sc_sanctions-KPe.018,"), std::string::npos)
      << lines[1];
  EXPECT_EQ(lines[5].rfind("false_alert,", 0), 0u) << lines[5];
  EXPECT_NE(lines[5].find(",Han Jang Su,,,,"), std::string::npos) << lines[5];
}

TEST(BaselineTest, JaroWinklerOfTheTextbookPairs) {
  EXPECT_NEAR(JaroWinkler(U"martha", U"marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler(U"dwayne", U"duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler(U"dixon", U"dicksonx"), 0.8133, 1e-4);
  EXPECT_EQ(JaroWinkler(U"abc", U"xyz"), 0.0);
}

TEST(BaselineTest, NormalisesCaseAndPunctuationAndSortsWords) {
  EXPECT_EQ(BaselineMatcher::Normalize("Al-Qaida,  INC."), U"alqaida inc");
  EXPECT_EQ(BaselineMatcher::SortWords(U"su jang han"), U"han jang su");
}

}  // namespace
}  // namespace embargo::eval
