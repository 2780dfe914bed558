// Chinese names in Latin letters: syllables of Hanyu Pinyin, Wade-Giles or
// Cantonese romanisation (Zhang / Chang / Cheung), a family name among the
// common ones. As with Korean names (text/korean.h), a syllable that differs
// is another syllable (hao / hai, zhang / zhong), not a typo. Pure functions
// over immutable tables; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace embargo::text {

// Whether `latin` (lowercase, apostrophes removed) is one Chinese syllable
// in Pinyin, Wade-Giles or a common Cantonese spelling.
bool IsChineseSyllable(std::string_view latin);

// Whether `latin` is a common Chinese family name in some romanisation.
bool IsChineseSurname(std::string_view latin);

// Whether a name of these lowercase tokens reads as Chinese: two to four
// parts, each a syllable (a given name may be two syllables written as one,
// Jinping), and a family name first, last or before the comma.
bool LooksChinese(const std::vector<std::string_view>& tokens, size_t before_comma);

}  // namespace embargo::text
