// The lookup key of a short field value in any script, so that a table of
// spellings matches however the value is cased, accented or spaced:
// NFKD, combining marks removed, case folded, only letters and digits kept,
// recomposed (NFC, so Hangul stays syllables). "Côte d’Ivoire" and
// "COTE DIVOIRE" give "cotedivoire"; "대한 민국" gives "대한민국". Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::input {

std::string FoldedKey(std::string_view utf8);

}  // namespace embargo::input
