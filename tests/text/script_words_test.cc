#include "text/script_words.h"

#include <gtest/gtest.h>

#include "text/name_tables.h"
#include "text/org_names.h"

namespace embargo::text {
namespace {

constexpr ScriptWord kTable[] = {
    {"무역은행", " trade bank "},
    {"은행", " bank "},
    {"(주)", " company limited "},
    {"상업", " commercial "},
};

TEST(ScriptWordTableTest, ReplacesTheFirstEntryInTableOrderAtEachPosition) {
  ScriptWordTable table(kTable);
  EXPECT_EQ(table.Replace("조선무역은행"), "조선 trade bank ");  // not 무역 + " bank "
  EXPECT_EQ(table.Replace("단천상업은행"), "단천 commercial  bank ");
  EXPECT_EQ(table.Replace("은행은행"), " bank  bank ");
}

TEST(ScriptWordTableTest, EntriesStartingWithAsciiAreFoundInsideOtherScripts) {
  ScriptWordTable table(kTable);
  EXPECT_EQ(table.Replace("(주)한화"), " company limited 한화");
  EXPECT_EQ(table.Replace("한화(주)"), "한화 company limited ");
}

TEST(ScriptWordTableTest, AsciiTextAndTextWithoutEntriesAreReturnedAsTheyAre) {
  ScriptWordTable table(kTable);
  EXPECT_EQ(table.Replace("Hanwha (Ju)"), "Hanwha (Ju)");
  EXPECT_EQ(table.Replace("Сбербанк"), "Сбербанк");
  EXPECT_EQ(table.Replace("김정은"), "김정은");
  EXPECT_EQ(table.Replace(""), "");
}

TEST(ScriptWordTableTest, TheProjectTablesTranslateKoreanBusinessWordsAndTitles) {
  EXPECT_EQ(TranslateBusinessWords("단천상업은행"), "단천 commercial  bank ");
  EXPECT_EQ(TranslateTitles("김정은 위원장"), "김정은  chairman ");
  EXPECT_EQ(TranslateTitles("Kim Jong Un"), "Kim Jong Un");
}

}  // namespace
}  // namespace embargo::text
