// Khmer script to Latin letters (close to the UNGEGN system), which ICU 72
// does not transliterate at all: consonants with their inherent vowel where
// a syllable has no written vowel (ពត -> "pot"), dependent and independent
// vowels, subscript consonants (coeng) as clusters, the musikatoan that
// makes ប a "p" (ប៉ុល -> "pol"). Approximate by design: enough to compare
// a name with its romanised listing. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// Romanises the Khmer letters in `utf8`, leaving other characters unchanged.
std::string RomanizeKhmer(std::string_view utf8);

}  // namespace embargo::text
