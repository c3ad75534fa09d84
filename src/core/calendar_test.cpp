// Worked examples computed by hand from the calendar and the published DST rules:
//   United States (Energy Policy Act 2005): clocks go forward at 02:00 on the second Sunday of March and
//   back at 02:00 on the first Sunday of November -> 2026-03-08 and 2026-11-01. New York is UTC-5 (EST)
//   and UTC-4 (EDT).
//   European Union / UK (Directive 2000/84/EC, Summer Time Order): at 01:00 UTC on the last Sunday of
//   March and of October -> 2026-03-29 and 2026-10-25. London is UTC+0 (GMT) and UTC+1 (BST).
//   2026-11-22 is a Sunday; Thanksgiving 2026 is Thursday 2026-11-26; Christmas 2026 is a Friday.
#include "core/calendar.h"

#include <gtest/gtest.h>

namespace concord {
namespace {

using std::chrono::minutes;

Instant I(std::string_view text) { return Instant::Parse(text).value(); }
Date D(std::string_view text) { return Date::Parse(text).value(); }
BusinessHours H(std::string_view text) { return BusinessHours::Parse(text).value(); }

BusinessCalendar NewYorkOffice() {
  return BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")},
                                    {D("2026-11-26"), D("2026-12-25")});  // Thanksgiving, Christmas
}

struct AddCase {
  const char* what;
  const char* start;
  int minutes;
  const char* expected;
};

void ExpectAdds(const BusinessCalendar& calendar, const std::vector<AddCase>& cases) {
  ASSERT_TRUE(calendar.Validate().ok()) << calendar.Validate().error().message;
  for (const AddCase& c : cases) {
    EXPECT_EQ(calendar.AddBusinessTime(I(c.start), minutes(c.minutes)).ToString(), c.expected) << c.what;
    // Whenever the start is within hours, the time between start and answer is what was added.
    if (calendar.AddBusinessTime(I(c.start), minutes(0)) == I(c.start)) {
      EXPECT_EQ(calendar.BusinessTimeBetween(I(c.start), I(c.expected)), minutes(c.minutes)) << c.what;
    }
  }
}

TEST(BusinessCalendar, NewYorkWeekdayHours) {
  ExpectAdds(
      NewYorkOffice(),
      {
          // Mon 2026-11-23 (EST, UTC-5).
          {"inside hours", "2026-11-23T15:00:00Z" /* 10:00 */, 90, "2026-11-23T16:30:00Z" /* 11:30 */},
          {"before opening", "2026-11-23T12:00:00Z" /* 07:00 */, 60, "2026-11-23T15:00:00Z" /* 10:00 */},
          {"after closing", "2026-11-23T23:00:00Z" /* 18:00 */, 60, "2026-11-24T15:00:00Z" /* Tue 10:00 */},
          {"a full day ends at closing", "2026-11-23T14:00:00Z" /* 09:00 */, 480,
           "2026-11-23T22:00:00Z" /* 17:00 */},
          {"on a Saturday", "2026-11-21T15:00:00Z" /* Sat 10:00 */, 30,
           "2026-11-23T14:30:00Z" /* Mon 09:30 */},
          {"zero from Sunday = next opening", "2026-11-22T03:58:00Z", 0,
           "2026-11-23T14:00:00Z" /* Mon 09:00 */},
          {"a week of 40 hours, Thanksgiving skipped", "2026-11-23T14:00:00Z", 2400,
           "2026-11-30T22:00:00Z" /* 5 days of 8 h: Mon 23, Tue 24, Wed 25, Fri 27, Mon 30 until 17:00 */},
      });
}

TEST(BusinessCalendar, NewYorkSpringForward) {
  ExpectAdds(NewYorkOffice(),
             {
                 // Fri 2026-03-06 16:00 EST; 60 min Friday, then Mon 2026-03-09 09:00 EDT (13:00Z) + 60.
                 {"over the spring-forward weekend", "2026-03-06T21:00:00Z", 120, "2026-03-09T14:00:00Z"},
             });
  // 24x7: Sunday 2026-03-08 lasts 23 hours; 01:00 EST (06:00Z) + 2 h is 04:00 EDT (08:00Z).
  ExpectAdds(BusinessCalendar::AlwaysOpen("America/New_York"),
             {
                 {"24x7 across the gap", "2026-03-08T06:00:00Z", 120, "2026-03-08T08:00:00Z"},
             });
  EXPECT_EQ(BusinessCalendar::AlwaysOpen("America/New_York")
                .BusinessTimeBetween(I("2026-03-08T05:00:00Z"),
                                     I("2026-03-09T04:00:00Z")),  // Sun 00:00 -> Mon 00:00
            minutes(23 * 60));
}

TEST(BusinessCalendar, NewYorkFallBack) {
  ExpectAdds(NewYorkOffice(),
             {
                 // Fri 2026-10-30 16:00 EDT (20:00Z); Mon 2026-11-02 09:00 EST is 14:00Z, + 60.
                 {"over the fall-back weekend", "2026-10-30T20:00:00Z", 120, "2026-11-02T15:00:00Z"},
             });
  EXPECT_EQ(BusinessCalendar::AlwaysOpen("America/New_York")
                .BusinessTimeBetween(I("2026-11-01T04:00:00Z"),
                                     I("2026-11-02T05:00:00Z")),  // Sun 00:00 -> Mon 00:00
            minutes(25 * 60));
}

// Night hours that straddle the transitions show the documented choice for skipped and repeated times.
TEST(BusinessCalendar, HoursThatStraddleTheTransitions) {
  auto night = [](std::string_view hours) {
    BusinessCalendar c;
    c.time_zone = "America/New_York";
    c.HoursOn(date::Sunday) = {H(hours)};
    return c;
  };
  // All of the given local Sunday: from 00:00Z that day to 12:00Z Monday covers it in New York.
  auto sunday_total = [](const BusinessCalendar& c, std::string_view day) {
    const Instant midnight_utc = I(std::string(day) + "T00:00:00Z");
    return c.BusinessTimeBetween(midnight_utc, midnight_utc + std::chrono::hours(36)).count();
  };
  // 00:00 EST = 05:00Z to 04:00 EDT = 08:00Z.
  EXPECT_EQ(sunday_total(night("00:00-04:00"), "2026-03-08"), 180);
  // 00:00 EDT = 04:00Z to 04:00 EST = 09:00Z.
  EXPECT_EQ(sunday_total(night("00:00-04:00"), "2026-11-01"), 300);
  // Wholly inside the skipped hour: nothing that day, an hour on an ordinary Sunday.
  EXPECT_EQ(sunday_total(night("02:00-03:00"), "2026-03-08"), 0);
  EXPECT_EQ(sunday_total(night("02:00-03:00"), "2026-03-15"), 60);
  // Starting in the skipped hour: opens at the jump (07:00Z = 03:00 EDT), closes 04:00 EDT (08:00Z).
  EXPECT_EQ(night("02:30-04:00").OpenSpans(D("2026-03-08")).at(0).first, I("2026-03-08T07:00:00Z"));
  EXPECT_EQ(sunday_total(night("02:30-04:00"), "2026-03-08"), 60);
  // Repeated hour: 01:00 and 01:30 mean their first (EDT) occurrence, 05:00Z and 05:30Z.
  EXPECT_EQ(sunday_total(night("01:00-01:30"), "2026-11-01"), 30);
  // 01:30 EDT (05:30Z) to 02:30 EST (07:30Z).
  EXPECT_EQ(sunday_total(night("01:30-02:30"), "2026-11-01"), 120);
}

TEST(BusinessCalendar, LondonBothTransitions) {
  const BusinessCalendar london = BusinessCalendar::Weekdays("Europe/London", {H("09:00-17:00")});
  ExpectAdds(london, {
                         // Fri 2026-03-27 16:30 GMT; 30 min, then Mon 2026-03-30 09:00 BST = 08:00Z + 30.
                         {"spring", "2026-03-27T16:30:00Z", 60, "2026-03-30T08:30:00Z"},
                         // Fri 2026-10-23 16:30 BST = 15:30Z; 30 min, then Mon 2026-10-26 09:00 GMT + 30.
                         {"autumn", "2026-10-23T15:30:00Z", 60, "2026-10-26T09:30:00Z"},
                     });
  // Fri 09:00 BST (08:00Z) to Mon 17:00 GMT (17:00Z): two full days.
  EXPECT_EQ(london.BusinessTimeBetween(I("2026-10-23T08:00:00Z"), I("2026-10-26T17:00:00Z")), minutes(960));
  const BusinessCalendar always = BusinessCalendar::AlwaysOpen("Europe/London");
  EXPECT_EQ(always.BusinessTimeBetween(I("2026-03-29T00:00:00Z"), I("2026-03-29T23:00:00Z")),
            minutes(23 * 60));
  EXPECT_EQ(always.BusinessTimeBetween(I("2026-10-24T23:00:00Z"), I("2026-10-26T00:00:00Z")),
            minutes(25 * 60));
  EXPECT_EQ(always.LocalDate(I("2026-10-24T23:30:00Z")), D("2026-10-25"));  // 00:30 BST
}

TEST(BusinessCalendar, AlwaysOpenUtc) {
  // 10000 min = 6 days 22 h 40 min; 03:58 + 22:40 = 02:38 the next day.
  ExpectAdds(BusinessCalendar::AlwaysOpen(),
             {
                 {"24x7", "2026-11-22T03:58:00Z", 10000, "2026-11-29T02:38:00Z"},
                 {"zero", "2026-11-22T03:58:00Z", 0, "2026-11-22T03:58:00Z"},
             });
}

TEST(BusinessCalendar, SplitDayWithLunch) {
  // Chicago in November is CST, UTC-6. Hours 09:00-12:00 and 13:00-17:00: 7 hours a day.
  const BusinessCalendar c =
      BusinessCalendar::Weekdays("America/Chicago", {H("13:00-17:00"), H("09:00-12:00")});
  ExpectAdds(
      c,
      {
          {"across lunch", "2026-11-23T17:00:00Z" /* 11:00 */, 120, "2026-11-23T20:00:00Z" /* 14:00 */},
          {"starting at lunch", "2026-11-23T18:30:00Z" /* 12:30 */, 30, "2026-11-23T19:30:00Z" /* 13:30 */},
          {"ending at noon", "2026-11-23T15:00:00Z" /* 09:00 */, 180, "2026-11-23T18:00:00Z" /* 12:00 */},
          {"into the next day", "2026-11-23T16:00:00Z" /* 10:00 */, 420,
           "2026-11-24T16:00:00Z" /* Tue 10:00 */},
      });
  EXPECT_EQ(
      c.BusinessTimeBetween(I("2026-11-23T14:00:00Z") /* 08:00 */, I("2026-11-24T00:00:00Z") /* 18:00 */),
      minutes(420));
  EXPECT_EQ(c.BusinessTimeBetween(I("2026-11-24T00:00:00Z"), I("2026-11-23T14:00:00Z")), minutes(-420));
  const auto spans = c.OpenSpans(D("2026-11-23"));
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].first, I("2026-11-23T15:00:00Z"));
  EXPECT_EQ(spans[1].second, I("2026-11-23T23:00:00Z"));
}

