#include "common/json_text.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

TEST(JsonTextTest, WritesBytesThatAreNotUtf8AsTheReplacementCharacter) {
  nlohmann::json j = {{"q", std::string("a\xff"
                                        "b\xc0\xaf")}};
  EXPECT_EQ(JsonText(j),
            "{\"q\":\"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD\"}");
}

TEST(JsonTextTest, KeepsValidUtf8AsItIsAndIndentsOnRequest) {
  nlohmann::json j = {{"name", "리원호"}};
  EXPECT_EQ(JsonText(j), "{\"name\":\"리원호\"}");
  EXPECT_EQ(JsonText(j, 1), "{\n \"name\": \"리원호\"\n}");
}

}  // namespace
}  // namespace embargo
