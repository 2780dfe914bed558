#include "service/json_body_check.h"

#include <gtest/gtest.h>

#include <string>

namespace embargo::service {
namespace {

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string Names(size_t count) {
  std::string names;
  for (size_t i = 0; i < count; ++i) names += i ? ",\"a\"" : "\"a\"";
  return R"({"queries":{"q":{"properties":{"name":[)" + names + "]}}}}";
}

void ExpectRefused(const std::string& body, const Limits& limits, int status,
                   const std::string& detail) {
  auto refused = CheckJsonBody(body, limits);
  ASSERT_TRUE(refused) << body.substr(0, 80);
  EXPECT_EQ(refused->status, status);
  EXPECT_EQ(refused->body["detail"], detail);
}

TEST(JsonBodyCheckTest, PassesAYenteRequest) {
  Limits limits;
  EXPECT_FALSE(CheckJsonBody(R"({"queries":{"q":{"schema":"Person","properties":{"name":["x"]}}}})",
                             limits));
}

TEST(JsonBodyCheckTest, RefusesNestingDeeperThanTheLimit) {
  Limits limits;
  limits.max_json_depth = 4;
  EXPECT_FALSE(CheckJsonBody(Nested(4), limits));
  ExpectRefused(Nested(5), limits, 400, "request body nests deeper than 4 levels");
  // A deep body stops the pass where it crosses the limit, unparsed beyond.
  EXPECT_TRUE(CheckJsonBody(std::string(1 << 20, '['), Limits()));
}

TEST(JsonBodyCheckTest, RefusesMoreValuesThanTheLimit) {
  Limits limits;
  limits.max_json_nodes = 100;
  // The object, queries, q, properties, the name list: 5 values besides the names.
  EXPECT_FALSE(CheckJsonBody(Names(95), limits));
  ExpectRefused(Names(96), limits, 413, "request body holds more than 100 JSON values");
}

TEST(JsonBodyCheckTest, LeavesABodyThatIsNotJsonToTheHandler) {
  Limits limits;
  EXPECT_FALSE(CheckJsonBody("{not json", limits));
  EXPECT_FALSE(CheckJsonBody("", limits));
  EXPECT_FALSE(CheckJsonBody("{\"q\":\"\xff\"}", limits));
  EXPECT_FALSE(CheckJsonBody(R"({"id":1e999})", limits));
}

}  // namespace
}  // namespace embargo::service
