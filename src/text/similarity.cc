#include "text/similarity.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/name_tables.h"
#include "text/phonetic.h"

namespace embargo::text {
namespace {

using namespace scoring;  // the edit costs and similarity tiers

bool CloseVowels(char x, char y) {
  return (x == 'o' && y == 'u') || (x == 'u' && y == 'o') || (x == 'e' && y == 'i') ||
         (x == 'i' && y == 'e');
}

float IndelCost(char c) {
  if (IsVowel(c)) return kVowelCost;
  if (c == 'h') return kSoftConsonantCost;
  return kConsonantCost;
}

// A lower bound of FoldedEditSimilarity's cost from the letters alone,
// whatever their order: a letter of one token that the other lacks is
// touched by some edit, an edit touches at most one letter of each token,
// an edit touching a consonant other than 'h' costs kConsonantCost, any
// other at least kMinVowelEditCost. Linear in the lengths: it spares most
// of the alignments that could not reach the floor.
float LetterBagCost(std::string_view a, std::string_view b) {
  std::array<int8_t, 256> diff{};  // count in a minus count in b (tokens are < 64 letters)
  for (char c : a) ++diff[static_cast<unsigned char>(c)];
  for (char c : b) --diff[static_cast<unsigned char>(c)];
  int consonants[2] = {0, 0}, others[2] = {0, 0};  // unmatched letters of a, of b
  auto take = [&](char c, int side) {
    int8_t& d = diff[static_cast<unsigned char>(c)];
    int n = side == 0 ? d : -d;
    if (n <= 0) return;
    (IsVowel(c) || c == 'h' ? others : consonants)[side] += n;
    d = 0;
  };
  for (char c : a) take(c, 0);
  for (char c : b) take(c, 1);
  int consonant_edits = std::max(consonants[0], consonants[1]);
  int other_edits = std::max(0, std::max(others[0], others[1]) - consonant_edits);
  return static_cast<float>(consonant_edits) * kConsonantCost +
         static_cast<float>(other_edits) * kMinVowelEditCost;
}

// A word read from Arabic script ending in y after a consonant ("hsny",
// "mhmdy"): the long vowel i.
bool EndsInLongI(const std::string& norm) {
  if (norm.size() < 3 || norm.back() != 'y') return false;
  char before = norm[norm.size() - 2];
  return !IsVowel(before) && before != 'w' && before != 'y';
}

// A word read from Arabic script starts with an alef or an ain whose vowel
// the script does not write (عمر amr, عثمان athman, إ aside): read with the
// first vowel of the Latin spelling it meets (OMAR, OTHMAN), and with a w
// or y after it, as the long u or i (العوني awny: OUNI; عيسى aysa: ISSA).
// Empty when either side starts with a consonant (y reads as the vowel i in
// the fold: the romanised letters as written decide).
std::array<std::string, 2> UnwrittenFirstVowel(const Token& arabic, const std::string& latin) {
  const std::string& base = arabic.vowelled.empty() ? arabic.fold : arabic.vowelled;
  if (arabic.norm.empty() || arabic.norm[0] != 'a' || base.size() < 3 || base[0] != 'a' ||
      latin.empty() || !IsVowel(latin[0]))
    return {};
  std::array<std::string, 2> reads;
  if (latin[0] != 'a') reads[0] = latin[0] + base.substr(1);
  if (base.size() >= 4 && (base[1] == 'v' || base[1] == 'i') && !IsVowel(base[2]))
    reads[1] = (base[1] == 'v' ? "u" : "i") + base.substr(2);
  return reads;
}

}  // namespace

bool GenderedGivenNameForms(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() == b.size()) {
    return a.size() >= 5 && a.substr(0, a.size() - 1) == b.substr(0, b.size() - 1) &&
           ((a.back() == 'a' && b.back() == 'o') || (a.back() == 'o' && b.back() == 'a'));
  }
  return a.size() >= 4 && a.back() == 'l' && b.size() == a.size() + 2 &&
         b.compare(0, a.size(), a) == 0 && b.substr(a.size()) == "le";
}

