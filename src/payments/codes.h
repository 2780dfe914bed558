// The codes payment messages carry, read and checked: BICs (ISO 9362),
// IBANs (ISO 13616, mod-97 check) and account numbers. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace embargo::payments {

// Whether `text` is a BIC: 4 letters (institution), 2 letters (country),
// 2 letters or digits (location), optionally 3 more (branch).
bool IsBic(std::string_view text);

// The BIC in 11-character form, upper case ("FTBDKPPY" -> "FTBDKPPYXXX");
// "" when `text` is not a BIC.
std::string Bic11(std::string_view text);

// An account identifier as compared: spaces and dashes removed, upper case.
std::string NormalizeAccount(std::string_view text);

// The country (ISO alpha-2, upper case) of an IBAN whose check digits are
// right ("DE89 3704 0044 0532 0130 00" -> "DE"), else "".
std::string IbanCountry(std::string_view account);

}  // namespace embargo::payments
