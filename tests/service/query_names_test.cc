// The names /match and /reconcile read from a client's example: a name
// from its parts, and the request limits, with the same error either way.
#include "service/query_names.h"

#include <gtest/gtest.h>

#include "service/match_handler.h"
#include "service/reconcile_query.h"
#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

TEST(QueryNamesTest, PartsMakeANameOnlyWhenNoneIsGiven) {
  std::vector<std::string> names;
  AddNameFromParts({"Won Ho", "W."}, {"RI", "LEE"}, names);
  EXPECT_EQ(names, std::vector<std::string>{"Won Ho RI"});
  AddNameFromParts({"Other"}, {}, names);  // a name is already there
  EXPECT_EQ(names, std::vector<std::string>{"Won Ho RI"});
  std::vector<std::string> last_only;
  AddNameFromParts({}, {"KIM"}, last_only);
  EXPECT_EQ(last_only, std::vector<std::string>{"KIM"});
  std::vector<std::string> none;
  AddNameFromParts({}, {}, none);
  EXPECT_TRUE(none.empty());
}

TEST(QueryNamesTest, LimitsNameTheCountOrTheLength) {
  Limits limits;
  limits.max_names_per_query = 2;
  limits.max_name_length = 5;
  EXPECT_EQ(CheckNameLimits({"a", "b"}, limits), std::nullopt);
  EXPECT_EQ(CheckNameLimits({"a", "b", "c"}, limits), "3 names, at most 2 allowed");
  EXPECT_EQ(CheckNameLimits({"abcdef"}, limits), "a name of 6 bytes, at most 5 allowed");
}

TEST(QueryNamesTest, MatchAndReconcileRefuseTooManyNamesAlike) {
  Limits limits;
  limits.max_names_per_query = 1;
  Response match = HandleMatch(
      testing::ReferenceSnapshot(), "default", {},
      R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["A", "B"]}}}})", limits);
  EXPECT_EQ(match.status, 400);  // the request, as yente's name clause limit
  EXPECT_EQ(match.body["detail"], "query 'q': 2 names, at most 1 allowed");
  // Too long a name refuses its query alone (a new user's trial: one long
  // name in a batch of five failed all five).
  Limits long_limits;
  long_limits.max_name_length = 10;
  Response long_name = HandleMatch(
      testing::ReferenceSnapshot(), "default", {},
      R"({"queries": {"q": {"schema": "Person", "properties": {"name": ["RI WON HO, PYONGYANG"]}},
                      "ok": {"schema": "Person", "properties": {"name": ["RI WON HO"]}}}})",
      long_limits);
  EXPECT_EQ(long_name.status, 200);
  nlohmann::json answer = BodyJson(long_name);
  EXPECT_EQ(answer["responses"]["q"]["status"], 400);
  EXPECT_EQ(answer["responses"]["q"]["detail"],
            "query 'q': a name of 20 bytes, at most 10 allowed");
  EXPECT_EQ(answer["responses"]["ok"]["status"], 200);
  Result<ReconQuery> reconcile = ReadReconcileQuery(
      "q", nlohmann::json::parse(R"({"query": "A", "properties": [{"pid": "alias", "v": "B"}]})"),
      limits);
  ASSERT_FALSE(reconcile.ok());
  EXPECT_EQ(reconcile.error().message, "query 'q': 2 names, at most 1 allowed");
}

}  // namespace
}  // namespace embargo::service