bool IsAbjadSkeleton(std::string_view norm) {
  return norm.size() >= 3 && std::none_of(norm.begin(), norm.end(), IsVowel);
}

std::string_view TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kNone: return "none";
    case TokenMatchKind::kExact: return "exact";
    case TokenMatchKind::kVariant: return "variant";
    case TokenMatchKind::kFuzzy: return "fuzzy";
    case TokenMatchKind::kInitial: return "initial";
    case TokenMatchKind::kNickname: return "nickname";
    case TokenMatchKind::kAcronym: return "acronym";
  }
  return "none";
}

float FoldedEditSimilarity(std::string_view a, std::string_view b, float floor) {
  size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) return n == m ? 1.0f : 0.0f;
  size_t longer = std::max(n, m);
  // Costs above this give a similarity below the floor (a little slack for
  // float rounding: the exact result is computed whenever it may reach it).
  const float max_cost = (1.0f - floor) * static_cast<float>(longer) + 1e-4f;
  // Each length difference costs at least a vowel insertion.
  const float length_cost = static_cast<float>(longer - std::min(n, m)) * kVowelCost;
  if (length_cost > kMaxLengthGapShare * static_cast<float>(longer) || length_cost > max_cost)
    return 0;
  constexpr size_t kMax = 64;
  if (n >= kMax || m >= kMax) return a == b ? 1.0f : 0.0f;
  if (LetterBagCost(a, b) > max_cost) return 0;
  // Damerau-Levenshtein (optimal string alignment) with weighted costs,
  // three rolling rows: i-2, i-1, i. Each letter's class and indel cost are
  // read once, not per cell. Only the cells written are read: no zeroing.
  std::array<bool, kMax> b_vowel;
  std::array<float, kMax> b_indel;  // b_indel[j]: cost of b[j - 1] in or out
  for (size_t j = 1; j <= m; ++j) {
    b_vowel[j] = IsVowel(b[j - 1]);
    b_indel[j] = j == 1 && b_vowel[j] ? kInitialVowelIndelCost : IndelCost(b[j - 1]);
  }
  std::array<float, kMax> rows[3];
  float* before = rows[0].data();
  float* previous = rows[1].data();
  float* current = rows[2].data();
  previous[0] = 0;
  for (size_t j = 1; j <= m; ++j) previous[j] = previous[j - 1] + b_indel[j];
  float previous_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    const char x = a[i - 1];
    const bool x_vowel = IsVowel(x);
    const float a_indel = i == 1 && x_vowel ? kInitialVowelIndelCost : IndelCost(x);
    current[0] = previous[0] + a_indel;
    float current_min = current[0];
    for (size_t j = 1; j <= m; ++j) {
      const char y = b[j - 1];
      float substitution = 0;
      if (x != y) {
        substitution = kConsonantCost;
        if (x_vowel && b_vowel[j]) {
          substitution = CloseVowels(x, y)  ? kVowelCloseCost
                         : i == 1 && j == 1 ? kInitialVowelCost
                                            : kVowelCost;
        }
      }
      float best = std::min(previous[j] + a_indel, current[j - 1] + b_indel[j]);
      best = std::min(best, previous[j - 1] + substitution);
      if (x != y && i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y) {
        best = std::min(best, before[j - 2] + kTranspositionCost);
      }
      current[j] = best;
      current_min = std::min(current_min, best);
    }
    // Every alignment passes through this row, or jumps over it from the
    // row before by a transposition: neither can end below these costs.
    if (std::min(current_min, previous_min + kTranspositionCost) > max_cost) return 0;
    previous_min = current_min;
    std::swap(before, previous);  // the old i-2 row is reused as the next row
    std::swap(previous, current);
  }
  float cost = previous[m];
  float similarity = 1.0f - cost / static_cast<float>(longer);
  // Short tokens: one consonant change is a different name (Kim / Kil).
  if (longer <= 3 && cost >= kConsonantCost) return 0;
  if (similarity < floor) return 0;
  return std::max(0.0f, similarity);
}

