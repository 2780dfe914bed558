#include "service/request_target.h"

#include <gtest/gtest.h>

#include "service/http_types.h"

namespace embargo::service {
namespace {

TEST(RequestTargetTest, DecodesThePathAndTheQueryParameters) {
  auto t = ParseRequestTarget("/entities/un%2Fx%20y+z?q=Lee+Won-ho&limit=3&q=%EB%A6%AC&flag");
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_EQ(t->path, "/entities/un/x y+z");
  EXPECT_EQ(ParamAll(t->params, "q"), (std::vector<std::string>{"Lee Won-ho", "리"}));
  EXPECT_EQ(Param(t->params, "limit"), "3");
  EXPECT_EQ(t->params.count("flag"), 1u);
  EXPECT_EQ(Param(t->params, "flag", "absent"), "");
}

TEST(RequestTargetTest, KeepsAPercentSignThatStartsNoEscape) {
  auto t = ParseRequestTarget("/search/default?q=100%&r=%zz%4");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Param(t->params, "q"), "100%");
  EXPECT_EQ(Param(t->params, "r"), "%zz%4");
}

TEST(RequestTargetTest, APathThatDecodesToInvalidUtf8IsRefused) {
  for (const char* target : {"/%ff", "/healthz%ff", "/%c0%af", "/entities/%ff", "/%ed%a0%80"}) {
    auto t = ParseRequestTarget(target);
    ASSERT_FALSE(t.ok()) << target;
    EXPECT_EQ(t.error().ToString(), "request path is not valid UTF-8 after percent-decoding");
  }
}

TEST(RequestTargetTest, AQueryParameterThatDecodesToInvalidUtf8IsRefusedByName) {
  auto value = ParseRequestTarget("/search/default?limit=3&q=%ff");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().ToString(), "query parameter 'q' is not valid UTF-8");
  auto key = ParseRequestTarget("/search/default?%ff=1");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().ToString(), "a query parameter name is not valid UTF-8");
}

}  // namespace
// Yes-or-no parameters read one way everywhere: pending=1 was read as
// false by /alerts (a new user's trial); a value that is neither is a 400's
// message, not false.
TEST(BoolParamTest, ReadsEveryYesAndNoAndRefusesTheRest) {
  for (const char* yes : {"true", "1", "yes", "on", "TRUE", " Yes "}) {
    auto v = BoolParam(Params{{"pending", yes}}, "pending");
    ASSERT_TRUE(v.ok()) << yes;
    EXPECT_TRUE(*v) << yes;
  }
  for (const char* no : {"false", "0", "no", "off", "False"}) {
    auto v = BoolParam(Params{{"pending", no}}, "pending");
    ASSERT_TRUE(v.ok()) << no;
    EXPECT_FALSE(*v) << no;
  }
  EXPECT_TRUE(*BoolParam(Params{}, "nested", true));
  EXPECT_FALSE(*BoolParam(Params{{"pending", ""}}, "pending"));
  auto bad = BoolParam(Params{{"pending", "maybe"}}, "pending");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "pending must be true or false, not 'maybe'");
}

}  // namespace embargo::service
