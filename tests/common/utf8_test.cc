#include "common/utf8.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "embargo/screener.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

struct Rejected {
  std::string bytes;
  const char* why;
};

// Every kind of ill-formed sequence RFC 3629 rules out, each after "ab".
const std::vector<Rejected>& RejectedSequences() {
  static const std::vector<Rejected> kRejected = {
      {"\xC0\xAF", "overlong 2-byte '/'"},
      {"\xC1\xBF", "overlong 2-byte"},
      {"\xE0\x80\xAF", "overlong 3-byte '/'"},
      {"\xE0\x9F\xBF", "overlong 3-byte"},
      {"\xF0\x80\x80\xAF", "overlong 4-byte '/'"},
      {"\xF0\x8F\xBF\xBF", "overlong 4-byte"},
      {"\xED\xA0\x80", "surrogate U+D800"},
      {"\xED\xBF\xBF", "surrogate U+DFFF"},
      {"\xED\xA0\xBD\xED\xB8\x80", "surrogate pair (CESU-8)"},
      {"\xF4\x90\x80\x80", "U+110000, above U+10FFFF"},
      {"\xF5\x80\x80\x80", "lead byte 0xF5"},
      {"\xF8\x88\x80\x80\x80", "5-byte form"},
      {"\xFF", "byte 0xFF"},
      {"\x80", "lone continuation byte"},
      {"\xC3", "truncated 2-byte"},
      {"\xE2\x82", "truncated 3-byte"},
      {"\xF0\x9F\x98", "truncated 4-byte"},
      {"\xC3\x28", "bad continuation byte"},
      {"\xE2\x28\xA1", "bad second byte of 3"},
      {"\xE2\x82\x28", "bad third byte of 3"},
  };
  return kRejected;
}

TEST(Utf8Test, DecodesEachLengthToItsCodePoint) {
  const std::string text = "A\xC3\xBC\xEC\x9B\x90\xF0\x9F\x98\x80";  // A ü 원 😀
  Utf8Char a = DecodeUtf8(text, 0), u = DecodeUtf8(text, 1), won = DecodeUtf8(text, 3),
           smile = DecodeUtf8(text, 6);
  EXPECT_EQ(a.code_point, U'A');
  EXPECT_EQ(a.length, 1u);
  EXPECT_EQ(u.code_point, U'\u00FC');
  EXPECT_EQ(u.length, 2u);
  EXPECT_EQ(won.code_point, U'\uC6D0');
  EXPECT_EQ(won.length, 3u);
  EXPECT_EQ(smile.code_point, U'\U0001F600');
  EXPECT_EQ(smile.length, 4u);
  EXPECT_TRUE(IsValidUtf8(text));
}

TEST(Utf8Test, AcceptsTheBoundariesOfEachRange) {
  for (const std::string& ok :
       {std::string("\x7F"), std::string("\xC2\x80"), std::string("\xDF\xBF"),
        std::string("\xE0\xA0\x80"), std::string("\xED\x9F\xBF"), std::string("\xEE\x80\x80"),
        std::string("\xEF\xBF\xBF"), std::string("\xF0\x90\x80\x80"),
        std::string("\xF4\x8F\xBF\xBF")}) {
    EXPECT_TRUE(IsValidUtf8(ok)) << testing::PrintToString(ok);
  }
}

TEST(Utf8Test, RefusesEveryIllFormedSequenceAtItsFirstByte) {
  for (const Rejected& r : RejectedSequences()) {
    EXPECT_EQ(FindInvalidUtf8("ab" + r.bytes), 2u) << r.why;
    EXPECT_EQ(DecodeUtf8(r.bytes, 0).length, 0u) << r.why;
  }
}

TEST(Utf8Test, AppendUtf8WritesWhatDecodeUtf8Reads) {
  for (char32_t cp : {U'\u0041', U'\u00E9', U'\u07FF', U'\u0800', U'\uD7FF', U'\uE000', U'\uFFFD',
                      U'\U00010000', U'\U0010FFFF'}) {
    std::string out;
    AppendUtf8(out, cp);
    Utf8Char back = DecodeUtf8(out, 0);
    EXPECT_EQ(back.code_point, cp);
    EXPECT_EQ(back.length, out.size());
  }
}

// Issue 12 item 8: a sequence refused in a list file was accepted in a
// query name. Both now go through the one validator.
TEST(Utf8Test, ListFilesAndQueryNamesRefuseTheSameSequences) {
  for (const Rejected& r : RejectedSequences()) {
    Status list = CheckUtf8("ab" + r.bytes, "list.csv");
    ASSERT_FALSE(list.ok()) << r.why;
    EXPECT_EQ(list.error().ToString(),
              fmt::format("list.csv:1:3: invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                          static_cast<unsigned char>(r.bytes[0])))
        << r.why;
    QueryFields fields;
    fields.names = {"Kim" + r.bytes};
    Result<Query> query = MakeQuery(fields);
    ASSERT_FALSE(query.ok()) << r.why;
    EXPECT_EQ(query.error().message, "name is not valid UTF-8 (save the input as UTF-8)") << r.why;
  }
}

TEST(Utf8Test, ListErrorsGiveTheLineAndColumnOfTheBadByte) {
  Status status = CheckUtf8("id,name\n1,Kim \xED\xA0\x80\n", "list.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "list.csv:2:7: invalid UTF-8 (byte 0xED); save the file as UTF-8");
}

}  // namespace
}  // namespace embargo
