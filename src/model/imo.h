// IMO ship identification numbers (DOMAIN.md 6): seven digits, the last a
// check digit over the first six. Stateless.
#pragma once

#include <string>
#include <string_view>

namespace embargo {

// Whether `digits` is a 7-digit IMO number with a valid check digit.
// Invalid numbers are still kept as identifiers: official data has some.
bool IsValidImo(std::string_view digits);

// The digits of an IMO number as written ("IMO 9074729" -> "9074729").
std::string ImoDigits(std::string_view written);

}  // namespace embargo
