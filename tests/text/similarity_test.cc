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

// The weighted edit distance as its definition states it: every cell of
// the table, no floor, no early exit, no bound. The scorer's shortcuts
// (length gap, letter-bag bound, row minimum) must never change a result
// at or above the floor.
float ReferenceSimilarity(const std::string& a, const std::string& b) {
  using namespace scoring;
  auto vowel = [](char c) { return IsVowel(c); };
  auto indel = [&](const std::string& s, size_t k) {
    if (k == 0 && vowel(s[0])) return kInitialVowelIndelCost;
    return vowel(s[k]) ? kVowelCost : s[k] == 'h' ? kSoftConsonantCost : kConsonantCost;
  };
  auto substitute = [&](char x, char y, bool initial) {
    if (x == y) return 0.0f;
    if (!vowel(x) || !vowel(y)) return kConsonantCost;
    bool close = (x == 'o' && y == 'u') || (x == 'u' && y == 'o') || (x == 'e' && y == 'i') ||
                 (x == 'i' && y == 'e');
    return close ? kVowelCloseCost : initial ? kInitialVowelCost : kVowelCost;
  };
  size_t n = a.size(), m = b.size();
  std::vector<std::vector<float>> d(n + 1, std::vector<float>(m + 1, 0));
  for (size_t i = 1; i <= n; ++i) d[i][0] = d[i - 1][0] + indel(a, i - 1);
  for (size_t j = 1; j <= m; ++j) d[0][j] = d[0][j - 1] + indel(b, j - 1);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      float best = std::min(d[i - 1][j] + indel(a, i - 1), d[i][j - 1] + indel(b, j - 1));
      best = std::min(best, d[i - 1][j - 1] + substitute(a[i - 1], b[j - 1], i == 1 && j == 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1])
        best = std::min(best, d[i - 2][j - 2] + kTranspositionCost);
      d[i][j] = best;
    }
  }
  float cost = d[n][m];
  size_t longer = std::max(n, m);
  if (longer <= 3 && cost >= kConsonantCost) return 0;
  return std::max(0.0f, 1.0f - cost / static_cast<float>(longer));
}

TEST(SimilarityTest, ShortcutsAgreeWithTheFullTable) {
  const std::vector<std::string> names = {"mohammad", "mahmoud",  "hussein",   "hosseini",  "qasim",
                                          "schulze",  "scholz",   "sergey",    "yong",      "chong",
                                          "gaddafi",  "abdullah", "volodymyr", "oleksandr", "ri",
                                          "kim",      "ahsan",    "ibrahim",   "tkachenko"};
  // Each name and every one-edit variant of it (deletion, substitution by a
  // vowel, 'h' or a consonant, transposition) and two-edit variants of some.
  std::vector<std::string> words;
  const std::string letters = "aeiouhkstr";
  for (const std::string& name : names) {
    words.push_back(name);
    for (size_t i = 0; i < name.size(); ++i) {
      words.push_back(name.substr(0, i) + name.substr(i + 1));
      for (char c : letters) {
        if (c == name[i]) continue;
        std::string changed = name;
        changed[i] = c;
        words.push_back(changed);
        if (i + 2 < name.size()) words.push_back(changed.substr(0, i + 2) + name.substr(i + 3));
      }
      if (i + 1 < name.size()) {
        std::string swapped = name;
        std::swap(swapped[i], swapped[i + 1]);
        words.push_back(swapped);
      }
    }
  }
  size_t checked = 0, above = 0;
  for (const std::string& name : names) {
    for (const std::string& w : words) {
      float full = ReferenceSimilarity(name, w);
      for (float floor : {0.6f, 0.7f, 0.8f, 0.9f}) {
        float got = FoldedEditSimilarity(name, w, floor);
        ++checked;
        if (full >= floor) {
          ++above;
          EXPECT_NEAR(got, full, 1e-6) << name << " / " << w << " floor " << floor;
        } else {
          EXPECT_EQ(got, 0.0f) << name << " / " << w << " floor " << floor;
        }
      }
    }
  }
  EXPECT_GT(checked, 50000u);
  EXPECT_GT(above, checked / 40);  // near pairs, where the shortcuts must not cut
}

