// Terminal columns: Hangul and CJK take two, combining marks none; cells are
// cut between characters, never inside one (issue 17: `alerts list` cut
// Cyrillic in the middle of a character and misaligned Hangul).
#include "cli/text_columns.h"

#include <gtest/gtest.h>

#include "common/utf8.h"

namespace embargo::cli {
namespace {

TEST(TextColumnsTest, WidthCountsColumnsNotBytes) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("RI WON HO"), 9u);
  EXPECT_EQ(DisplayWidth("리원호"), 6u);        // Hangul syllables: wide
  EXPECT_EQ(DisplayWidth("金正恩"), 6u);        // CJK ideographs: wide
  EXPECT_EQ(DisplayWidth("バラク"), 6u);        // katakana: wide
  EXPECT_EQ(DisplayWidth("Лавров"), 6u);        // Cyrillic: narrow, two bytes each
  EXPECT_EQ(DisplayWidth("Jose\xCC\x81"), 4u);  // e + combining acute: no column of its own
  EXPECT_EQ(DisplayWidth("\xEF\xBC\xA1"), 2u);  // fullwidth A
  EXPECT_EQ(DisplayWidth("a\xFF"
                         "b"),
            3u);  // an ill-formed byte takes one
}

TEST(TextColumnsTest, FitPadsOrCutsBetweenCharacters) {
  EXPECT_EQ(FitColumn("KIM", 6), "KIM   ");
  EXPECT_EQ(FitColumn("리원호", 8), "리원호  ");
  EXPECT_EQ(FitColumn("Сергей Викторович Лавров", 10), "Сергей Ви…");
  // A wide character that would straddle the edge is left out, and the
  // column is still exactly filled.
  EXPECT_EQ(FitColumn("리원호김정은", 6), "리원… ");
  for (const char* text : {"Сергей Викторович Лавров", "리원호김정은", "Olaf Scholz", "金正恩"}) {
    for (size_t width = 1; width < 14; ++width) {
      std::string cell = FitColumn(text, width);
      EXPECT_TRUE(IsValidUtf8(cell)) << text << " in " << width;
      EXPECT_EQ(DisplayWidth(cell), width) << text << " in " << width << ": '" << cell << "'";
    }
  }
  EXPECT_EQ(FitColumn("abc", 0), "");
}

}  // namespace
}  // namespace embargo::cli