TEST(BusinessCalendar, HolidaysAreSkipped) {
  const BusinessCalendar ny = NewYorkOffice();
  ExpectAdds(ny, {
                     // Wed 2026-11-25 16:00 EST; Thanksgiving closed; Fri 2026-11-27 09:00 EST + 60.
                     {"over Thanksgiving", "2026-11-25T21:00:00Z", 120, "2026-11-27T15:00:00Z"},
                 });
  EXPECT_TRUE(ny.OpenSpans(D("2026-11-26")).empty());
  // Mon 2026-11-23 00:00 EST to Mon 2026-11-30 00:00 EST: four 8-hour days.
  EXPECT_EQ(ny.BusinessTimeBetween(I("2026-11-23T05:00:00Z"), I("2026-11-30T05:00:00Z")), minutes(4 * 480));
}

TEST(BusinessCalendar, BusinessDays) {
  const BusinessCalendar ny = NewYorkOffice();
  EXPECT_TRUE(ny.IsBusinessDay(D("2026-11-23")));
  EXPECT_FALSE(ny.IsBusinessDay(D("2026-11-22")));  // Sunday
  EXPECT_FALSE(ny.IsBusinessDay(D("2026-11-26")));  // Thanksgiving
  struct Row {
    const char* from;
    int n;
    const char* expected;
  };
  for (const Row& row : std::vector<Row>{
           {"2026-11-25", 1, "2026-11-27"},  // over Thanksgiving
           {"2026-11-25", 3, "2026-12-01"},  // Fri 27, Mon 30, Tue Dec 1
           {"2026-11-20", 5, "2026-11-30"},  // Mon 23, Tue 24, Wed 25, Fri 27, Mon 30
           {"2026-12-24", 1, "2026-12-28"},  // over Christmas and the weekend
           {"2026-12-28", -1, "2026-12-24"},
           {"2026-11-30", -2, "2026-11-25"},  // Fri 27, Wed 25
           {"2026-11-21", 1, "2026-11-23"},   // from a Saturday
           {"2026-11-22", 0, "2026-11-22"},
       }) {
    EXPECT_EQ(ny.AddBusinessDays(D(row.from), row.n), D(row.expected)) << row.from << " + " << row.n;
  }
  // 24x7: every day is a business day.
  EXPECT_EQ(BusinessCalendar::AlwaysOpen().AddBusinessDays(D("2026-11-21"), 2), D("2026-11-23"));
}

