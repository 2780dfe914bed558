#include "input/date_reading.h"

#include <fmt/format.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "common/strings.h"
#include "input/text_key.h"

namespace embargo::input {
namespace {

// Languages whose month names (ICU's, wide and abbreviated, in and out of
// context: "июля" and "июль") are read. A name two languages give to two
// different months is dropped.
constexpr const char* kMonthLocales[] = {"en", "fr", "de", "es", "it", "pt", "nl", "ru",
                                         "uk", "pl", "tr", "id", "sv", "da", "nb", "ro"};

// Words that may stand between the parts of a written date.
const std::unordered_set<std::string>& Fillers() {
  static const auto* const words = new std::unordered_set<std::string>{
      "de", "del", "do", "da", "of", "the", "le", "el", "am", "den", "der", "om", "г", "года"};
  return *words;
}

// Letters written right after a day number ("17th", "1er", "1º").
const std::unordered_set<std::string>& OrdinalSuffixes() {
  static const auto* const words =
      new std::unordered_set<std::string>{"st", "nd", "rd", "th", "er", "re", "e", "eme", "o", "a"};
  return *words;
}

class MonthNames {
 public:
  MonthNames() {
    std::unordered_map<std::string, int> found;
    for (const char* locale : kMonthLocales) {
      UErrorCode status = U_ZERO_ERROR;
      icu::DateFormatSymbols symbols{icu::Locale(locale), status};
      if (U_FAILURE(status)) continue;
      for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
        for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
          int32_t count = 0;
          const icu::UnicodeString* names = symbols.getMonths(count, context, width);
          for (int32_t m = 0; m < count && m < 12; ++m) {
            std::string utf8;
            Add(FoldedKey(names[m].toUTF8String(utf8)), m + 1, found);
          }
        }
      }
    }
    Add("sept", 9, found);
    for (const auto& [key, month] : found) {
      if (month > 0) by_key_.emplace(key, month);
    }
  }

  // 1..12, or 0 when `key` is no month's name.
  int Find(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? 0 : it->second;
  }

 private:
  static void Add(const std::string& key, int month, std::unordered_map<std::string, int>& found) {
    if (key.empty()) return;
    auto [it, added] = found.emplace(key, month);
    if (!added && it->second != month) it->second = -1;  // two months' name: neither
  }

  std::unordered_map<std::string, int> by_key_;
};

const MonthNames& Months() {
  static const MonthNames* const months = new MonthNames();
  return *months;
}

enum class Mark { kNone, kYear, kMonth, kDay };

struct Number {
  int value = 0;
  int digits = 0;
  Mark mark = Mark::kNone;  // 년/年, 월/月, 일/日 written after it
};

struct Tokens {
  std::vector<Number> numbers;
  int month_name = 0;      // 1..12 when a month is written as a word
  bool unread = false;     // a word that is neither a month, a mark nor a filler
  bool two_names = false;  // two month names
};

// "1964년생", "17일생": born in 1964, born on the 17th.
Mark MarkOf(const std::string& key) {
  if (key == "년" || key == "年" || key == "년생") return Mark::kYear;
  if (key == "월" || key == "月") return Mark::kMonth;
  if (key == "일" || key == "日" || key == "일생") return Mark::kDay;
  return Mark::kNone;
}

void ReadWord(const std::string& word, bool after_number, Tokens& t) {
  std::string key = FoldedKey(word);
  if (key.empty()) return;
  Mark mark = MarkOf(key);
  if (mark != Mark::kNone && !t.numbers.empty() && t.numbers.back().mark == Mark::kNone) {
    t.numbers.back().mark = mark;
  } else if (after_number && OrdinalSuffixes().count(key) > 0) {
    // "17th": nothing to read.
  } else if (int month = Months().Find(key); month > 0) {
    t.two_names |= t.month_name != 0;
    t.month_name = month;
  } else if (Fillers().count(key) == 0) {
    t.unread = true;
  }
}

