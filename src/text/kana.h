// Japanese kana to Hepburn romaji, as names written in katakana need it:
// yoon (キャ kya), foreign-sound combinations (ファ fa, ティ ti, ウィ wi), the
// small tsu doubling the next consonant, the long-vowel mark dropped, and
// the middle dot (バラク・オバマ) as a word break. ICU's Katakana-Latin gives
// "kimu・ji~yon'un", which matches nothing. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// Romanises the hiragana and katakana in `utf8`, leaving other characters
// unchanged.
std::string RomanizeKana(std::string_view utf8);

// Whether `utf8` holds any hiragana or katakana.
bool HasKana(std::string_view utf8);

}  // namespace embargo::text
