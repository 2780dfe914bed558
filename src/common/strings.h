// Small ASCII string helpers shared by parsers, the CLI and the model.
// Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace embargo {

// `text` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);

// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace embargo
