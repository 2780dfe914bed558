#include "text/korean_cyrillic.h"

#include <gtest/gtest.h>

#include "text/convention_readings.h"

namespace embargo::text {
namespace {

TEST(KoreanCyrillicTest, ReadsKoreanNamesWrittenTheRussianWayInKorean) {
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким Чен Ын"), "김 정 은");
  EXPECT_EQ(KoreanReadingOfCyrillic("КИМ ЧЕН ЫН"), "김 정 은");  // capitals
  EXPECT_EQ(KoreanReadingOfCyrillic("Чхве Рён Хэ"), "최 룡 해");
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким Ё-Чжон"), "김 여 정");  // a hyphen
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким Ир Сен"), "김 일 성");
}

TEST(KoreanCyrillicTest, OnlyNamesMadeOfKoreanSyllables) {
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким Виктор"), "");  // a Koryo-saram given name
  EXPECT_EQ(KoreanReadingOfCyrillic("Сергей Лавров"), "");
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким"), "");                // one word
  EXPECT_EQ(KoreanReadingOfCyrillic("Чен Ын"), "");             // no family name first
  EXPECT_EQ(KoreanReadingOfCyrillic("Ким Чен Ын Ир Сен"), "");  // five words
  EXPECT_EQ(KoreanReadingOfCyrillic("Kim Jong Un"), "");
  EXPECT_EQ(KoreanReadingOfCyrillic(""), "");
}

TEST(KoreanCyrillicTest, IsAConventionReading) {
  std::vector<std::string> readings = ConventionReadings("Ким Чен Ын");
  ASSERT_EQ(readings.size(), 1u);
  EXPECT_EQ(readings[0], "김 정 은");
}

}  // namespace
}  // namespace embargo::text
