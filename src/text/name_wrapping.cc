#include "text/name_wrapping.h"

#include <algorithm>
#include <cctype>

namespace embargo::text {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Whether `text` starts with `lead` (lowercase ASCII), any case.
bool StartsWithNoCase(std::string_view text, std::string_view lead) {
  if (text.size() < lead.size()) return false;
  for (size_t i = 0; i < lead.size(); ++i)
    if (Lower(text[i]) != lead[i]) return false;
  return true;
}

}  // namespace

std::string AfterLabel(std::string_view field) {
  constexpr size_t kMaxLabelWords = 3;
  size_t colon = field.find(':');
  if (colon == std::string_view::npos) return "";
  std::string_view label = Trim(field.substr(0, colon)), rest = Trim(field.substr(colon + 1));
  if (label.empty() || !HasLetter(rest)) return "";
  size_t words = 1;
  for (char c : label) {
    if (std::isdigit(static_cast<unsigned char>(c))) return "";
    words += c == ' ';
  }
  return words <= kMaxLabelWords ? std::string(rest) : "";
}

std::string BeforeQualifier(std::string_view field) {
  size_t cut = std::string_view::npos;
  for (std::string_view mark : {",", " - ", " \xE2\x80\x93 "})
    cut = std::min(cut, field.find(mark));
  if (cut == std::string_view::npos) return "";
  std::string_view before = Trim(field.substr(0, cut));
  std::string_view after = field.substr(cut);
  if (!HasLetter(before) || std::none_of(after.begin(), after.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      }))
    return "";
  return std::string(before);
}

std::string WithoutFormerNameLeadIn(std::string_view part) {
  std::string_view rest = Trim(part);
  for (std::string_view lead : {"ex-", "ex.", "ex ", "formerly ", "former ", "f/k/a ", "fka ",
                                "previously ", "a.k.a. ", "a/k/a ", "aka "}) {
    if (StartsWithNoCase(rest, lead) && HasLetter(rest.substr(lead.size())))
      return std::string(Trim(rest.substr(lead.size())));
  }
  return std::string(part);
}

}  // namespace embargo::text
