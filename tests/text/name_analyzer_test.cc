#include "text/name_analyzer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/utf8.h"
#include "test_paths.h"
#include "text/similarity.h"
#include "text/transliterate.h"

namespace embargo::text {
namespace {

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

std::string Describe(const AnalyzedName& name) {
  std::string out;
  for (const Token& t : name.tokens) {
    if (!out.empty()) out += " ";
    out += t.norm;
    if (t.role != TokenRole::kName) out += ":" + std::string(TokenRoleName(t.role));
  }
  return out;
}

TEST(NameAnalyzerTest, AnalyzesEveryCaseInTheDataFile) {
  auto rows = ReadTsv(testing::TestData("names/analyze.tsv"));
  ASSERT_GT(rows.size(), 10u);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u) << row[0];
    auto schema = ParseSchema(row[1]);
    ASSERT_TRUE(schema.has_value()) << row[1];
    EXPECT_EQ(Describe(AnalyzeName(row[0], *schema)), row[2]) << "input: " << row[0];
  }
}

TEST(TokenSimilarityTest, ScoresEveryPairInTheDataFileWithinItsRange) {
  auto rows = ReadTsv(testing::TestData("names/similarity.tsv"));
  ASSERT_GT(rows.size(), 10u);
  for (const auto& row : rows) {
    ASSERT_GE(row.size(), 4u);
    Token a = MakeToken(row[0], TokenRole::kName), b = MakeToken(row[1], TokenRole::kName);
    float ab = CompareTokens(a, b).score, ba = CompareTokens(b, a).score;
    EXPECT_GE(ab, std::stof(row[2]) - 1e-4) << row[0] << " ~ " << row[1];
    EXPECT_LE(ab, std::stof(row[3]) + 1e-4) << row[0] << " ~ " << row[1];
    EXPECT_FLOAT_EQ(ab, ba) << "similarity must be symmetric: " << row[0] << " ~ " << row[1];
  }
}

TEST(TransliterateTest, InvalidUtf8BytesAreDroppedNotCrashed) {
  EXPECT_FALSE(IsValidUtf8("Kim\xFF\xFEJong"));
  EXPECT_EQ(ToLatinAscii("Kim \xC3 Jong \xE2\x82"), "kim  jong ");
  EXPECT_TRUE(IsValidUtf8("Müller"));
}

TEST(TransliterateTest, HangulSyllablesRomaniseOneTokenEach) {
  EXPECT_EQ(RomanizeHangul("최룡해"), "choe ryong hae");
  EXPECT_EQ(RomanizeHangul("박 한세"), "pak han se");
}

}  // namespace
}  // namespace embargo::text
