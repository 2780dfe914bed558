#include "match/vessel_history.h"

#include <gtest/gtest.h>

namespace embargo::match {
namespace {

// JIN TENG as a list might give it: a former name and a former flag.
Entity Ship() {
  Entity e;
  e.id = "x-1";
  e.schema = Schema::kVessel;
  e.names = {{"JIN TENG", NameKind::kPrimary, {}}, {"HUI XIANG", NameKind::kPreviousName, {}}};
  e.countries = {"sl"};
  e.former_flags = {"kp"};
  return e;
}

struct Case {
  std::string query_name;    // "" = a query by IMO alone
  std::string matched_name;  // "" = no name candidate
  NameKind matched_kind = NameKind::kPrimary;
  double name_score = 0;
  std::string flag;    // the query's flag, "" = none
  std::string detail;  // "" = no feature
};

TEST(VesselHistoryTest, SaysWhereTheQuerysNameAndFlagDifferFromTheList) {
  const std::string listed = "listed as JIN TENG, formerly HUI XIANG; flag sl, formerly kp";
  for (const Case& c : std::vector<Case>{
           // By IMO alone: the history, nothing to compare.
           {"", "", NameKind::kPrimary, 0, "", listed},
           // The current name and flag: the history only.
           {"JIN TENG", "JIN TENG", NameKind::kPrimary, 1.0, "sl", listed},
           // A former name and a former flag: renamed and reflagged since.
           {"HUI XIANG", "HUI XIANG", NameKind::kPreviousName, 1.0, "kp",
            listed + "; the query's name 'HUI XIANG' is a former name: renamed since; flag kp "
                     "is a former flag: reflagged since"},
           // A name and flag the list does not know: the IMO matched.
           {"SEA HORIZON", "JIN TENG", NameKind::kPrimary, 0.31, "pa",
            listed + "; the query's name 'SEA HORIZON' is none of its listed names: renamed "
                     "since it was listed?; flag pa is not a flag the list gives: reflagged "
                     "since it was listed?"},
       }) {
    Query query;
    if (!c.query_name.empty()) query.names = {c.query_name};
    if (!c.flag.empty()) query.countries = {c.flag};
    Explanation explanation;
    explanation.query_name = c.query_name;
    explanation.matched_name = c.matched_name;
    explanation.matched_kind = c.matched_kind;
    explanation.name_score = c.name_score;
    std::optional<FeatureContribution> f = VesselHistory(query, Ship(), explanation);
    ASSERT_TRUE(f.has_value()) << c.query_name;
    EXPECT_EQ(f->feature, "vessel");
    EXPECT_EQ(f->value, 0);
    EXPECT_EQ(f->detail, c.detail) << c.query_name;
  }
}

TEST(VesselHistoryTest, NothingForOtherSchemasOrAShipWithoutHistoryTheQueryAgreesWith) {
  Entity person = Ship();
  person.schema = Schema::kPerson;
  EXPECT_FALSE(VesselHistory({}, person, {}).has_value());
  Entity plain = Ship();
  plain.names.pop_back();
  plain.former_flags.clear();
  Query query;
  query.names = {"JIN TENG"};
  Explanation same;
  same.matched_name = "JIN TENG";
  same.name_score = 1.0;
  EXPECT_FALSE(VesselHistory(query, plain, same).has_value());
  query.countries = {"pa"};
  EXPECT_EQ(VesselHistory(query, plain, same)->detail,
            "listed as JIN TENG; flag sl; flag pa is not a flag the list gives: reflagged since "
            "it was listed?");
}

}  // namespace
}  // namespace embargo::match
