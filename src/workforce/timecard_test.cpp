#include "workforce/timecard.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

using nlohmann::json;

TEST(WeekHours, SumsByTypeInDecimal) {
  // 5 × 8 regular + 2.5 overtime on Friday + 4 double time on Sunday = 46.5 hours.
  const json hours = {{"regular", {"8", "8", "8", "8", "8", "0", "0"}},
                      {"overtime", {"0", "0", "0", "0", "2.5", "0", "0"}},
                      {"double_time", {0, 0, 0, 0, 0, 0, 4}}};
  const WeekHours week = ParseWeekHours(hours).value();
  EXPECT_EQ(week.regular, Decimal::Parse("40").value());
  EXPECT_EQ(week.overtime, Decimal::Parse("2.5").value());
  EXPECT_EQ(week.double_time, Decimal::FromInt(4));
  EXPECT_EQ(week.total.ToString(), "46.5");
  EXPECT_EQ(week.hours["overtime"][4], "2.50");
  EXPECT_EQ(week.hours["double_time"][6], "4.00");
}

TEST(WeekHours, TenthsAddExactly) {
  // 0.1 × 7 is 0.7 exactly in decimal (in binary floating point it is 0.7000000000000001).
  const json hours = {{"regular", {"0.1", "0.1", "0.1", "0.1", "0.1", "0.1", "0.1"}}};
  EXPECT_EQ(ParseWeekHours(hours)->total.ToString(), "0.7");
}

TEST(WeekHours, RefusesBadShapesAndDaysOver24) {
  auto short_week = ParseWeekHours({{"regular", {"8", "8"}}});
  ASSERT_FALSE(short_week.ok());
  EXPECT_EQ(short_week.error().fields[0].field, "hours/regular");
  auto negative = ParseWeekHours({{"regular", {"8", "-1", "8", "8", "8", "0", "0"}}});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().fields[0].field, "hours/regular/1");
  auto long_day = ParseWeekHours({{"regular", {"16", "0", "0", "0", "0", "0", "0"}},
                                  {"overtime", {"9", "0", "0", "0", "0", "0", "0"}}});
  ASSERT_FALSE(long_day.ok());
  EXPECT_EQ(long_day.error().fields[0].field, "hours/day 1");
  EXPECT_FALSE(ParseWeekHours({{"holiday", {"8", "0", "0", "0", "0", "0", "0"}}}).ok());
}

TEST(WeekStart, IsTheIsoMonday) {
  EXPECT_EQ(WeekStart(Date::Parse("2026-11-22").value()).ToString(), "2026-11-16");  // a Sunday
  EXPECT_EQ(WeekStart(Date::Parse("2026-11-16").value()).ToString(), "2026-11-16");
  EXPECT_EQ(WeekStart(Date::Parse("2026-11-19").value()).ToString(), "2026-11-16");
}

// Weeks worked out on a calendar: 2026-11-18 is a Wednesday in the ISO week Mon 2026-11-16 … Sun 2026-11-22;
// 2027-01-01 is a Friday in the week that began Mon 2026-12-28.
TEST(ReminderWeek, LastWeekUnlessAPastWeekIsChosen) {
  const Date wednesday = Date::Parse("2026-11-18").value();
  EXPECT_EQ(ReminderWeek(wednesday, std::nullopt).value().ToString(), "2026-11-09");
  // Monday itself: last week is the one that ended yesterday.
  EXPECT_EQ(ReminderWeek(Date::Parse("2026-11-16").value(), std::nullopt).value().ToString(), "2026-11-09");
  // Sunday is still this week.
  EXPECT_EQ(ReminderWeek(Date::Parse("2026-11-22").value(), std::nullopt).value().ToString(), "2026-11-09");
  // Any day of a chosen week names its Monday: Thursday 2026-10-29 is in the week of Monday 2026-10-26.
  EXPECT_EQ(ReminderWeek(wednesday, Date::Parse("2026-10-29").value()).value().ToString(), "2026-10-26");
  EXPECT_EQ(ReminderWeek(wednesday, Date::Parse("2026-11-15").value()).value().ToString(), "2026-11-09");
  // Across the year: on Wednesday 2027-01-06, the Friday 2027-01-01 is in the week of Monday 2026-12-28.
  EXPECT_EQ(ReminderWeek(Date::Parse("2027-01-06").value(), Date::Parse("2027-01-01").value()).value().ToString(),
            "2026-12-28");
  EXPECT_EQ(ReminderWeek(Date::Parse("2027-01-06").value(), std::nullopt).value().ToString(), "2026-12-28");
}

TEST(ReminderWeek, RefusesAWeekNotYetEnded) {
  const Date wednesday = Date::Parse("2026-11-18").value();
  for (const char* day : {"2026-11-16", "2026-11-22", "2026-11-23", "2027-03-01"}) {
    const auto week = ReminderWeek(wednesday, Date::Parse(day).value());
    ASSERT_FALSE(week.ok()) << day;
    EXPECT_EQ(week.error().kind, ErrorKind::kInvalid);
    ASSERT_EQ(week.error().fields.size(), 1u);
    EXPECT_EQ(week.error().fields[0].field, "week_start");
  }
}

TEST(TimecardStatus, SubmitApproveReject) {
  EXPECT_EQ(NextTimecardStatus("draft", "submit", "").value(), "submitted");
  EXPECT_EQ(NextTimecardStatus("submitted", "approve", "").value(), "approved");
  EXPECT_EQ(NextTimecardStatus("rejected", "submit", "").value(), "submitted");
  EXPECT_EQ(NextTimecardStatus("submitted", "reject", "").error().code, "timecard.reason_required");
  EXPECT_EQ(NextTimecardStatus("submitted", "reject", "Friday is a holiday").value(), "rejected");
  EXPECT_EQ(NextTimecardStatus("approved", "reject", "late").error().code, "timecard.invalid_action");
  EXPECT_EQ(NextTimecardStatus("draft", "approve", "").error().code, "timecard.invalid_action");
}

}  // namespace
}  // namespace concord::workforce
