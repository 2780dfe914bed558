#include "input/field_reading.h"

#include "common/strings.h"

namespace embargo::input {

bool IsBlank(std::string_view text) {
  text = Trim(text);
  for (std::string_view blank : {"", "-", "--", "?", "n/a", "null", "none", "unknown"}) {
    if (EqualsIgnoreCase(text, blank)) return true;
  }
  return false;
}

}  // namespace embargo::input
