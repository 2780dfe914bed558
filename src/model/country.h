// Country names and codes to ISO 3166-1 alpha-2 (lowercase, as FtM writes
// them). Knows the spellings official lists use: OFAC's "Korea, North",
// the UN's "Democratic People's Republic of Korea", "Iran (Islamic Republic
// of)", common demonyms ("Iranian") and ISO alpha-2/alpha-3 codes.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo {

// "kp" for "Korea, North"; "" when the text names no known country.
std::string NormalizeCountry(std::string_view text);

// The countries a firm's or body's name names, as whole words of four
// letters or more ("FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC
// OF KOREA" -> {"kp"}, "BANK MELLI IRAN" -> {"ir"}); the longest phrase
// wins where phrases overlap. Codes (CO, SA) are not read: in a name they
// are legal forms more often than countries.
std::vector<std::string> CountriesNamedIn(std::string_view name);

// Where `name` names a country (as CountriesNamedIn reads it): the phrase's
// bytes [begin, end) and the country's code, first to last.
struct CountryMention {
  size_t begin = 0;
  size_t end = 0;
  std::string code;
};
std::vector<CountryMention> CountryMentions(std::string_view name);

// The name without the countries it names and the words that led to them
// ("Foreign Trade Bank of North Korea", "Foreign Trade Bank of the DPRK" ->
// "Foreign Trade Bank"), their codes in `codes`; "" when it names none.
std::string NameWithoutCountries(std::string_view name, std::vector<std::string>& codes);
// The countries any of `names` names, each once, in the order first named.
std::vector<std::string> CountriesNamedIn(const std::vector<Name>& names);

// The country's English short name for display ("kp" -> "North Korea"); the
// code itself when unknown.
std::string CountryLabel(std::string_view iso2);

}  // namespace embargo
