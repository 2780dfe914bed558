#include "payments/codes.h"

#include <cctype>

#include "common/strings.h"

namespace embargo::payments {
namespace {

bool IsUpperAlpha(char c) { return c >= 'A' && c <= 'Z'; }
bool IsUpperAlnum(char c) { return IsUpperAlpha(c) || (c >= '0' && c <= '9'); }

}  // namespace

bool IsBic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    if (i < 6 ? !IsUpperAlpha(c) : !IsUpperAlnum(c)) return false;
  }
  return true;
}

std::string Bic11(std::string_view text) {
  if (!IsBic(text)) return "";
  std::string out = AsciiUppercase(text);
  if (out.size() == 8) out += "XXX";
  return out;
}

std::string NormalizeAccount(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string IbanCountry(std::string_view account) {
  std::string iban = NormalizeAccount(account);
  if (iban.size() < 15 || iban.size() > 34) return "";
  if (!IsUpperAlpha(iban[0]) || !IsUpperAlpha(iban[1])) return "";
  if (!std::isdigit(static_cast<unsigned char>(iban[2])) ||
      !std::isdigit(static_cast<unsigned char>(iban[3]))) {
    return "";
  }
  // Mod 97 of the rearranged number, letters as 10..35, digit by digit.
  std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (IsUpperAlpha(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return "";
    }
  }
  return remainder == 1 ? iban.substr(0, 2) : "";
}

}  // namespace embargo::payments
