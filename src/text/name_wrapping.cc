#include "text/name_wrapping.h"

#include <algorithm>
#include <cctype>

#include "common/strings.h"

namespace embargo::text {
namespace {

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
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

std::optional<Qualified> SplitQualifier(std::string_view field) {
  constexpr std::string_view kMarks[] = {",", " - ", " \xE2\x80\x93 "};
  size_t cut = std::string_view::npos;
  for (std::string_view mark : kMarks) cut = std::min(cut, field.find(mark));
  if (cut == std::string_view::npos) return std::nullopt;
  std::string_view before = Trim(field.substr(0, cut));
  std::string_view after = field.substr(cut);
  if (!HasLetter(before) || std::none_of(after.begin(), after.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      }))
    return std::nullopt;
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (std::string_view lead : {",", "-", " ", "\xE2\x80\x93"}) {
      if (after.substr(0, lead.size()) == lead) {
        after.remove_prefix(lead.size());
        dropped = true;
      }
    }
  }
  return Qualified{std::string(before), std::string(after)};
}

std::string WithoutFormerNameLeadIn(std::string_view part) {
  std::string_view rest = Trim(part);
  for (std::string_view lead : {"ex-", "ex.", "ex ", "formerly ", "former ", "f/k/a ", "fka ",
                                "previously ", "a.k.a. ", "a/k/a ", "aka "}) {
    if (rest.size() > lead.size() && EqualsIgnoreCase(rest.substr(0, lead.size()), lead) &&
        HasLetter(rest.substr(lead.size())))
      return std::string(Trim(rest.substr(lead.size())));
  }
  return std::string(part);
}

}  // namespace embargo::text
