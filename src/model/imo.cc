#include "model/imo.h"

#include <algorithm>

namespace embargo {

bool IsValidImo(std::string_view digits) {
  if (digits.size() != 7 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  int sum = 0;
  for (int i = 0; i < 6; ++i) sum += (digits[i] - '0') * (7 - i);
  return sum % 10 == digits[6] - '0';
}

std::string ImoDigits(std::string_view written) {
  std::string digits;
  for (char c : written)
    if (c >= '0' && c <= '9') digits.push_back(c);
  return digits;
}

}  // namespace embargo
