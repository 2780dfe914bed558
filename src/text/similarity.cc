#include "text/similarity.h"

#include <algorithm>
#include <array>

#include "text/name_tables.h"
#include "text/phonetic.h"

namespace embargo::text {
namespace {

using namespace scoring;  // the edit costs and similarity tiers

float SubstitutionCost(char a, char b) {
  if (a == b) return 0;
  bool va = IsVowel(a), vb = IsVowel(b);
  if (va && vb) {
    auto close = [](char x, char y) {
      return (x == 'o' && y == 'u') || (x == 'u' && y == 'o') || (x == 'e' && y == 'i') ||
             (x == 'i' && y == 'e');
    };
    return close(a, b) ? kVowelCloseCost : kVowelCost;
  }
  return kConsonantCost;
}

float IndelCost(char c) {
  if (IsVowel(c)) return kVowelCost;
  if (c == 'h') return kSoftConsonantCost;
  return kConsonantCost;
}

}  // namespace

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
  // Damerau-Levenshtein (optimal string alignment) with weighted costs,
  // three rolling rows: i-2, i-1, i.
  auto indel = [](const std::string_view s, size_t k) {
    return k == 0 && IsVowel(s[0]) ? kInitialVowelIndelCost : IndelCost(s[k]);
  };
  auto substitute = [](char x, char y, bool initial) {
    float cost = SubstitutionCost(x, y);
    return initial && cost == kVowelCost ? kInitialVowelCost : cost;
  };
  std::array<float, kMax> b_indel{};
  for (size_t j = 1; j <= m; ++j) b_indel[j] = indel(b, j - 1);
  std::array<float, kMax> rows[3] = {};
  float* before = rows[0].data();
  float* previous = rows[1].data();
  float* current = rows[2].data();
  previous[0] = 0;
  for (size_t j = 1; j <= m; ++j) previous[j] = previous[j - 1] + b_indel[j];
  float previous_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    const float a_indel = indel(a, i - 1);
    current[0] = previous[0] + a_indel;
    float current_min = current[0];
    for (size_t j = 1; j <= m; ++j) {
      float best = std::min(previous[j] + a_indel, current[j - 1] + b_indel[j]);
      best = std::min(best, previous[j - 1] + substitute(a[i - 1], b[j - 1], i == 1 && j == 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1]) {
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

TokenSimilarity CompareTokens(const Token& a, const Token& b, float floor) {
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
  // Abjad transliterations carry no vowels ("mhmd"): same skeleton is a variant.
  if (fuzzy < kSkeletonSimilarity && (IsAbjadSkeleton(a.norm) || IsAbjadSkeleton(b.norm))) {
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
  if (fuzzy < kTranscriptionSimilarity && (a.transcribed || b.transcribed)) {
    std::string ka = TranscriptionKey(a.fold), kb = TranscriptionKey(b.fold);
    if (ka == kb && ka.size() >= 2) return {kTranscriptionSimilarity, TokenMatchKind::kVariant};
  }
  if (fuzzy < kMinTokenSimilarity) return {};
  return {std::min(fuzzy, kMaxFuzzySimilarity), TokenMatchKind::kFuzzy};
}

}  // namespace embargo::text
