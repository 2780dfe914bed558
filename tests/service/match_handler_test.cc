// POST /match/{dataset} on the reference lists: yente's topics filter.
#include "service/match_handler.h"

#include <gtest/gtest.h>

#include <set>

#include "service/reference_snapshot.h"

namespace embargo::service {
namespace {

using testing::ReferenceSnapshot;

// A BIS Denied Persons party (an export denial, not a sanction).
constexpr char kDahua[] = "us_bis_dpl-079983c1e9b054fc";
constexpr char kBody[] = R"({"queries": {"q": {"schema": "Company",
    "properties": {"name": ["Dahua Electronics Corporation"]}}}})";

std::set<std::string> MatchIds(const Params& params) {
  Response r = HandleMatch(ReferenceSnapshot(), "default", params, kBody, Limits{});
  EXPECT_EQ(r.status, 200) << r.body.dump();
  std::set<std::string> ids;
  for (const auto& e : r.body["responses"]["q"]["results"]) {
    ids.insert(e["id"].get<std::string>());
    if (e["id"] == kDahua) {
      EXPECT_EQ(e["properties"]["topics"], nlohmann::json::array({"export.control"}));
    }
  }
  return ids;
}

TEST(MatchHandlerTest, TopicsKeepOnlyEntitiesListedForOneOfThem) {
  std::set<std::string> any = MatchIds({});
  ASSERT_TRUE(any.count(kDahua)) << "the denied party must match its own name";
  EXPECT_TRUE(MatchIds({{"topics", "export.control"}}).count(kDahua));
  EXPECT_FALSE(MatchIds({{"topics", "sanction"}}).count(kDahua));
  EXPECT_EQ(MatchIds({{"topics", "sanction"}, {"topics", "export.control"}}), any);
  EXPECT_TRUE(MatchIds({{"topics", "role.pep"}}).empty());
}

// NaN compares false with every score: threshold=nan answered 200 and
// turned alerting off.
TEST(MatchHandlerTest, NonFiniteThresholdAndCutoffAreA400) {
  for (const char* value : {"nan", "NaN", "-nan", "inf", "1e999", "1.5", "-0.1", "x"}) {
    Response r =
        HandleMatch(ReferenceSnapshot(), "default", {{"threshold", value}}, kBody, Limits{});
    EXPECT_EQ(r.status, 400) << value;
    EXPECT_EQ(r.body["detail"], "threshold must be a number in [0, 1]") << value;
    r = HandleMatch(ReferenceSnapshot(), "default", {{"cutoff", value}}, kBody, Limits{});
    EXPECT_EQ(r.status, 400) << value;
    EXPECT_EQ(r.body["detail"], "cutoff must be a number in [0, 1]") << value;
  }
}

TEST(MatchHandlerTest, BodyErrorsGiveTheirPosition) {
  Response r =
      HandleMatch(ReferenceSnapshot(), "default", {},
                  R"({"queries": {"q": {"properties": {"name": ["x"]}, "n": 1e999}}})", Limits{});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["detail"], "request body:1:56: invalid JSON: number overflow parsing '1e999'");
}

}  // namespace
}  // namespace embargo::service
