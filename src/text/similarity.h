// Similarity of two name tokens in [0, 1], and what kind of match it is.
// Exact spelling scores 1; same variant group or same spelling fold 0.95;
// otherwise a weighted edit distance on the folds, where vowel changes and
// insertions cost less than consonant changes (romanisations disagree on
// vowels far more than on consonants). Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "scoring/constants.h"
#include "text/name_analyzer.h"

namespace embargo::text {

enum class TokenMatchKind : uint8_t {
  kNone,
  kExact,
  kVariant,
  kFuzzy,
  kInitial,
  kNickname,
  kAcronym
};
std::string_view TokenMatchKindName(TokenMatchKind kind);

struct TokenSimilarity {
  float score = 0;
  TokenMatchKind kind = TokenMatchKind::kNone;
};

// Token similarity's constants (scoring/constants.h).
using scoring::kMinTokenSimilarity;  // below: no match
using scoring::kNicknameSimilarity;
using scoring::kTranscriptionSimilarity;

// 1 - edit distance / the longer length, over the bytes as written (no
// fold; an insertion, deletion, substitution or transposition of neighbours
// costs 1): how far two spellings are on the page.
float PlainEditSimilarity(std::string_view a, std::string_view b);

// `floor`: the caller discards scores below it, so the edit distance may
// stop as soon as it cannot reach it (the result is then kNone). Scores at
// or above the floor are the same as without one.
TokenSimilarity CompareTokens(const Token& a, const Token& b, float floor = kMinTokenSimilarity);

// Whether a romanised token is an abjad (Arabic/Persian script) word written
// without vowels, such as "hsyn": y and w there stand for long vowels.
bool IsAbjadSkeleton(std::string_view norm);

// A given name's masculine and feminine forms, written in Latin letters:
// one ends in a where the other ends in o (JULIA / JULIO, five letters or
// more: Tajik writes MUSO for Musa), or adds le to the other (DANIEL /
// DANIELLE): two people's names, not a typo. Said of spellings as written
// (lowercase ASCII). (A added to a consonant, MARTIN / MARTINA, is left
// out: a typo drops the a of TATIANA, USAMA as often.)
bool GenderedGivenNameForms(std::string_view a, std::string_view b);

// 1 - weighted edit distance / longer length, on folded strings; 0 when
// below `floor` (the distance stops once no alignment can reach it).
float FoldedEditSimilarity(std::string_view a, std::string_view b, float floor = 0);

}  // namespace embargo::text
