// Lenient reading of a country or nationality as customers' files write
// it: embargo's table (model/country.h: ISO codes, official and list
// spellings, demonyms), ISO numeric codes, ICU's country names in every
// locale it has (including short and variant forms: "Corée du Nord",
// "Nordkorea", "북한", "朝鲜", "كوريا الشمالية"), and a few names ICU lacks
// ("한국", "조선", "朝鮮"). A name that stands for more than one country
// ("Korea", "Congo", "Virgin Islands") keeps every reading, with a warning.
// Pure; thread-safe (ICU's names are gathered once, on first use).
#pragma once

#include <string>
#include <string_view>

#include "input/field_reading.h"

namespace embargo::input {

// ISO 3166-1 alpha-2 codes, lowercase (the field is named "country" in
// warnings). Several readings are sorted.
FieldReading<std::string> ReadCountry(std::string_view text);

}  // namespace embargo::input
