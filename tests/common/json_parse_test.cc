#include "common/json_parse.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

std::string ErrorOf(const Result<nlohmann::json>& parsed) {
  return parsed.ok() ? "ok" : parsed.error().ToString();
}

// nlohmann throws out_of_range for these, which ParseJson used not to catch:
// one list line like this aborted lists, screen, import and a server reload.
TEST(ParseJsonTest, NumberOutOfRangeIsAnErrorAtTheNumber) {
  EXPECT_EQ(ErrorOf(ParseJson(R"({"schema":"Person","id":1e999})", "x.json", 5)),
            "x.json:5:25: invalid JSON: number overflow parsing '1e999'");
  EXPECT_EQ(ErrorOf(ParseJson("{\n  \"a\": [1, -1e999]\n}", "x.json")),
            "x.json:2:12: invalid JSON: number overflow parsing '-1e999'");
}

TEST(ParseJsonTest, LargeIntegersAndSmallFractionsStillParse) {
  Result<nlohmann::json> parsed = ParseJson(R"([18446744073709551616, 1e-999, 1e308])", "x.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_DOUBLE_EQ((*parsed)[0].get<double>(), 18446744073709551616.0);
  EXPECT_EQ((*parsed)[1].get<double>(), 0.0);
}

TEST(ParseJsonTest, SyntaxErrorsKeepNlohmannsLineColumnAndReason) {
  EXPECT_EQ(ErrorOf(ParseJson("{\"a\": 1,\n}", "x.json", 3)),
            "x.json:4:1: invalid JSON: syntax error while parsing object key - unexpected '}'; "
            "expected string literal");
}

// Decoded escapes: a lone surrogate is refused by the parser itself, with
// its position.
TEST(ParseJsonTest, LoneSurrogateEscapesAreRefusedWithTheirPosition) {
  EXPECT_EQ(ErrorOf(ParseJson(R"({"name": "Kim \ud800"})", "x.json")),
            "x.json:1:21: invalid JSON: syntax error while parsing value - invalid string: "
            "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: "
            "'\"Kim \\ud800\"'");
  EXPECT_EQ(ErrorOf(ParseJson(R"({"name": "\udc00"})", "x.json")),
            "x.json:1:16: invalid JSON: syntax error while parsing value - invalid string: "
            "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'");
}

TEST(ParseJsonTest, RawInvalidUtf8InAStringIsRefused) {
  EXPECT_EQ(ErrorOf(ParseJson("{\"name\": \"\xC0\xAF\"}", "x.json")),
            "x.json:1:11: invalid JSON: syntax error while parsing value - invalid string: "
            "ill-formed UTF-8 byte; last read: '\"\xC0'");
}

TEST(CheckDecodedStringsTest, NulFromAnEscapeIsRefusedWithItsPath) {
  Result<nlohmann::json> parsed =
      ParseJson(R"({"properties": {"name": ["Kim", "Jong\u0000Un"]}})", "x.json");
  ASSERT_TRUE(parsed.ok());
  Status status = CheckDecodedStrings(*parsed, "x.json", 7);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "x.json:7: NUL character (\\u0000) in properties.name[1]: not text, the file is "
            "damaged");
}

TEST(CheckDecodedStringsTest, NulInAKeyIsRefused) {
  Result<nlohmann::json> parsed = ParseJson(R"({"a\u0000b": 1})", "x.json");
  ASSERT_TRUE(parsed.ok());
  Status status = CheckDecodedStrings(*parsed, "x.json", 1);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "x.json:1: NUL character (\\u0000) in (a key): not text, the file is damaged");
}

TEST(CheckDecodedStringsTest, OtherEscapesPass) {
  Result<nlohmann::json> parsed =
      ParseJson(R"({"name": "Tab\there \u00e9 \ud83d\ude00 \u0001"})", "x.json");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(CheckDecodedStrings(*parsed, "x.json", 1).ok());
}

}  // namespace
}  // namespace embargo
