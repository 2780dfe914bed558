// The calendar, for the dates people type where a day is asked for (a
// command's --as-of, --since, --from; an API's since, changed_since):
// whether the day exists (2024-02-30 and 2026-13-01 do not), so that a
// typo is refused instead of silently read as some other day. Dates the
// lists give are read leniently elsewhere (PartialDate::Parse, sources/).
// Pure functions.
#pragma once

#include <string_view>

#include "embargo/entity.h"

namespace embargo {

// Days in `month` (1-12) of `year`, leap years counted.
int DaysInMonth(int year, int month);

// Whether `date`'s day is one of its month's (true when it has no day or no
// month: 1971, 1971-03).
bool DayExists(const PartialDate& date);

// "YYYY-MM-DD", optionally followed by "Thh:mm" or "Thh:mm:ss" and a "Z",
// every field in range: the day exists, hours below 24, minutes and seconds
// below 60.
bool IsIsoDayOrTime(std::string_view text);

}  // namespace embargo