// In a token read from Arabic script t before s or z is two letters (ت
// and ص in المتصدق), not the ts of Cyrillic ц that Fold() writes as s.
TEST(SimilarityTest, ArabicScriptKeepsTBeforeS) {
  EXPECT_EQ(Fold("mtsdq"), "mstk");
  EXPECT_EQ(FoldAbjad("mtsdq"), "mtstk");
  EXPECT_EQ(FoldAbjad("antsar"), "antsar");
  EXPECT_EQ(Fold("tsvetkov"), FoldAbjad("tsvetkov").substr(1));  // Latin ts stays one sound
  Token arabic = MakeToken("mtsdq", TokenRole::kName);
  ReadAsAbjad(arabic);
  EXPECT_EQ(arabic.fold, "mtstk");
  EXPECT_GE(CompareTokens(arabic, MakeToken("motassadeq", TokenRole::kName), 0.6f).score, 0.85f);
  EXPECT_LT(CompareTokens(MakeToken("mtsdq", TokenRole::kName),
                          MakeToken("motassadeq", TokenRole::kName), 0.6f)
                .score,
            0.85f);
}

// Read from Arabic script, w and y after a consonant may be the long vowels
// a Latin spelling writes: nwr meets Nur, hbyb Habib, nwry Nuri. The letters
// as written still count (alwy / Alvi), and a Latin token against another
// Latin token is not read that way.
TEST(SimilarityTest, ArabicLongVowelLettersMeetLatinVowels) {
  EXPECT_EQ(AbjadVowelled("nwr"), "nur");
  EXPECT_EQ(AbjadVowelled("hbyb"), "hbib");
  EXPECT_EQ(AbjadVowelled("ywsf"), "yusf");  // the first letter stays a consonant
  EXPECT_EQ(AbjadVowelled("awny"), "awni");  // w after a vowel stays
  auto arabic = [](const std::string& norm) {
    Token t = MakeToken(norm, TokenRole::kName);
    t.abjad = true;  // as AnalyzeName marks a name read from Arabic script
    t.vowelled = Fold(AbjadVowelled(norm));
    return t;
  };
  Token nur = MakeToken("nur", TokenRole::kName);
  EXPECT_GE(CompareTokens(arabic("nwr"), nur, 0.6f).score, 0.9f);
  EXPECT_GE(CompareTokens(nur, arabic("nwr"), 0.6f).score, 0.9f);
  EXPECT_GE(CompareTokens(arabic("hbyb"), MakeToken("habib", TokenRole::kName), 0.6f).score, 0.85f);
  EXPECT_GE(CompareTokens(arabic("alwy"), MakeToken("alvi", TokenRole::kName), 0.6f).score, 0.9f);
  // Without the Arabic reading "nwr" is a consonant skeleton, not Nur.
  EXPECT_LT(CompareTokens(MakeToken("nwr", TokenRole::kName), nur, 0.6f).score, 0.6f);
}

// Arabic script writes no vowel on a word's first alef or ain: عمر (amr)
// is OMAR or UMAR, عثمان OTHMAN, عماد IMED; with a w or y after it, the long
// u or i (العوني: OUNI). The chosen vowel costs as a close vowel does, so the
// match stays below the same spelling; a first letter read as a consonant
// (ياسين, y) gets no vowel, nor a Latin name starting with a consonant.
TEST(SimilarityTest, ArabicFirstVowelIsTheOneTheLatinWrites) {
  auto part = [](const char* arabic) {
    AnalyzedName a = AnalyzeName(arabic, Schema::kPerson);
    EXPECT_EQ(a.tokens.size(), 1u) << arabic;
    return a.tokens.back();
  };
  auto latin = [](const char* norm) { return MakeToken(norm, TokenRole::kName); };
  EXPECT_GE(CompareTokens(part("عمر"), latin("omar")).score, 0.75f);
  EXPECT_GE(CompareTokens(latin("umar"), part("عمر")).score, 0.75f);
  EXPECT_GE(CompareTokens(part("عثمان"), latin("othman")).score, 0.9f);
  EXPECT_GE(CompareTokens(part("عماد"), latin("imed")).score, 0.8f);
  EXPECT_GE(CompareTokens(part("عوني"), latin("ouni")).score, 0.8f);
  EXPECT_LT(CompareTokens(part("عثمان"), latin("othman")).score, scoring::kVariantSimilarity);
  // Without the rule the first vowel costs as any first vowel does.
  EXPECT_LT(CompareTokens(latin("amr"), latin("omar")).score, 0.7f);
  EXPECT_LT(CompareTokens(part("ياسين"), latin("oasis")).score, 0.8f);
  EXPECT_LT(CompareTokens(part("عمر"), latin("tamar")).score, 0.8f);
}