TEST(BusinessCalendar, ValidateNamesTheProblem) {
  BusinessCalendar typo = NewYorkOffice();
  typo.time_zone = "America/New_Yrok";
  Status status = typo.Validate();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "calendar.unknown_time_zone");
  EXPECT_NE(status.error().message.find("America/New_Yrok"), std::string::npos);
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "time_zone");
  EXPECT_THROW(typo.AddBusinessTime(I("2026-11-23T15:00:00Z"), minutes(1)), std::invalid_argument);

  BusinessCalendar overlapping = NewYorkOffice();
  overlapping.HoursOn(date::Monday).push_back(H("16:00-18:00"));
  EXPECT_EQ(overlapping.Validate().error().code, "calendar.overlapping_hours");

  BusinessCalendar backwards = NewYorkOffice();
  backwards.HoursOn(date::Tuesday) = {BusinessHours{minutes(600), minutes(540)}};
  EXPECT_EQ(backwards.Validate().error().code, "calendar.invalid_hours");

  BusinessCalendar closed;
  EXPECT_EQ(closed.Validate().error().code, "calendar.no_business_hours");

  EXPECT_TRUE(BusinessCalendar::AlwaysOpen("Asia/Kolkata").Validate().ok());
  EXPECT_TRUE(BusinessCalendar::AlwaysOpen("Etc/UTC").Validate().ok());
}

TEST(BusinessHours, ParseAndFormat) {
  EXPECT_EQ(H("09:00-17:00"), (BusinessHours{minutes(540), minutes(1020)}));
  EXPECT_EQ(H("00:00-24:00").ToString(), "00:00-24:00");
  for (std::string_view bad : {"17:00-09:00", "09:00-09:00", "9:00-17:00", "09:00", "09:60-10:00",
                               "00:00-24:01", "25:00-26:00", "09:00–17:00"}) {
    Result<BusinessHours> h = BusinessHours::Parse(bad);
    ASSERT_FALSE(h.ok()) << bad;
    EXPECT_EQ(h.error().code, "calendar.invalid_hours");
  }
}

}  // namespace
}  // namespace concord
