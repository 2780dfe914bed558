// Country names and codes to ISO 3166-1 alpha-2 (lowercase, as FtM writes
// them). Knows the spellings official lists use: OFAC's "Korea, North",
// the UN's "Democratic People's Republic of Korea", "Iran (Islamic Republic
// of)", common demonyms ("Iranian") and ISO alpha-2/alpha-3 codes.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace embargo {

// "kp" for "Korea, North"; "" when the text names no known country.
std::string NormalizeCountry(std::string_view text);

// The country's English short name for display ("kp" -> "North Korea"); the
// code itself when unknown.
std::string CountryLabel(std::string_view iso2);

}  // namespace embargo
