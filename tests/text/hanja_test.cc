#include "text/hanja.h"

#include <gtest/gtest.h>

#include "text/convention_readings.h"

namespace embargo::text {
namespace {

TEST(HanjaTest, ReadsKoreanNamesInHanInKorean) {
  EXPECT_EQ(KoreanReadingOfHanja("金正恩"), "김정은");
  EXPECT_EQ(KoreanReadingOfHanja("崔龍海"), "최룡해");   // traditional
  EXPECT_EQ(KoreanReadingOfHanja("崔龙海"), "최룡해");   // simplified
  EXPECT_EQ(KoreanReadingOfHanja("李英浩"), "리영호");   // the North's 리
  EXPECT_EQ(KoreanReadingOfHanja("金 與正"), "김여정");  // a space aside
  EXPECT_EQ(KoreanReadingOfHanja("朴·奉珠"), "박봉주");  // a middle dot aside
}

TEST(HanjaTest, OnlyNamesThatReadAsKoreanNames) {
  EXPECT_EQ(KoreanReadingOfHanja("习近平"), "");      // 习 is no Korean family name
  EXPECT_EQ(KoreanReadingOfHanja("金"), "");          // one character
  EXPECT_EQ(KoreanReadingOfHanja("金正恩正恩"), "");  // five
  EXPECT_EQ(KoreanReadingOfHanja("金小明"), "");      // 小 names no Korean
  EXPECT_EQ(KoreanReadingOfHanja("王小明"), "");      // nor does 王 lead one here
  EXPECT_EQ(KoreanReadingOfHanja("Kim Jong Un"), "");
  EXPECT_EQ(KoreanReadingOfHanja("김정은"), "");
  EXPECT_EQ(KoreanReadingOfHanja(""), "");
}

TEST(HanjaTest, IsAConventionReading) {
  std::vector<std::string> readings = ConventionReadings("金正恩");
  ASSERT_EQ(readings.size(), 1u);
  EXPECT_EQ(readings[0], "김정은");
}

}  // namespace
}  // namespace embargo::text
