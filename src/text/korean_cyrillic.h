// A Korean name written in Cyrillic the Russian way (the Kontsevich system
// and the older tradition it grew from: Ким Чен Ын, Ким Ир Сен, Чхве Рён
// Хэ, Пак Пон Чжу), read as the Hangul it stands for (김정은), so that it
// meets the lists' romanisations through the Korean syllable rules: read
// as Russian (Kim Chen Yn) its syllables are no romanisation of Korean. A
// name qualifies when it is two to four words (spaces and hyphens apart),
// the first a Korean family name in Cyrillic and every other a Korean
// syllable as Russian writes it; where Russian spelling merges syllables
// (Чон: 정 or 종 or 전) the one most given names use is read. Pure
// function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo::text {

// The Hangul reading of `name` (UTF-8) when it reads as a Korean name in
// Cyrillic, else "".
std::string KoreanReadingOfCyrillic(std::string_view name);

}  // namespace embargo::text