// A given name's masculine and feminine forms, by spelling or by fold.
TEST(SimilarityTest, GenderedGivenNameForms) {
  EXPECT_TRUE(GenderedGivenNameForms("julia", "julio"));
  EXPECT_TRUE(GenderedGivenNameForms("mario", "maria"));
  EXPECT_TRUE(GenderedGivenNameForms("daniel", "danielle"));
  EXPECT_TRUE(GenderedGivenNameForms("danielle", "daniel"));
  EXPECT_FALSE(GenderedGivenNameForms("musa", "muso"));       // Tajik writes o for a
  EXPECT_FALSE(GenderedGivenNameForms("tatyan", "tatyana"));  // a typo as often as a name
  EXPECT_FALSE(GenderedGivenNameForms("martin", "martina"));
  EXPECT_FALSE(GenderedGivenNameForms("julia", "julie"));
  EXPECT_FALSE(GenderedGivenNameForms("karlo", "karl"));
}

// French convention (the Maghreb's lists) writes ش as ch, س before e and i
// as c, و before a vowel as ou: a Latin spelling so written meets the word
// read from Arabic script as the English convention's spelling would, and
// only then (two Latin spellings are compared as written).
TEST(SimilarityTest, FrenchConventionSpellingsMeetArabicScript) {
  EXPECT_EQ(FrenchConventionSpelling("lounici"), "lounisi");
  EXPECT_EQ(FrenchConventionSpelling("akkacha"), "akkasha");
  EXPECT_EQ(FrenchConventionSpelling("aouadi"), "awadi");
  EXPECT_EQ(FrenchConventionSpelling("schmidt"), "");  // sch is German: no rule applies
  EXPECT_EQ(FrenchConventionSpelling("hassan"), "");
  auto arabic = [](const char* name) {
    AnalyzedName a = AnalyzeName(name, Schema::kPerson);
    EXPECT_EQ(a.tokens.size(), 1u) << name;
    return a.tokens.back();
  };
  Token lounici = MakeToken("lounici", TokenRole::kName);
  EXPECT_GE(CompareTokens(arabic("لونيسي"), lounici, 0.6f).score, 0.9f);
  EXPECT_GE(CompareTokens(lounici, arabic("لونيسي"), 0.6f).score, 0.9f);
  EXPECT_GE(CompareTokens(arabic("علوش"), MakeToken("alouche", TokenRole::kName), 0.6f).score,
            0.85f);
  // Latin against Latin: c before i is no sign of French convention
  // (Spanish and Italian write it too): LOUNICI and LOUNISI are compared as
  // written, a consonant apart.
  EXPECT_LT(CompareTokens(lounici, MakeToken("lounisi", TokenRole::kName), 0.6f).score, 0.9f);
}

// How far two spellings are on the page: every edit costs 1, an adjacent
// transposition is one edit.
TEST(SimilarityTest, PlainEditSimilarityCountsEditsOfTheLettersAsWritten) {
  EXPECT_FLOAT_EQ(PlainEditSimilarity("putin", "petion"), 1.0f - 2.0f / 6.0f);
  EXPECT_FLOAT_EQ(PlainEditSimilarity("straem", "stream"), 1.0f - 1.0f / 6.0f);
  EXPECT_FLOAT_EQ(PlainEditSimilarity("hamas", "hamza"), 0.6f);
  EXPECT_FLOAT_EQ(PlainEditSimilarity("kim", "kim"), 1.0f);
  EXPECT_FLOAT_EQ(PlainEditSimilarity("", "abc"), 0.0f);
}

