#include "core/date.h"

#include <gtest/gtest.h>

#include <unordered_set>

namespace concord {
namespace {

Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? d.value() : Date();
}

TEST(Date, ParseAndFormatRoundTrip) {
  for (std::string_view text : {"2026-11-22", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"}) {
    EXPECT_EQ(D(text).ToString(), text);
  }
  const Date d = D("2026-03-08");
  EXPECT_EQ(d.year(), 2026);
  EXPECT_EQ(d.month(), 3u);
  EXPECT_EQ(d.day(), 8u);
}

TEST(Date, ParseRefusesNonDates) {
  // 2026 and 1900 are not leap years (Gregorian: divisible by 100 but not 400); April has 30 days.
  for (std::string_view text :
       {"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "26-11-22",
        "2026/11/22", "2026-11-22T00:00", "", "0000-01-01", "2026-11-+2"}) {
    Result<Date> d = Date::Parse(text);
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.error().code, "date.invalid");
    EXPECT_NE(d.error().message.find(std::string(text)), std::string::npos);
  }
  EXPECT_FALSE(Date::FromYmd(2026, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(100000, 1, 1).ok());
  EXPECT_EQ(Date::FromYmd(2028, 2, 29)->ToString(), "2028-02-29");
}

TEST(Date, WeekdaysFromTheCalendar) {
  EXPECT_EQ(D("1970-01-01").weekday(), date::Thursday);  // the Unix epoch was a Thursday
  EXPECT_EQ(D("2000-01-01").weekday(), date::Saturday);
  EXPECT_EQ(D("2026-11-22").weekday(), date::Sunday);
  EXPECT_EQ(D("2026-03-08").weekday(), date::Sunday);    // US DST starts on the second Sunday of March
  EXPECT_EQ(D("2026-11-26").weekday(), date::Thursday);  // Thanksgiving: fourth Thursday of November
  EXPECT_EQ(D("2026-12-25").weekday(), date::Friday);
}

TEST(Date, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(D("2026-12-31").AddDays(1), D("2027-01-01"));
  EXPECT_EQ(D("2024-02-28").AddDays(1), D("2024-02-29"));
  EXPECT_EQ(D("2026-02-28").AddDays(1), D("2026-03-01"));
  EXPECT_EQ(D("2026-03-01").AddDays(-1), D("2026-02-28"));
  EXPECT_EQ(D("2026-01-31").AddDays(30), D("2026-03-02"));
  EXPECT_EQ(D("2026-11-22").AddDays(0), D("2026-11-22"));
}

TEST(Date, DaysBetween) {
  EXPECT_EQ(DaysBetween(D("2026-01-01"), D("2026-12-31")), 364);
  EXPECT_EQ(DaysBetween(D("2024-01-01"), D("2025-01-01")), 366);
  EXPECT_EQ(DaysBetween(D("1970-01-01"), D("2000-01-01")), 10957);  // 946684800 s / 86400
  EXPECT_EQ(DaysBetween(D("2026-11-22"), D("2026-11-01")), -21);
}

TEST(Date, OrderingHashingFormatting) {
  EXPECT_LT(D("2026-01-31"), D("2026-02-01"));
  EXPECT_GT(D("2027-01-01"), D("2026-12-31"));
  std::unordered_set<Date> set = {D("2026-12-25"), D("2026-12-25"), D("2026-01-01")};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(fmt::format("due {}", D("2026-11-30")), "due 2026-11-30");
}

}  // namespace
}  // namespace concord