namespace {

// Token similarity of two spellings as written (CompareTokens, before a
// Latin spelling is read in another convention).
TokenSimilarity CompareSpellings(const Token& a, const Token& b, float floor) {
  if (a.norm == b.norm) return {1.0f, TokenMatchKind::kExact};
  if (a.role == TokenRole::kNumber || b.role == TokenRole::kNumber) return {};
  if (a.norm.size() == 1 || b.norm.size() == 1) {
    const std::string& full = a.norm.size() == 1 ? b.norm : a.norm;
    const std::string& initial = a.norm.size() == 1 ? a.norm : b.norm;
    if (full.size() > 1 && full[0] == initial[0])
      return {kInitialSimilarity, TokenMatchKind::kInitial};
    return {};
  }
  if (a.key[0] == '=' && a.key == b.key) return {kVariantSimilarity, TokenMatchKind::kVariant};
  if (a.fold == b.fold) return {kVariantSimilarity, TokenMatchKind::kVariant};
  floor = std::max(floor, kMinTokenSimilarity);
  float fuzzy = FoldedEditSimilarity(a.fold, b.fold, floor);
  // A misspelling of one member of a variant group (Serej for Sergej) is
  // as close to every other member (Sergei, Sergey).
  for (const Token* group : {&a, &b}) {
    const Token* other = group == &a ? &b : &a;
    if (group->key[0] != '=') continue;
    for (const std::string& member : VariantGroupFolds(std::string_view(group->key).substr(1)))
      fuzzy = std::max(fuzzy, FoldedEditSimilarity(other->fold, member, std::max(floor, fuzzy)));
  }
  // Read from Arabic script against a Latin spelling: its w and y may be
  // the long vowels the Latin writes (nwr / Nur, amyn / Amin).
  if (a.abjad != b.abjad && fuzzy < kMaxFuzzySimilarity) {
    const Token& arabic = a.abjad ? a : b;
    const Token& latin = a.abjad ? b : a;
    if (!arabic.vowelled.empty() && arabic.vowelled != arabic.fold)
      fuzzy = std::max(fuzzy,
                       FoldedEditSimilarity(arabic.vowelled, latin.fold, std::max(floor, fuzzy)));
    // The first vowel chosen costs as a close vowel (o / u) does.
    for (const std::string& read : UnwrittenFirstVowel(arabic, latin.fold)) {
      if (read.empty()) continue;
      float chosen = kVowelCloseCost / static_cast<float>(std::max(read.size(), latin.fold.size()));
      fuzzy = std::max(
          fuzzy, FoldedEditSimilarity(read, latin.fold, std::max(floor, fuzzy) + chosen) - chosen);
    }
  }
  // A word read from Arabic script that ends in the long vowel i (ی / ي
  // after a consonant: the nisba of حسنی HASANI, محمدی MOHAMMADI) is not a
  // name ending in a consonant (HASAN, MOHAMMAD, محمد): another name from
  // the same stem, at most the weakest match, and no consonant-key variant.
  for (const Token* arabic : {&a, &b}) {
    const Token& other = arabic == &a ? b : a;
    if (arabic->abjad && EndsInLongI(arabic->norm) && !other.norm.empty() &&
        !IsVowel(other.norm.back()) && other.norm.back() != 'y') {
      fuzzy = std::min(fuzzy, kMinTokenSimilarity);
      if (fuzzy < kMinTokenSimilarity) return {};
      return {fuzzy, TokenMatchKind::kFuzzy};
    }
  }
  // Abjad transliterations carry no vowels ("mhmd"): same skeleton is a
  // variant. (Not against a name transcribed in syllables, which writes
  // every vowel: くみこ is no skeleton of CMC.)
  if (fuzzy < kSkeletonSimilarity && !a.transcribed && !b.transcribed &&
      (IsAbjadSkeleton(a.norm) || IsAbjadSkeleton(b.norm))) {
    std::string ka = SkeletonKey(a.fold), kb = SkeletonKey(b.fold);
    if (ka == kb && ka.size() >= 3) return {kSkeletonSimilarity, TokenMatchKind::kVariant};
  }
  // Read from Arabic script: the same consonants, long vowels as w and y.
  if (fuzzy < kSkeletonSimilarity && (a.abjad || b.abjad)) {
    std::string ka = AbjadKey(a.fold), kb = AbjadKey(b.fold);
    if (ka == kb && ka.size() >= kMinAbjadKeyLetters)
      return {kSkeletonSimilarity, TokenMatchKind::kVariant};
  }
  // A foreign name transcribed into Han or kana syllables keeps its
  // consonants (beilake / barack, aobama / obama).
  // (Not against letters without a vowel: CMC is an acronym, not くみこ.)
  if (fuzzy < kTranscriptionSimilarity && (a.transcribed || b.transcribed) &&
      std::any_of(a.norm.begin(), a.norm.end(), IsVowel) &&
      std::any_of(b.norm.begin(), b.norm.end(), IsVowel)) {
    std::string ka = TranscriptionKey(a.fold), kb = TranscriptionKey(b.fold);
    if (ka == kb && ka.size() >= 2) return {kTranscriptionSimilarity, TokenMatchKind::kVariant};
  }
  if (fuzzy < kMinTokenSimilarity) return {};
  return {std::min(fuzzy, kMaxFuzzySimilarity), TokenMatchKind::kFuzzy};
}

// CompareSpellings of a and b with one of them (a when `read_a`) spelled
// `reading` instead, as another convention writes it.
TokenSimilarity CompareReading(const Token& a, const Token& b, bool read_a, std::string reading,
                               float floor) {
  Token read = read_a ? a : b;
  read.fold = Fold(reading);
  read.norm = std::move(reading);
  return read_a ? CompareSpellings(read, b, floor) : CompareSpellings(a, read, floor);
}

}  // namespace