// Splits `text` into numbers and words; marks and month names are read,
// every other character separates.
Tokens Tokenize(std::string_view text) {
  Tokens t;
  std::string word;
  bool in_number = false, word_after_number = false;
  auto end_word = [&] {
    if (!word.empty()) ReadWord(word, word_after_number, t);
    word.clear();
  };
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) {
      t.unread = true;
      continue;
    }
    int digit = u_charType(c) == U_DECIMAL_DIGIT_NUMBER ? u_charDigitValue(c) : -1;
    if (digit >= 0) {
      end_word();
      if (!in_number) t.numbers.push_back({});
      Number& num = t.numbers.back();
      if (num.digits < 9) num.value = num.value * 10 + digit;
      ++num.digits;
      in_number = true;
    } else if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK) {
      if (word.empty()) word_after_number = in_number;
      word.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      in_number = false;
    } else {
      end_word();
      in_number = false;
    }
  }
  end_word();
  return t;
}

// "1971-03-05T00:00:00", "17/07/1964 00:00": the date before the time.
std::string_view WithoutTime(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return text;
  size_t cut = text.substr(0, colon).find_last_of(" T");
  return cut == std::string_view::npos ? text : text.substr(0, cut);
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidMonth(int month) { return month >= 1 && month <= 12; }
bool ValidDay(int year, int month, int day) {
  return ValidMonth(month) && day >= 1 && day <= DaysIn(year, month);
}

// What was made of the text, before it is worded as a warning.
enum class Note {
  kPlain,
  kNoDay,         // read as year-month
  kNoMonth,       // read as the year only
  kTwoDigitYear,  // read, with the century guessed
  kAmbiguous,     // several readings
  kAmbiguousTwoDigitYear,
  kUnreadable,
};

struct Interpretation {
  std::vector<PartialDate> readings;
  Note note = Note::kUnreadable;
};

Interpretation One(PartialDate date, Note note) { return {{date}, note}; }
Interpretation Unreadable() { return {}; }

std::optional<int> FourDigitYear(const Number& n) {
  if (n.digits != 4 || n.value < 1000 || n.value > 2999) return std::nullopt;
  return n.value;
}

// A birth date's two-digit year: this century unless that is in the future.
int ExpandTwoDigitYear(int yy) {
  using namespace std::chrono;
  int now = static_cast<int>(year_month_day(floor<days>(system_clock::now())).year());
  int year = now / 100 * 100 + yy;
  return year > now ? year - 100 : year;
}

// Whether the earliest day `date` can stand for is after today (UTC).
bool AfterToday(const PartialDate& date) {
  using namespace std::chrono;
  const year_month_day today(floor<days>(system_clock::now()));
  const int year = static_cast<int>(today.year());
  const int month = static_cast<int>(static_cast<unsigned>(today.month()));
  const int day = static_cast<int>(static_cast<unsigned>(today.day()));
  // An unknown month or day is 0, before any: (2026, 0, 0) is not after
  // 2026-12-07, (2027, 0, 0) is.
  return std::tie(date.year, date.month, date.day) > std::tie(year, month, day);
}

// Year, month and day in a known order: as much of it as is valid.
Interpretation Ymd(int year, int month, int day) {
  if (!ValidMonth(month)) return One({year, 0, 0}, Note::kNoMonth);
  if (day == 0) return One({year, month, 0}, Note::kPlain);
  if (!ValidDay(year, month, day)) return One({year, month, 0}, Note::kNoDay);
  return One({year, month, day}, Note::kPlain);
}

// "17/07/1964", "03/04/1987": day and month in either order before a
// four-digit year.
Interpretation YearLast(const Number& a, const Number& b, int year, DateOrder order) {
  bool dmy = ValidDay(year, b.value, a.value), mdy = ValidDay(year, a.value, b.value);
  if (dmy && (order == DateOrder::kDayMonthYear || !mdy || a.value == b.value))
    return One({year, b.value, a.value}, Note::kPlain);
  if (mdy && (order == DateOrder::kMonthDayYear || !dmy))
    return One({year, a.value, b.value}, Note::kPlain);
  if (dmy && mdy) {
    std::vector<PartialDate> both = {{year, a.value, b.value}, {year, b.value, a.value}};
    return {both, Note::kAmbiguous};
  }
  bool a_month = ValidMonth(a.value), b_month = ValidMonth(b.value);
  if (a_month != b_month) return One({year, a_month ? a.value : b.value, 0}, Note::kNoDay);
  return One({year, 0, 0}, Note::kNoMonth);
}

// "64.07.17", "17/07/64": every order that gives a valid date.
Interpretation TwoDigitYear(const Number& a, const Number& b, const Number& c, DateOrder order) {
  struct Candidate {
    DateOrder order;
    PartialDate date;
  };
  std::vector<Candidate> valid;
  auto consider = [&](DateOrder o, int yy, int month, int day) {
    int year = ExpandTwoDigitYear(yy);
    if (ValidDay(year, month, day)) valid.push_back({o, {year, month, day}});
  };
  consider(DateOrder::kYearMonthDay, a.value, b.value, c.value);
  consider(DateOrder::kDayMonthYear, c.value, b.value, a.value);
  consider(DateOrder::kMonthDayYear, c.value, a.value, b.value);
  for (const Candidate& k : valid) {
    if (k.order == order) return One(k.date, Note::kTwoDigitYear);
  }
  bool all_same = std::all_of(valid.begin(), valid.end(),
                              [&](const Candidate& k) { return k.date == valid[0].date; });
  if (valid.empty()) return Unreadable();
  if (!all_same) return {{}, Note::kAmbiguousTwoDigitYear};
  return One(valid[0].date, Note::kTwoDigitYear);
}

Interpretation ThreeNumbers(const Number& a, const Number& b, const Number& c, DateOrder order) {
  if (auto year = FourDigitYear(a); year && b.digits <= 2 && c.digits <= 2)
    return Ymd(*year, b.value, c.value);
  if (auto year = FourDigitYear(c); year && a.digits <= 2 && b.digits <= 2)
    return YearLast(a, b, *year, order);
  if (a.digits <= 2 && b.digits <= 2 && c.digits <= 2) return TwoDigitYear(a, b, c, order);
  return Unreadable();
}

Number Digits(int value, int digits) { return {value, digits, Mark::kNone}; }

// "19921103" (year first when that reads as a date, else day and month
// first), "640717" (a two-digit year).
Interpretation Compact(const Number& n, DateOrder order) {
  if (n.digits == 8) {
    Number year = Digits(n.value / 10000, 4);
    if (FourDigitYear(year) && ValidMonth(n.value / 100 % 100))
      return Ymd(year.value, n.value / 100 % 100, n.value % 100);
    return ThreeNumbers(Digits(n.value / 1000000, 2), Digits(n.value / 10000 % 100, 2),
                        Digits(n.value % 10000, 4), order);
  }
  if (n.digits == 6) {
    return ThreeNumbers(Digits(n.value / 10000, 2), Digits(n.value / 100 % 100, 2),
                        Digits(n.value % 100, 2), order);
  }
  if (auto year = FourDigitYear(n)) return One({*year, 0, 0}, Note::kPlain);
  return Unreadable();
}

// "1964년 7월 17일", "1964年7月17日": every number carries its mark.
Interpretation Marked(const std::vector<Number>& numbers) {
  int year = 0, month = 0, day = 0;
  for (const Number& n : numbers) {
    int& slot = n.mark == Mark::kYear ? year : n.mark == Mark::kMonth ? month : day;
    if (n.mark == Mark::kNone || slot != 0) return Unreadable();
    slot = n.mark == Mark::kYear ? FourDigitYear(n).value_or(-1) : n.value;
  }
  if (year <= 0 || (month == 0 && day != 0)) return Unreadable();
  if (month == 0) return One({year, 0, 0}, Note::kPlain);
  return Ymd(year, month, day);
}

// "17 July 1964", "July 17, 1964", "juillet 1964", "17 Jul 64".
Interpretation WithMonthName(const std::vector<Number>& numbers, int month) {
  if (numbers.size() == 1) {
    if (auto year = FourDigitYear(numbers[0])) return One({*year, month, 0}, Note::kPlain);
    return Unreadable();
  }
  if (numbers.size() != 2) return Unreadable();
  const Number& first = numbers[0];
  const Number& second = numbers[1];
  if (auto year = FourDigitYear(second); year && first.digits <= 2)
    return Ymd(*year, month, first.value);
  if (auto year = FourDigitYear(first); year && second.digits <= 2)
    return Ymd(*year, month, second.value);
  if (first.digits <= 2 && second.digits <= 2) {
    int year = ExpandTwoDigitYear(second.value);
    if (!ValidDay(year, month, first.value)) return Unreadable();
    return One({year, month, first.value}, Note::kTwoDigitYear);
  }
  return Unreadable();
}

Interpretation Interpret(const Tokens& t, DateOrder order) {
  if (t.unread || t.two_names || t.numbers.empty()) return Unreadable();
  bool marked = std::any_of(t.numbers.begin(), t.numbers.end(),
                            [](const Number& n) { return n.mark != Mark::kNone; });
  if (marked) return t.month_name != 0 ? Unreadable() : Marked(t.numbers);
  if (t.month_name != 0) return WithMonthName(t.numbers, t.month_name);
  const auto& n = t.numbers;
  if (n.size() == 1) return Compact(n[0], order);
  if (n.size() == 2) {
    if (auto year = FourDigitYear(n[0]); year && n[1].digits <= 2) return Ymd(*year, n[1].value, 0);
    if (auto year = FourDigitYear(n[1]); year && n[0].digits <= 2) return Ymd(*year, n[0].value, 0);
    return Unreadable();
  }
  if (n.size() == 3) return ThreeNumbers(n[0], n[1], n[2], order);
  return Unreadable();
}

std::string Warning(std::string_view text, const Interpretation& r) {
  std::string read = r.readings.empty() ? "" : r.readings.front().ToString();
  switch (r.note) {
    case Note::kPlain: return "";
    case Note::kNoDay:
      return fmt::format("birth_date '{}' has no valid day: read as {}", text, read);
    case Note::kNoMonth:
      return fmt::format("birth_date '{}' has no valid month: read as {}", text, read);
    case Note::kTwoDigitYear:
      return fmt::format("birth_date '{}' has a two-digit year: read as {}", text, read);
    case Note::kAmbiguous: {
      std::vector<std::string> all;
      for (const PartialDate& d : r.readings) all.push_back(d.ToString());
      return fmt::format("birth_date '{}' is ambiguous: read as {}", text, fmt::join(all, " or "));
    }
    case Note::kAmbiguousTwoDigitYear:
      return fmt::format(
          "birth_date '{}' is ambiguous with a two-digit year: ignored (give the date order: "
          "dmy, mdy or ymd)",
          text);
    case Note::kUnreadable: return fmt::format("birth_date '{}' is not a date: ignored", text);
  }
  return "";
}

}  // namespace

