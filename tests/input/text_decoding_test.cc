// Input bytes to UTF-8 (byte-order marks, ICU converters) and the
// delimiter read off the header line.
#include "input/text_decoding.h"

#include <gtest/gtest.h>

#include "input/delimiter.h"

namespace embargo::input {
namespace {

const std::string kUtf8 = "id,name\n1,리원호\n";

TEST(DecodeToUtf8Test, ByteOrderMarksSayUtf8OrUtf16) {
  EXPECT_EQ(*DecodeToUtf8("\xEF\xBB\xBF" + kUtf8, "", "f.csv"), kUtf8);
  // "id,리\n" in UTF-16 LE and BE, each after its mark.
  const std::string le(
      "\xFF\xFE"
      "i\0d\0,\0\xAC\xB9\n\0",
      12);
  const std::string be(
      "\xFE\xFF"
      "\0i\0d\0,\xB9\xAC\0\n",
      12);
  EXPECT_EQ(*DecodeToUtf8(le, "", "f.csv"), "id,리\n");
  EXPECT_EQ(*DecodeToUtf8(be, "", "f.csv"), "id,리\n");
  EXPECT_EQ(*DecodeToUtf8(kUtf8, "", "f.csv"), kUtf8);
}

TEST(DecodeToUtf8Test, NamedEncodingsAreConvertedByIcu) {
  // 리원호 in EUC-KR / CP949, 北朝鮮 in Shift_JIS, "José" in Latin-1.
  EXPECT_EQ(*DecodeToUtf8("\xB8\xAE\xBF\xF8\xC8\xA3", "EUC-KR", "f.csv"), "리원호");
  EXPECT_EQ(*DecodeToUtf8("\xB8\xAE\xBF\xF8\xC8\xA3", "CP949", "f.csv"), "리원호");
  EXPECT_EQ(*DecodeToUtf8("\x96\x6B\x92\xA9\x91\x4E", "Shift_JIS", "f.csv"), "北朝鮮");
  EXPECT_EQ(*DecodeToUtf8("Jos\xE9", "ISO-8859-1", "f.csv"), "José");
  EXPECT_EQ(*DecodeToUtf8(std::string("i\0d\0", 4), "UTF-16LE", "f.csv"), "id");
}

TEST(DecodeToUtf8Test, BytesTheEncodingDoesNotAllowAreAnErrorWithTheLine) {
  // 0xA2 0xE8 is a well-formed EUC-KR pair that encodes nothing; 0xFF never starts a character.
  auto unassigned = DecodeToUtf8("id,name\n1,\xB8\xAE\n2,\xA2\xE8\n", "EUC-KR", "f.csv");
  ASSERT_FALSE(unassigned.ok());
  EXPECT_EQ(unassigned.error().ToString(),
            "f.csv:3: 0xA2 0xE8 are not valid EUC-KR (is the encoding right?)");
  EXPECT_EQ(DecodeToUtf8("id\n\xFF", "EUC-KR", "f.csv").error().ToString(),
            "f.csv:2: 0xFF is not valid EUC-KR (is the encoding right?)");
  EXPECT_EQ(DecodeToUtf8("x", "KLINGON", "f.csv").error().ToString(),
            "unknown encoding 'KLINGON' (give an ICU converter name: CP949, EUC-KR, Shift_JIS, "
            "ISO-8859-1, UTF-16LE, UTF-16BE...)");
}

TEST(DelimiterTest, TheHeaderLineSaysWhichCharacterSeparates) {
  EXPECT_EQ(DetectDelimiter("id,name,birth_date\n1;2;3;4;5\n"), ',');
  EXPECT_EQ(DetectDelimiter("id;name;birth_date\n"), ';');
  EXPECT_EQ(DetectDelimiter("id\tname\tbirth_date\n"), '\t');
  EXPECT_EQ(DetectDelimiter("id|name|birth_date\n"), '|');
  EXPECT_EQ(DetectDelimiter("\"a,b\";name\n"), ';');
  EXPECT_EQ(DetectDelimiter("name\n"), ',');
}

}  // namespace
}  // namespace embargo::input
