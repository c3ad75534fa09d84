#include "workforce/holidays.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

// OPM's published federal holidays for 2026 (opm.gov "Federal Holidays" 2026): Independence Day falls on a
// Saturday and is observed on Friday, July 3.
TEST(FederalHolidays, MatchOpm2026) {
  const std::set<Date> expected = {D("2026-01-01"), D("2026-01-19"), D("2026-02-16"), D("2026-05-25"),
                                   D("2026-06-19"), D("2026-07-03"), D("2026-09-07"), D("2026-10-12"),
                                   D("2026-11-11"), D("2026-11-26"), D("2026-12-25")};
  EXPECT_EQ(FederalHolidays(2026), expected);
}

// 2027: Juneteenth (Saturday) → Friday June 18; Christmas (Saturday) → Friday December 24 (OPM 2027).
TEST(FederalHolidays, SaturdayHolidaysMoveToFriday) {
  const auto holidays = FederalHolidays(2027);
  EXPECT_TRUE(holidays.contains(D("2027-06-18")));
  EXPECT_TRUE(holidays.contains(D("2027-12-24")));
  EXPECT_TRUE(holidays.contains(D("2027-07-05")));  // July 4 is a Sunday: observed Monday
}

TEST(FederalHolidays, CalendarSkipsThem) {
  const auto calendar = FederalBusinessCalendar(2026);
  EXPECT_FALSE(calendar.IsBusinessDay(D("2026-11-26")));
  EXPECT_TRUE(calendar.IsBusinessDay(D("2026-11-27")));
  EXPECT_FALSE(calendar.IsBusinessDay(D("2026-11-28")));
}

}  // namespace
}  // namespace concord::workforce