// Egyptian romanisation writes ج as g: before a, and gui after a vowel, it
// reads as the j other conventions write; the g of Spanish and other names
// (GOMEZ, MIGUEL, GURZHY) is left alone.
TEST(SimilarityTest, EgyptianGReadsAsTheJOfOtherConventions) {
  EXPECT_EQ(EgyptianConventionSpelling("ragab"), "rajab");
  EXPECT_EQ(EgyptianConventionSpelling("meguid"), "mejid");
  EXPECT_EQ(EgyptianConventionSpelling("hegazy"), "hejazy");
  EXPECT_EQ(EgyptianConventionSpelling("gomez"), "");
  EXPECT_EQ(EgyptianConventionSpelling("miguel"), "");
  EXPECT_EQ(EgyptianConventionSpelling("guillermo"), "");
  EXPECT_EQ(EgyptianConventionSpelling("gaza"), "");  // shorter than 5 letters
  Token naguib = MakeToken("naguib", TokenRole::kName);
  EXPECT_GE(CompareTokens(naguib, MakeToken("najib", TokenRole::kName), 0.6f).score, 0.95f);
  EXPECT_GE(CompareTokens(MakeToken("jabir", TokenRole::kName),
                          MakeToken("gaber", TokenRole::kName), 0.6f)
                .score,
            0.9f);
  EXPECT_LT(CompareTokens(MakeToken("gomez", TokenRole::kName),
                          MakeToken("james", TokenRole::kName), 0.6f)
                .score,
            0.8f);
}

// Between two Latin spellings, French convention's digraphs read as English
// convention writes them (ch as sh, ou before a vowel as w), at most a
// variant; not in a Chinese or Korean syllable (Chen and Shen are two names).
TEST(SimilarityTest, FrenchDigraphsMeetEnglishSpellingsBetweenLatinTokens) {
  EXPECT_EQ(FrenchConventionSpelling("marcel", /*digraphs_only=*/true), "");
  EXPECT_EQ(FrenchConventionSpelling("miguel", /*digraphs_only=*/true), "");
  EXPECT_EQ(FrenchConventionSpelling("bouchra", /*digraphs_only=*/true), "boushra");
  EXPECT_EQ(EnglishAsFrenchConvention("allush"), "allouch");
  EXPECT_EQ(EnglishAsFrenchConvention("ashur"), "achour");
  EXPECT_EQ(EnglishAsFrenchConvention("hassan"), "");
  EXPECT_TRUE(MayBeFrenchConvention("allouch"));
  EXPECT_FALSE(MayBeFrenchConvention("chen"));
  EXPECT_FALSE(MayBeFrenchConvention("chin"));
  auto latin = [](const char* t) { return MakeToken(t, TokenRole::kName); };
  TokenSimilarity s = CompareTokens(latin("allush"), latin("allouch"), 0.6f);
  EXPECT_FLOAT_EQ(s.score, 0.95f);
  EXPECT_EQ(s.kind, TokenMatchKind::kVariant);
  EXPECT_FLOAT_EQ(CompareTokens(latin("allouch"), latin("allush"), 0.6f).score, 0.95f);
  EXPECT_EQ(CompareTokens(latin("chen"), latin("shen"), 0.6f).kind, TokenMatchKind::kNone);
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

// A name transcribed in syllables (kana, Han) writes every vowel: CMC, an
// acronym, is neither a transcription of くみこ (kumiko, whose consonants it
// shares) nor its skeleton. Skeletons (hsyn, محمد) and transcribed names
// still meet their spellings so.
TEST(SimilarityTest, AnAcronymIsNoSkeletonNorTranscription) {
  auto part = [](const char* written) {
    AnalyzedName a = AnalyzeName(written, Schema::kPerson);
    EXPECT_EQ(a.tokens.size(), 1u) << written;
    return a.tokens.back();
  };
  Token cmc = MakeToken("cmc", TokenRole::kName);
  EXPECT_TRUE(part("くみこ").transcribed);
  EXPECT_LT(CompareTokens(part("くみこ"), cmc).score, 0.8f);  // two vowels in: a weak fuzzy match
  EXPECT_EQ(CompareTokens(part("くみこ"), cmc).kind, TokenMatchKind::kFuzzy);
  EXPECT_EQ(
      CompareTokens(MakeToken("hsyn", TokenRole::kName), MakeToken("husayn", TokenRole::kName))
          .score,
      scoring::kSkeletonSimilarity);
  EXPECT_EQ(CompareTokens(part("オバマ"), MakeToken("obama", TokenRole::kName)).score, 1.0f);
  EXPECT_GE(CompareTokens(part("محمد"), MakeToken("muhammad", TokenRole::kName)).score,
            scoring::kSkeletonSimilarity);
}

}  // namespace
}  // namespace embargo::text
