// ConventionReadings: a name as another transliteration convention writes
// it. Each row: the name as written, then its readings ("" when none).
#include "text/convention_readings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace embargo::text {
namespace {

struct Row {
  const char* name;
  std::vector<std::string> readings;
};

TEST(ConventionReadingsTest, EachNameReadsAsTheOtherConventionWritesIt) {
  const Row rows[] = {
      // Arabic script: ث ذ ض read the Persian way (س ز ز); ظ the Arabic way (ذ).
      {"فضل محمد مظلوم", {"فزل محمد مظلوم", "فضل محمد مذلوم"}},
      {"نور محمد ثاقب", {"نور محمد ساقب"}},
      {"عبد الحق وثيق", {"عبد الحق وسيق"}},
      {"ذاكر", {"زاكر"}},
      {"محمد حسن", {}},  // no letter read two ways
      // Ukrainian and Belarusian romanisation, marked by a patronymic or a
      // given name only they spell so: h is g (not in kh, zh, sh, ch),
      // ie after a consonant is e, a final -au or -ou is -ov. Case is kept.
      {"Oleksandr Viktorovych HUSIEV", {"Oleksandr Viktorovych GUSEV"}},
      {"Iryna Anatoliivna AHEIEVA", {"Iryna Anatoliivna AGEEVA"}},
      {"Ihor Heorhiiovych ARTAMONOV", {"Igor Georgiiovych ARTAMONOV"}},
      {"Mykhailo Yuriiovych SHEVCHUK", {}},  // kh and ch stay: nothing to change
      {"Uladzimir NAVUMAU", {"Uladzimir NAVUMOV"}},
      {"HUSIEV, Oleksandr", {"GUSEV, Oleksandr"}},
      // Not marked: an h is an h (Hassan, Heinrich, Shevchenko's Russian form).
      {"Hassan Hussein", {}},
      {"Heinrich HUBER", {}},
      {"Aleksandr Nikolaevich GUSEV", {}},
      // Somali orthography, marked by a given name only it spells so: x is h, c
      // before a vowel at a word's start or after a vowel is left out, a doubled
      // vowel is one. Case is kept.
      {"Xassaan Xuseen Adan", {"Hassan Husen Adan"}},
      {"XIRSI, Xasan Cabdilaahi", {"HIRSI, Hasan Abdilahi"}},
      {"Maxamed Cabdullaahi CIISE", {"Mahamed Abdullahi ISE"}},
      {"Asan Mahad Cumar", {"Asan Mahad Umar"}},
      // Not marked: x and c in other names stay (Alexander, Carlos Cabrera).
      {"Alexander Xavier Cabrera", {}},
      {"Carlos CALI", {}},
  };
  for (const Row& row : rows) EXPECT_EQ(ConventionReadings(row.name), row.readings) << row.name;
}

TEST(ConventionReadingsTest, InvalidUtf8HasNoReading) {
  EXPECT_TRUE(ConventionReadings("\xD8\xAB\xFF").empty());  // ث then a stray byte
}

}  // namespace
}  // namespace embargo::text
