// The calendar: days that exist, and the ISO days and times commands and
// the API take (a new user's trial: --since 2026-13-01 listed nothing,
// --as-of 2024-02-30 screened).
#include "model/calendar.h"

#include <gtest/gtest.h>

namespace embargo {
namespace {

TEST(CalendarTest, DaysInMonthCountLeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2026, 4), 30);
  EXPECT_EQ(DaysInMonth(2026, 12), 31);
}

TEST(CalendarTest, ADayExistsOnlyWithinItsMonth) {
  EXPECT_TRUE(DayExists({2024, 2, 29}));
  EXPECT_FALSE(DayExists({2024, 2, 30}));
  EXPECT_FALSE(DayExists({2026, 4, 31}));
  EXPECT_TRUE(DayExists({1971, 3, 0}));  // no day
  EXPECT_TRUE(DayExists({1971, 0, 0}));
}

TEST(CalendarTest, IsoDaysAndTimesAreInRange) {
  for (const char* ok : {"2026-12-06", "2026-12-06Z", "2024-02-29T23:59", "2026-12-06T00:00:00",
                         "2026-12-06T10:20:30Z"}) {
    EXPECT_TRUE(IsIsoDayOrTime(ok)) << ok;
  }
  for (const char* bad :
       {"2026-13-01", "2024-02-30", "2023-02-29", "2026-00-10", "2026-12-00", "2026-12-06T24:00",
        "2026-12-06T10:60", "2026-12-06T10:20:61", "2026-12-6", "06/12/2026", "", "2026-12-06T"}) {
    EXPECT_FALSE(IsIsoDayOrTime(bad)) << bad;
  }
}

}  // namespace
}  // namespace embargo