float PlainEditSimilarity(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) return n == m ? 1.0f : 0.0f;
  // Optimal string alignment: an adjacent transposition (STRAEM / STREAM)
  // is one edit. Rows i-2, i-1, i.
  std::vector<size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return 1.0f - static_cast<float>(previous[m]) / static_cast<float>(std::max(n, m));
}

TokenSimilarity CompareTokens(const Token& a, const Token& b, float floor) {
  TokenSimilarity as_spelled = CompareSpellings(a, b, floor);
  // A Latin spelling in French convention against a token read from Arabic
  // script: also as English convention writes it (LOUNICI as lounisi).
  if (a.abjad != b.abjad && as_spelled.score < kMaxFuzzySimilarity) {
    const Token& latin = a.abjad ? b : a;
    for (std::string english :
         {FrenchConventionSpelling(latin.norm), EgyptianConventionSpelling(latin.norm)}) {
      if (english.empty()) continue;
      TokenSimilarity as_read = CompareReading(a, b, &latin == &a, std::move(english), floor);
      if (as_read.score > as_spelled.score) as_spelled = as_read;
    }
    return as_spelled;
  }
  // Two Latin spellings, one in French convention (ALLOUCH / ALLUSH,
  // CHERIF / SHARIF): that one also as English convention writes it, at most
  // a variant.
  if (!a.abjad && !b.abjad && as_spelled.score < kVariantSimilarity) {
    for (const Token* other : {&a, &b}) {
      for (std::string english : {FrenchConventionSpelling(other->norm, /*digraphs_only=*/true),
                                  EgyptianConventionSpelling(other->norm)}) {
        if (english.empty()) continue;
        TokenSimilarity as_read = CompareReading(a, b, other == &a, std::move(english), floor);
        if (as_read.score >= kVariantSimilarity)
          as_read = {kVariantSimilarity, TokenMatchKind::kVariant};
        if (as_read.score > as_spelled.score && MayBeFrenchConvention(a.norm) &&
            MayBeFrenchConvention(b.norm))
          as_spelled = as_read;
      }
    }
  }
  return as_spelled;
}

}  // namespace embargo::text
