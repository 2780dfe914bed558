#include "sources/free_text.h"

#include <unicode/ucnv.h>

#include <cctype>

#include "common/strings.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Length of the marker "label)" or "(label)" at `pos` when it stands alone
// (start of text or after a space, followed by a space or the end); 0 otherwise.
size_t MarkerAt(std::string_view text, size_t pos, std::string_view label) {
  if (pos > 0 && !IsSpace(text[pos - 1])) return 0;
  size_t start = pos;
  bool open = pos < text.size() && text[pos] == '(';
  if (open) ++pos;
  if (text.substr(pos, label.size()) != label) return 0;
  pos += label.size();
  if (pos >= text.size() || text[pos] != ')') return 0;
  ++pos;
  if (pos < text.size() && !IsSpace(text[pos])) return 0;
  return pos - start;
}

std::string Label(bool numeric, int index) {
  return numeric ? std::to_string(index + 1) : std::string(1, static_cast<char>('a' + index));
}

// Month number of an English month name or its abbreviation ("Jul", "July",
// "Sept"); 0 when none.
int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    std::string_view month = kMonths[i];
    if (word.size() <= month.size() && EqualsIgnoreCase(month.substr(0, word.size()), word))
      return i + 1;
  }
  return 0;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !std::isalnum(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t end = pos;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::optional<int> Year(std::string_view word) {
  auto year = ParseNumber<int>(word);
  if (!year || word.size() != 4 || *year < 1900 || *year > 2100) return std::nullopt;
  return year;
}

// "17 Jul 1964" at words[i..i+2].
std::optional<PartialDate> DayMonthYearWords(const std::vector<std::string_view>& words, size_t i) {
  if (i + 2 >= words.size()) return std::nullopt;
  auto day = ParseNumber<int>(words[i]);
  int month = MonthNumber(words[i + 1]);
  auto year = Year(words[i + 2]);
  if (!day || *day < 1 || *day > 31 || month == 0 || !year) return std::nullopt;
  return PartialDate{*year, month, *day};
}

}  // namespace

std::vector<std::string> SplitEnumerated(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return {};
  bool numeric = MarkerAt(text, 0, "1") > 0;
  if (!numeric && MarkerAt(text, 0, "a") == 0) return {std::string(text)};
  std::vector<std::string> items;
  size_t begin = MarkerAt(text, 0, Label(numeric, 0));
  for (int index = 1; index < 26; ++index) {
    std::string label = Label(numeric, index);
    size_t next = std::string_view::npos;
    size_t length = 0;
    for (size_t pos = begin; pos < text.size() && next == std::string_view::npos; ++pos) {
      length = MarkerAt(text, pos, label);
      if (length > 0) next = pos;
    }
    std::string_view item = Trim(text.substr(begin, next - begin));
    if (!item.empty()) items.emplace_back(item);
    if (next == std::string_view::npos) return items;
    begin = next + length;
  }
  std::string_view rest = Trim(text.substr(begin));
  if (!rest.empty()) items.emplace_back(rest);
  return items;
}

std::vector<std::string> DocumentNumbers(std::string_view text) {
  std::vector<std::string> out;
  std::string token;
  auto flush = [&] {
    size_t digits = 0;
    for (char c : token) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    if (token.size() >= 5 && digits >= 4) AppendUnique(out, token);
    token.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      token.push_back(c);
    else
      flush();
  }
  flush();
  return out;
}

