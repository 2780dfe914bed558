// The token scorer (text/similarity.h) on its own: the similarity tiers,
// the weighted edit distance's costs, and the floor that lets it stop early
// without changing any score at or above the floor.
#include "text/similarity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scoring/constants.h"
#include "text/name_analyzer.h"
#include "text/phonetic.h"

namespace embargo::text {
namespace {

TokenSimilarity Compare(const std::string& a, const std::string& b, float floor = 0.6f) {
  return CompareTokens(MakeToken(a, TokenRole::kName), MakeToken(b, TokenRole::kName), floor);
}

TEST(SimilarityTest, TiersFromExactToNone) {
  EXPECT_EQ(Compare("kasim", "kasim").score, 1.0f);
  EXPECT_EQ(Compare("kasim", "kasim").kind, TokenMatchKind::kExact);
  // Same variant group, same fold: a spelling variant.
  EXPECT_EQ(Compare("sergey", "sergei").score, scoring::kVariantSimilarity);
  EXPECT_EQ(Compare("gaddafi", "qadhafi").kind, TokenMatchKind::kVariant);
  // An initial against a part with its first letter, and against another.
  EXPECT_EQ(Compare("m", "mohammad").score, scoring::kInitialSimilarity);
  EXPECT_EQ(Compare("m", "ahmad").kind, TokenMatchKind::kNone);
  // Short tokens: one consonant changed is another name.
  EXPECT_EQ(Compare("kim", "kil").kind, TokenMatchKind::kNone);
  // A fuzzy match never reaches a spelling variant.
  TokenSimilarity typo = Compare("abdurrahman", "abdurahmen");
  EXPECT_EQ(typo.kind, TokenMatchKind::kFuzzy);
  EXPECT_LE(typo.score, scoring::kMaxFuzzySimilarity);
}

TEST(SimilarityTest, EditCostsWeighVowelsLessThanConsonants) {
  // Folds "sols" / "sulse": o->u (close vowels) and an e added.
  float expected = 1.0f - (scoring::kVowelCloseCost + scoring::kVowelCost) / 5.0f;
  EXPECT_FLOAT_EQ(FoldedEditSimilarity("sols", "sulse"), expected);
  EXPECT_FLOAT_EQ(FoldedEditSimilarity("hasan", "hasen"), 1.0f - scoring::kVowelCost / 5.0f);
  EXPECT_FLOAT_EQ(FoldedEditSimilarity("hasan", "hasam"), 1.0f - scoring::kConsonantCost / 5.0f);
  EXPECT_FLOAT_EQ(FoldedEditSimilarity("hasan", "ahsan"),
                  1.0f - scoring::kTranspositionCost / 5.0f);
  // Lengths too far apart are not compared: each missing letter counts at
  // least a vowel's cost, and 19 of 21 exceed kMaxLengthGapShare.
  EXPECT_GT(FoldedEditSimilarity("al", "alexandrovich"), 0.0f);
  EXPECT_EQ(FoldedEditSimilarity("al", "alexandrovichbogdanov"), 0.0f);
}

TEST(SimilarityTest, AFloorNeverChangesAScoreAtOrAboveIt) {
  const std::vector<std::string> names = {
      "mohammad", "muhammad",  "mohamed",   "mahmoud",   "ahmad",     "ahmed",   "hamid",
      "hassan",   "hussein",   "husayn",    "hosseini",  "kasim",     "qasim",   "kassem",
      "sergey",   "serej",     "sergei",    "scholz",    "schulze",   "schultz", "yong",
      "young",    "yeong",     "song",      "jong",      "chong",     "ri",      "lee",
      "gaddafi",  "qadhafi",   "kadafi",    "abdullah",  "abdallah",  "abdul",   "vladimir",
      "wladimir", "volodymyr", "aleksandr", "alexander", "oleksandr", "maria",   "marya"};
  int compared = 0, above = 0;
  for (const std::string& a : names) {
    for (const std::string& b : names) {
      TokenSimilarity full = Compare(a, b, 0.0f);
      for (float floor : {0.6f, 0.7f, 0.8f, 0.9f}) {
        TokenSimilarity cut = Compare(a, b, floor);
        ++compared;
        if (full.score >= floor) {
          ++above;
          EXPECT_EQ(cut.score, full.score) << a << " / " << b << " floor " << floor;
          EXPECT_EQ(cut.kind, full.kind) << a << " / " << b << " floor " << floor;
        } else {
          EXPECT_LT(cut.score, floor) << a << " / " << b << " floor " << floor;
        }
      }
    }
  }
  EXPECT_GT(above, compared / 20);  // the deck holds close pairs, not only strangers
}

// A part read from Arabic script shows no short vowels and writes the long
// ones as w and y: it meets a Latin spelling when the consonants agree, four
// of them at least (fewer say too little).
TEST(SimilarityTest, ArabicScriptPartsMeetLatinSpellingsByTheirConsonants) {
  auto part = [](const char* arabic) {
    AnalyzedName a = AnalyzeName(arabic, Schema::kPerson);
    EXPECT_EQ(a.tokens.size(), 1u) << arabic;
    EXPECT_TRUE(a.tokens[0].abjad) << arabic;
    return a.tokens[0];
  };
  auto latin = [](const char* norm) { return MakeToken(norm, TokenRole::kName); };
  EXPECT_EQ(AbjadKey("mhmt"), "mhmt");
  EXPECT_EQ(AbjadKey("mohamat"), "mhmt");
  EXPECT_EQ(AbjadKey("mslvm"), "mslm");  // mzlwm: the w is a long u
  EXPECT_EQ(AbjadKey("vali"), "vl");     // an initial w is a consonant
  // مصطفى (mstfy) / Mustafa, مزلوم (mzlwm) / Mazloom: the same consonants.
  EXPECT_EQ(CompareTokens(part("مصطفى"), latin("mustafa")).score, scoring::kSkeletonSimilarity);
  EXPECT_GE(CompareTokens(part("مزلوم"), latin("mazloom")).score, scoring::kSkeletonSimilarity);
  // شاکری (shakry) / Asghar: "skr" is three consonants, too few to tell.
  EXPECT_LT(CompareTokens(part("شاکری"), latin("asghar")).score, scoring::kSkeletonSimilarity);
}

}  // namespace
}  // namespace embargo::text
