#include "text/arabic_org_words.h"

#include <gtest/gtest.h>

namespace embargo::text {
namespace {

TEST(ArabicOrgWordsTest, ReadsTheCommonWordsInEnglishAndLeavesTheNames) {
  EXPECT_EQ(ArabicOrgWordsReading("جبهة النصرة"), " front  النصرة");
  EXPECT_EQ(ArabicOrgWordsReading("شبکه حقانی"), " network  حقانی");  // Persian letters
  EXPECT_EQ(ArabicOrgWordsReading("الجماعة الاسلامية المسلحة"), " group   islamic   armed ");
  EXPECT_EQ(ArabicOrgWordsReading("مكتب حنيفة للصرافة"), " office  حنيفة  exchange ");
}

TEST(ArabicOrgWordsTest, TakesOffTheArticleAndTheWordsJoinedBeforeIt) {
  EXPECT_EQ(ArabicOrgWordsReading("العراق والشام"), "العراق  levant ");  // و + ال
  EXPECT_EQ(ArabicOrgWordsReading("الإسلامية"), " islamic ");            // hamza on alef
  EXPECT_EQ(ArabicOrgWordsReading("جبهـة"), " front ");                  // a tatweel
}

TEST(ArabicOrgWordsTest, WholeWordsOnly) {
  EXPECT_EQ(ArabicOrgWordsReading("جندي"), "");      // Jundi, a name, not جند
  EXPECT_EQ(ArabicOrgWordsReading("محمد علي"), "");  // no organisation word
  EXPECT_EQ(ArabicOrgWordsReading("AL-NUSRA FRONT"), "");
  EXPECT_EQ(ArabicOrgWordsReading(""), "");
  EXPECT_EQ(ArabicOrgWordsReading("\xff جبهة"), "");  // not UTF-8
}

TEST(ArabicOrgWordsTest, ReadsTehMarbutaAsTInAConstruct) {
  EXPECT_EQ(ConstructStateReading("جبهة النصرة"), "جبهت النصرة");
  EXPECT_EQ(ConstructStateReading("حركة  الشباب"), "حركت  الشباب");
  EXPECT_EQ(ConstructStateReading("النصرة"), "");       // the end of the name
  EXPECT_EQ(ConstructStateReading("جبهة (AQAP)"), "");  // no Arabic word after it
  EXPECT_EQ(ConstructStateReading("مهرجان شعبي"), "");  // no teh marbuta
}

}  // namespace
}  // namespace embargo::text
