// Korean names in Latin letters, compared syllable by syllable. A Korean
// name is written as syllables (김영호 -> KIM YONG HO) in several
// romanisations (DPRK/McCune-Reischauer, Revised Romanisation, passport
// spellings: Ri/Lee/Yi, Yong/Young/Yeong, Chol/Cheol/Chul), and a syllable
// that differs in a consonant or vowel is another syllable, not a typo
// (yong / tong, min / man). ParseSyllable reads one romanised syllable into
// the sets of Hangul jamo it can stand for; two syllables are the same when
// their sets meet, with the ROK initial-sound rule (리/이, 로/노, 림/임).
// Pure functions over immutable tables; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace embargo::text {

// Bit sets over the Hangul jamo a romanised syllable may stand for: 19
// initials, 21 vowels, 28 finals (index 0 = no final), in Unicode order.
struct KoreanSyllable {
  uint32_t initials = 0;
  uint32_t vowels = 0;
  uint32_t finals = 0;
  bool valid() const { return vowels != 0; }
};

// The jamo sets of `latin` read as one romanised syllable ("young" ->
// ㅇ + ㅕ + ㅇ), or an invalid (empty) value when it cannot be one.
KoreanSyllable ParseKoreanSyllable(std::string_view latin);

// The jamo of one precomposed Hangul syllable (U+AC00..U+D7A3): exactly one
// initial, vowel and final; invalid for any other code point. A name
// written in Hangul is compared by what it says, not by its romanisation
// (중 is ㅜ, which "jung" shares with 정 and "jong" does not).
KoreanSyllable HangulSyllable(char32_t c);

// Whether two romanised syllables can be the same Hangul syllable.
bool SameKoreanSyllable(const KoreanSyllable& a, const KoreanSyllable& b);

// Whether `joined` ("youngho") can be read as the syllables `first` then
// `second` ("yong", "ho").
bool JoinedKoreanSyllables(std::string_view joined, const KoreanSyllable& first,
                           const KoreanSyllable& second);

// Whether `latin` is a Korean family name in some romanisation (kim, ri,
// lee, pak, park, choe, choi, ...).
bool IsKoreanSurname(std::string_view latin);

// Whether a name written as these lowercase tokens reads as a Korean name:
// two to four parts, each one romanised syllable, one of the parts where a
// family name stands (the first, the last, or the one before a comma,
// `before_comma` tokens in) a Korean family name.
bool LooksKorean(const std::vector<std::string_view>& tokens, size_t before_comma);

}  // namespace embargo::text
