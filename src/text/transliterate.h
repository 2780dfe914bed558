// Any script to lowercase ASCII Latin, the common form every name is
// compared in. Hangul goes through embargo's own syllable romaniser (DPRK/
// McCune-Reischauer style, one token per syllable: 김정은 -> "kim chong un");
// every other script through ICU (NFKC, Russian-Latin/BGN for Cyrillic,
// Any-Latin, Latin-ASCII). Bytes that are not UTF-8 (common/utf8.h) are
// dropped. Thread-safe: each thread uses its own ICU transliterator.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// Lowercase ASCII form of `utf8`. Pure-ASCII input takes a fast path.
std::string ToLatinAscii(std::string_view utf8);

// Romanises the Hangul syllables in `utf8` (U+AC00..U+D7A3), one
// space-separated token per syllable, leaving other characters unchanged.
std::string RomanizeHangul(std::string_view utf8);

}  // namespace embargo::text
