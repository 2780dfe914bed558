#include "text/name_remarks.h"

#include <array>
#include <cctype>

namespace embargo::text {
namespace {

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// Whether `word` (ASCII, lower case) stands at `at` as a whole word.
bool WordAt(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  if (at > 0 && IsWordByte(text[at - 1])) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != word[k]) return false;
  }
  size_t end = at + word.size();
  return end == text.size() || !IsWordByte(text[end]) || !IsWordByte(word.back());
}

// The first non-space byte after `at`, or '\0'.
char NextByte(std::string_view text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at < text.size() ? text[at] : '\0';
}

// The byte before `at` that is not a space, or '\0'.
char PreviousByte(std::string_view text, size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  return at > 0 ? text[at - 1] : '\0';
}

bool RemarkAt(std::string_view text, size_t at) {
  char before = PreviousByte(text, at);
  if (WordAt(text, at, "born")) {
    if (before == ',' || before == ';') return true;
    size_t after = at + 4;
    char next = NextByte(text, after);
    if (std::isdigit(static_cast<unsigned char>(next))) return true;
    while (after < text.size() && text[after] == ' ') ++after;
    for (std::string_view w : {"in", "on", "at"})
      if (WordAt(text, after, w)) return true;
    return false;
  }
  for (std::string_view w : {"date of birth", "dob", "d.o.b."})
    if (WordAt(text, at, w)) return true;
  return (before == ',' || before == ';') && WordAt(text, at, "passport");
}

}  // namespace

std::string_view CutRemarkTail(std::string_view name) {
  for (size_t at = 1; at < name.size(); ++at) {
    if (!RemarkAt(name, at)) continue;
    std::string_view head = name.substr(0, at);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';' ||
                             head.back() == '-' || head.back() == '('))
      head.remove_suffix(1);
    if (head.find_first_not_of(" ,;-(") == std::string_view::npos) return name;
    return head;
  }
  return name;
}

}  // namespace embargo::text