std::vector<std::string> UnReferences(std::string_view text) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos + 6 <= text.size(); ++pos) {
    if (!EqualsIgnoreCase(text.substr(pos, 6), "UN Ref")) continue;
    size_t at = pos + 6;
    if (EqualsIgnoreCase(text.substr(at, 5), "erenc")) at += 6;  // "Reference"
    while (at < text.size() && (text[at] == '.' || text[at] == ':' || IsSpace(text[at]))) ++at;
    if (EqualsIgnoreCase(text.substr(at, 3), "No.")) at += 3;
    while (at < text.size() && IsSpace(text[at])) ++at;
    size_t end = at;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.'))
      ++end;
    std::string ref(text.substr(at, end - at));
    while (!ref.empty() && ref.back() == '.') ref.pop_back();
    bool modern = ref.size() >= 5 && std::isalpha(static_cast<unsigned char>(ref[0])) &&
                  std::isalpha(static_cast<unsigned char>(ref[1])) &&
                  std::isalpha(static_cast<unsigned char>(ref[2])) && ref[3] == '.';
    if (modern) {
      ref[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(ref[0])));
      ref[1] = static_cast<char>(std::toupper(static_cast<unsigned char>(ref[1])));
      ref[2] = static_cast<char>(std::tolower(static_cast<unsigned char>(ref[2])));
    }
    bool has_digit = ref.find_first_of("0123456789") != std::string::npos;
    if (ref.find('.') != std::string::npos && has_digit) AppendUnique(out, ref);
    pos = end > pos ? end - 1 : pos;
  }
  return out;
}

std::optional<PartialDate> ParseDayMonthYear(std::string_view text) {
  text = Trim(text);
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  auto day = ParseNumber<int>(text.substr(0, 2));
  auto month = ParseNumber<int>(text.substr(3, 2));
  auto year = ParseNumber<int>(text.substr(6, 4));
  if (!day || !month || !year || *year < 1900 || *year > 2100 || *month > 12 || *day > 31)
    return std::nullopt;
  if (*month == 0) return PartialDate{*year, 0, 0};
  return PartialDate{*year, *month, *day};
}

std::optional<DateSpec> ParseDateText(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (auto date = PartialDate::Parse(text.substr(0, 10))) return DateSpec{*date, *date, false};
  }
  if (auto date = ParseDayMonthYear(text)) return DateSpec{*date, *date, false};
  std::vector<std::string_view> words = Words(text);
  bool approximate = !words.empty() &&
                     (EqualsIgnoreCase(words[0], "approximately") ||
                      EqualsIgnoreCase(words[0], "circa") || EqualsIgnoreCase(words[0], "approx"));
  if (approximate || (!words.empty() && EqualsIgnoreCase(words[0], "between")))
    words.erase(words.begin());
  if (words.size() == 3) {
    if (auto date = DayMonthYearWords(words, 0)) return DateSpec{*date, *date, approximate};
  }
  bool range = words.size() == 2 || (words.size() == 3 && EqualsIgnoreCase(words[1], "and"));
  if (words.size() == 1 || range) {
    auto from = Year(words.front());
    auto to = Year(words.back());
    if (from && to && *from <= *to)
      return DateSpec{PartialDate{*from, 0, 0}, PartialDate{*to, 0, 0}, approximate};
  }
  return std::nullopt;
}

std::string FirstDateInProse(std::string_view text) {
  std::vector<std::string_view> words = Words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    if (auto date = DayMonthYearWords(words, i)) return date->ToString();
  }
  return "";
}

std::vector<std::string> NumbersAfter(std::string_view text, std::string_view keyword) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos + keyword.size() <= text.size(); ++pos) {
    if (!EqualsIgnoreCase(text.substr(pos, keyword.size()), keyword)) continue;
    std::string window(text.substr(pos + keyword.size(), 60));
    for (size_t i = 1; i + 1 < window.size(); ++i) {
      bool inside = std::isalnum(static_cast<unsigned char>(window[i - 1])) &&
                    std::isalnum(static_cast<unsigned char>(window[i + 1]));
      if (window[i] == '-' && inside) window.erase(i, 1);
    }
    for (std::string& number : DocumentNumbers(window)) AppendUnique(out, std::move(number));
  }
  return out;
}

std::string ImoNumber(std::string_view text) {
  size_t at = text.find("IMO");
  if (at == std::string_view::npos) return "";
  size_t digits = text.find_first_of("0123456789", at);
  if (digits == std::string_view::npos || digits > at + 16) return "";
  std::string_view number = text.substr(digits, 7);
  bool all_digits =
      number.size() == 7 && number.find_first_not_of("0123456789") == std::string_view::npos;
  return all_digits ? std::string(number) : "";
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  if (CheckUtf8(bytes, "").ok()) return std::string(bytes);
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 1, '\0');
  int32_t length =
      ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                   bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(length) : 0);
  return out;
}

}  // namespace embargo
