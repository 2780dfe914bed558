// What a lenient field reader makes of one loose text field (a birth date,
// a country, a schema, a gender as customers' files write them): the
// readings, none when the text is blank or unreadable, several when it is
// ambiguous, and a warning for the user whenever the text was not read
// plainly. Plain value types; the readers are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace embargo::input {

template <typename T>
struct FieldReading {
  std::vector<T> values;  // empty: blank, or unreadable (then `warning` says so)
  std::string warning;    // "" when read plainly
};

// Whether `text` says "no value": empty or white space, "-", "n/a", "null",
// "none", "unknown", "?" (any case). Not "NA", which is Namibia's code.
bool IsBlank(std::string_view text);

}  // namespace embargo::input
