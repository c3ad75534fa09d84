// Check-in due dates, worked by hand on the calendar.
#include "workforce/checkins.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

TEST(CheckIns, AnIntervalAfterTheLastOutreachOrTheStart) {
  EXPECT_EQ(NextCheckIn("weekly", D("2026-11-02"), std::nullopt), D("2026-11-09"));
  EXPECT_EQ(NextCheckIn("biweekly", D("2026-11-02"), D("2026-11-20")), D("2026-12-04"));
  // Outreach logged before the start does not count.
  EXPECT_EQ(NextCheckIn("weekly", D("2026-11-02"), D("2026-10-01")), D("2026-11-09"));
  EXPECT_EQ(NextCheckIn("", D("2026-11-02"), std::nullopt), std::nullopt);
}

TEST(CheckIns, MonthsAreCalendarMonthsClampedToTheLastDay) {
  EXPECT_EQ(NextCheckIn("monthly", D("2026-01-31"), std::nullopt), D("2026-02-28"));
  EXPECT_EQ(NextCheckIn("monthly", D("2028-01-31"), std::nullopt), D("2028-02-29"));  // 2028 is a leap year
  EXPECT_EQ(NextCheckIn("quarterly", D("2026-11-30"), std::nullopt), D("2027-02-28"));
  EXPECT_EQ(NextCheckIn("monthly", D("2026-12-15"), std::nullopt), D("2027-01-15"));
}

}  // namespace
}  // namespace concord::workforce
