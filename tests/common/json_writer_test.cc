#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <limits>

#include "common/json_text.h"

namespace embargo {
namespace {

// Each value written by JsonWriter reads as JsonText writes the same value
// held in a tree: the streamed answers and the tree-built ones agree.
TEST(JsonWriterTest, ScalarsReadAsJsonTextWritesThem) {
  const std::vector<std::string> strings = {"",
                                            "RI, Won Ho",
                                            "리원호",
                                            "quote \" and \\ slash",
                                            "tab\tnew\nline\r",
                                            "\x01\x1f",
                                            "\b\f",
                                            "\x7f del",
                                            "القذافي",
                                            "emoji 😀",
                                            "a\xff",
                                            "b\xc0\xaf",
                                            "cut \xe1\x84",
                                            "/slash/",
                                            "\xed\xa0\x80 surrogate",
                                            "\xf4\x90 high",
                                            "\xe0\x80 overlong",
                                            "\xf0\x9f\x98 cut"};
  for (const std::string& s : strings) {
    std::string text;
    JsonWriter(text).String(s);
    EXPECT_EQ(text, JsonText(nlohmann::json(s))) << s;
  }
  const std::vector<double> numbers = {0,     1,    -1,   0.85,    0.8001, 1e-4, 0.1234,
                                       123.5, 1e10, -0.5, 2.0 / 3, 0.9999, 100,  5e-5,
                                       1e-7,  1e15, 1e20, -1e-4,   1e-300};
  for (double d : numbers) {
    std::string text;
    JsonWriter(text).Number(d);
    EXPECT_EQ(text, JsonText(nlohmann::json(d))) << d;
  }
  std::string text;
  JsonWriter(text).Number(std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(text, "null");
}

TEST(JsonWriterTest, NestedContainersGetTheirCommasAndKeys) {
  std::string text;
  JsonWriter w(text);
  w.BeginObject();
  w.Member("a", "x");
  w.Key("b");
  w.BeginArray();
  w.Int(-3);
  w.Uint(7);
  w.Bool(false);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.Key("c");
  w.Value(nlohmann::json{{"k", {1, 2}}});
  w.Member("d", 0.5);
  w.Key("e");
  w.Strings({"p", "q"});
  w.EndObject();
  EXPECT_EQ(text, R"({"a":"x","b":[-3,7,false,null,{},[]],"c":{"k":[1,2]},"d":0.5,"e":["p","q"]})");
  EXPECT_NO_THROW(nlohmann::json::parse(text));
}

}  // namespace
}  // namespace embargo