FieldReading<PartialDate> ReadBirthDate(std::string_view text, DateOrder order) {
  FieldReading<PartialDate> out;
  std::string_view trimmed = Trim(text);
  if (IsBlank(trimmed)) return out;
  Interpretation r = Interpret(Tokenize(WithoutTime(trimmed)), order);
  std::sort(r.readings.begin(), r.readings.end(), [](const PartialDate& a, const PartialDate& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  });
  // A birth date after today is a typo or a placeholder (2099-01-01): a
  // reading in the future is not used.
  const bool any = !r.readings.empty();
  std::erase_if(r.readings, [](const PartialDate& d) { return AfterToday(d); });
  if (any && r.readings.empty()) {
    out.warning = fmt::format("birth_date '{}' is in the future: ignored", trimmed);
    return out;
  }
  out.warning = Warning(trimmed, r);
  out.values = std::move(r.readings);
  return out;
}

std::string_view DateOrderName(DateOrder order) {
  switch (order) {
    case DateOrder::kUnknown: return "";
    case DateOrder::kDayMonthYear: return "dmy";
    case DateOrder::kMonthDayYear: return "mdy";
    case DateOrder::kYearMonthDay: return "ymd";
  }
  return "";
}

}  // namespace embargo::input

namespace embargo {

std::optional<DateOrder> ParseDateOrder(std::string_view text) {
  for (DateOrder order : {DateOrder::kUnknown, DateOrder::kDayMonthYear, DateOrder::kMonthDayYear,
                          DateOrder::kYearMonthDay}) {
    if (EqualsIgnoreCase(text, input::DateOrderName(order))) return order;
  }
  return std::nullopt;
}

}  // namespace embargo
