// IMO ship identification numbers (DOMAIN.md 6): seven digits, the last a
// check digit over the first six. Stateless.
#pragma once

#include <string_view>

namespace embargo {

// Whether `digits` is a 7-digit IMO number with a valid check digit.
// Invalid numbers are still kept as identifiers: official data has some.
bool IsValidImo(std::string_view digits);

}  // namespace embargo
