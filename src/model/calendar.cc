#include "model/calendar.h"

#include "common/strings.h"

namespace embargo {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && !leap ? 28 : kDays[month - 1];
}

bool DayExists(const PartialDate& date) {
  if (date.month < 1 || date.day < 1) return true;
  return date.month <= 12 && date.day <= DaysInMonth(date.year, date.month);
}

bool IsIsoDayOrTime(std::string_view text) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() > 10 && text.back() == 'Z') text.remove_suffix(1);  // UTC, as written
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return false;
  }
  std::optional<PartialDate> day = PartialDate::Parse(text.substr(0, 10));
  if (!day || !DayExists(*day)) return false;
  auto field = [&](size_t at) { return *ParseNumber<int>(text.substr(at, 2)); };
  if (text.size() >= 16 && (field(11) > 23 || field(14) > 59)) return false;
  return text.size() < 19 || field(17) <= 59;
}

}  // namespace embargo
