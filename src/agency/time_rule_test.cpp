// The "entered within N business days" rule, compliance, the money value of time and the edit guards.
// Weekdays of 2026 worked from 1 January 2026 being a Thursday; US daylight saving 2026 starts Sunday
// 8 March (EST -05 -> EDT -04) and ends Sunday 1 November; Thanksgiving is Thursday 26 November.
#include "agency/time_rule.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>
#include <vector>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::T;
using testing_util::USD;

BusinessHours H(const char* text) { return BusinessHours::Parse(text).value(); }

TimePolicy NewYork(std::set<Date> holidays = {D("2026-11-26"), D("2026-11-27"), D("2026-12-25")}, int n = 3) {
  TimePolicy p;
  p.calendar = BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")}, std::move(holidays));
  p.entry_window_business_days = n;
  EXPECT_TRUE(p.calendar.Validate().ok());
  return p;
}

struct LateCase {
  const char* why;
  const char* work_date;
  const char* deadline;  // last on-time local date
  const char* entered;
  bool late;
};

TEST(TimeRule, LatenessAcrossWeekendsHolidaysAndDst) {
  const TimePolicy policy = NewYork();
  const LateCase cases[] = {
      // Mon 2 Mar -> Tue, Wed, Thu: due by the end of Thu 5 Mar = 2026-03-06T05:00:00Z (EST).
      {"plain week, last second", "2026-03-02", "2026-03-05", "2026-03-06T04:59:59Z", false},
      {"plain week, midnight", "2026-03-02", "2026-03-05", "2026-03-06T05:00:00Z", true},
      {"same day", "2026-03-02", "2026-03-05", "2026-03-02T22:00:00Z", false},
      // Thu 5 Mar -> Fri 6, Mon 9, Tue 10; DST began Sun 8, so the day ends at 04:00Z, not 05:00Z.
      {"over weekend and DST start, last second", "2026-03-05", "2026-03-10", "2026-03-11T03:59:59Z", false},
      {"over weekend and DST start, 00:30 EDT", "2026-03-05", "2026-03-10", "2026-03-11T04:30:00Z", true},
      // Fri 6 Mar -> Mon 9, Tue 10, Wed 11.
      {"Friday work", "2026-03-06", "2026-03-11", "2026-03-12T03:59:59Z", false},
      {"Friday work, late", "2026-03-06", "2026-03-11", "2026-03-12T04:00:00Z", true},
      // Saturday work counts from Saturday: Mon 9, Tue 10, Wed 11.
      {"weekend work", "2026-03-07", "2026-03-11", "2026-03-11T20:00:00Z", false},
      // Fri 30 Oct -> Mon 2, Tue 3, Wed 4 Nov; DST ended Sun 1 Nov, the day ends at 05:00Z: 04:30Z is
      // 23:30 EST on Wed 4 Nov, still on time.
      {"over DST end, 23:30 EST", "2026-10-30", "2026-11-04", "2026-11-05T04:30:00Z", false},
      {"over DST end, midnight EST", "2026-10-30", "2026-11-04", "2026-11-05T05:00:00Z", true},
      // Wed 25 Nov -> (Thanksgiving Thu 26 and Fri 27 closed, weekend) Mon 30, Tue 1, Wed 2 Dec.
      {"Thanksgiving", "2026-11-25", "2026-12-02", "2026-12-02T23:00:00Z", false},
      {"Thanksgiving, next morning", "2026-11-25", "2026-12-02", "2026-12-03T14:00:00Z", true},
      // Wed 23 Dec -> Thu 24, (Christmas Fri 25, weekend) Mon 28, Tue 29.
      {"Christmas", "2026-12-23", "2026-12-29", "2026-12-30T04:59:59Z", false},
      {"Christmas, late", "2026-12-23", "2026-12-29", "2026-12-30T05:00:00Z", true},
  };
  for (const LateCase& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(EntryDeadlineDate(policy, D(c.work_date)), D(c.deadline));
    EXPECT_EQ(IsLate(policy, D(c.work_date), T(c.entered)), c.late);
    // IsLate and LateFrom agree on every case.
    EXPECT_EQ(T(c.entered) >= LateFrom(policy, D(c.work_date)), c.late);
  }
}

TEST(TimeRule, LateFromIsLocalMidnightAfterTheDeadline) {
  const TimePolicy policy = NewYork();
  EXPECT_EQ(LateFrom(policy, D("2026-03-02")), T("2026-03-06T05:00:00Z"));  // 00:00 EST
  EXPECT_EQ(LateFrom(policy, D("2026-03-05")), T("2026-03-11T04:00:00Z"));  // 00:00 EDT
  EXPECT_EQ(LateFrom(policy, D("2026-10-30")), T("2026-11-05T05:00:00Z"));  // 00:00 EST again
}

TEST(TimeRule, WindowIsConfigurableAndHolidaysMatter) {
  // One holiday only: Wed 25 Nov -> Fri 27, Mon 30, Tue 1 Dec.
  EXPECT_EQ(EntryDeadlineDate(NewYork({D("2026-11-26")}), D("2026-11-25")), D("2026-12-01"));
  // N = 1: Friday's work is due Monday.
  EXPECT_EQ(EntryDeadlineDate(NewYork({}, 1), D("2026-03-06")), D("2026-03-09"));
  // N = 0: due the same day, even on a Saturday.
  const TimePolicy same_day = NewYork({}, 0);
  EXPECT_EQ(EntryDeadlineDate(same_day, D("2026-03-07")), D("2026-03-07"));
  EXPECT_FALSE(IsLate(same_day, D("2026-03-02"), T("2026-03-02T23:00:00Z")));  // 18:00 EST
  EXPECT_TRUE(IsLate(same_day, D("2026-03-02"), T("2026-03-03T05:00:00Z")));   // 00:00 EST next day
}

TEST(TimeRule, MidnightThatDoesNotExist) {
  // Santiago moved its clocks from Sat 5 Sep 2026 24:00 (-04) straight to Sun 6 Sep 01:00 (-03), i.e. at
  // 2026-09-06T04:00:00Z (zdump). With a Monday-to-Saturday week, Wed 2 Sep work is due by the end of Sat 5:
  // the day ends at the jump.
  TimePolicy p;
  p.calendar = BusinessCalendar::Weekdays("America/Santiago", {H("09:00-18:00")});
  p.calendar.HoursOn(date::Saturday) = {H("09:00-13:00")};
  EXPECT_EQ(EntryDeadlineDate(p, D("2026-09-02")), D("2026-09-05"));
  EXPECT_EQ(LateFrom(p, D("2026-09-02")), T("2026-09-06T04:00:00Z"));
  EXPECT_FALSE(IsLate(p, D("2026-09-02"), T("2026-09-06T03:59:59Z")));
  EXPECT_TRUE(IsLate(p, D("2026-09-02"), T("2026-09-06T04:00:00Z")));
}

struct AmountCase {
  int64_t minutes;
  Money rate;
  Money expected;
  const char* why;
};

TEST(TimeRule, TimeAmountRoundsOnceHalfUp) {
  const AmountCase cases[] = {
      {90, USD("150.00"), USD("225.00"), "1.5 h"},
      {20, USD("100.00"), USD("33.33"), "33.333…"},
      {10, USD("125.00"), USD("20.83"), "20.8333…"},
      {45, USD("118.50"), USD("88.88"), "88.875: HalfUp"},
      {1, USD("0.30"), USD("0.01"), "0.005: HalfUp (HalfEven would give 0.00)"},
      {0, USD("150.00"), USD("0.00"), "nothing"},
      {7, Money(Dec("5000"), "JPY"), Money(Dec("583"), "JPY"), "583.33 yen to whole yen"},
  };
  for (const AmountCase& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(TimeAmount(c.minutes, c.rate), c.expected);
  }
}

TimeEntry Entry(const char* person, const char* work_date, const char* entered) {
  TimeEntry e;
  e.person = person;
  e.job_number = "ACME-260001";
  e.service = "design";
  e.work_date = D(work_date);
  e.minutes = 60;
  e.entered_at = T(entered);
  return e;
}

TEST(TimeRule, OnTimePercentPerPerson) {
  const TimePolicy policy = NewYork();
  const std::vector<TimeEntry> entries = {
      Entry("cy", "2026-03-02", "2026-03-09T15:00:00Z"),   // late
      Entry("ana", "2026-03-02", "2026-03-02T21:00:00Z"),  // on time
      Entry("ben", "2026-03-06", "2026-03-11T15:00:00Z"),  // on time
      Entry("ana", "2026-03-02", "2026-03-06T05:00:00Z"),  // exactly local midnight: late
      Entry("cy", "2026-03-03", "2026-03-10T15:00:00Z"),   // Tue 3 -> due Fri 6: late
      Entry("ana", "2026-03-05", "2026-03-10T12:00:00Z"),  // on time
  };
  const auto stats = OnTimeByPerson(entries, policy);
  ASSERT_EQ(stats.size(), 3u);
  EXPECT_EQ(stats[0].person, "ana");
  EXPECT_EQ(stats[0].entries, 3);
  EXPECT_EQ(stats[0].late, 1);
  EXPECT_EQ(stats[0].on_time_percent.ToString(), "66.7");  // 200/3 = 66.666…
  EXPECT_EQ(stats[1].person, "ben");
  EXPECT_EQ(stats[1].on_time_percent.ToString(), "100.0");
  EXPECT_EQ(stats[2].person, "cy");
  EXPECT_EQ(stats[2].late, 2);
  EXPECT_EQ(stats[2].on_time_percent.ToString(), "0.0");
}

struct NewEntryCase {
  const char* why;
  const char* work_date;
  const char* entered;
  int64_t minutes;
  bool override_lock;
  const char* code;  // nullptr: accepted
  const char* field;
};

TEST(TimeRule, NewEntryGuards) {
  const TimePolicy policy = NewYork();
  const NewEntryCase cases[] = {
      {"open period", "2026-03-02", "2026-03-02T20:00:00Z", 60, false, nullptr, ""},
      {"locked period", "2026-02-27", "2026-03-02T20:00:00Z", 60, false, "time.period_locked", "work_date"},
      {"lock date itself", "2026-02-28", "2026-03-02T20:00:00Z", 60, false, "time.period_locked", "work_date"},
      {"locked, with override", "2026-02-27", "2026-03-02T20:00:00Z", 60, true, nullptr, ""},
      {"zero minutes", "2026-03-02", "2026-03-02T20:00:00Z", 0, false, "time.minutes_invalid", "minutes"},
      {"more than a day", "2026-03-02", "2026-03-02T20:00:00Z", 1441, false, "time.minutes_invalid", "minutes"},
      {"a whole day", "2026-03-02", "2026-03-02T20:00:00Z", 1440, false, nullptr, ""},
      // 04:00Z on 3 Mar is 23:00 EST on 2 Mar: work dated 3 Mar is still in the future locally.
      {"future in the agency's zone", "2026-03-03", "2026-03-03T04:00:00Z", 60, false, "time.work_date_in_future",
       "work_date"},
  };
  for (const NewEntryCase& c : cases) {
    SCOPED_TRACE(c.why);
    TimeEntry e = Entry("ana", c.work_date, c.entered);
    e.minutes = c.minutes;
    const Status st = CheckNewEntry(e, policy, {D("2026-02-28"), c.override_lock});
    if (c.code == nullptr) {
      EXPECT_TRUE(st.ok()) << st.error().code;
      continue;
    }
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, c.code);
    EXPECT_EQ(st.error().fields.at(0).field, c.field);
  }
}

TEST(TimeRule, FrozenEntriesRefuseEveryEdit) {
  const TimePolicy policy = NewYork();
  for (TimeEntryState state : {TimeEntryState::kApproved, TimeEntryState::kInvoiced}) {
    TimeEntry before = Entry("ana", "2026-03-02", "2026-03-02T20:00:00Z");
    before.state = state;
    TimeEntry after = before;
    after.minutes = 30;
    // Not even the lock override unfreezes approved or invoiced time.
    const Status st = CheckEdit(before, after, T("2026-03-04T15:00:00Z"), policy, {std::nullopt, true});
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "time.frozen");
    EXPECT_EQ(st.error().kind, ErrorKind::kConflict);
    EXPECT_EQ(st.error().fields.at(0).field, "state");
  }
}

TEST(TimeRule, EditsAgainstTheLock) {
  const TimePolicy policy = NewYork();
  const EditPermissions lock{D("2026-02-28"), false};
  const Instant now = T("2026-03-05T15:00:00Z");
  TimeEntry open = Entry("ana", "2026-03-02", "2026-03-02T20:00:00Z");
  open.state = TimeEntryState::kSubmitted;

  TimeEntry moved_in = open;  // moving an entry into the closed period changes that period
  moved_in.work_date = D("2026-02-27");
  EXPECT_EQ(CheckEdit(open, moved_in, now, policy, lock).error().code, "time.period_locked");

  TimeEntry locked = Entry("ana", "2026-02-26", "2026-02-26T20:00:00Z");
  TimeEntry moved_out = locked;  // and so does moving one out of it
  moved_out.work_date = D("2026-03-02");
  EXPECT_EQ(CheckEdit(locked, moved_out, now, policy, lock).error().code, "time.period_locked");
  EXPECT_TRUE(CheckEdit(locked, moved_out, now, policy, {D("2026-02-28"), true}).ok());

  TimeEntry later_day = open;  // a later work date is fine once that day has come
  later_day.work_date = D("2026-03-04");
  EXPECT_TRUE(CheckEdit(open, later_day, now, policy, lock).ok());
  later_day.work_date = D("2026-03-06");
  EXPECT_EQ(CheckEdit(open, later_day, now, policy, lock).error().code, "time.work_date_in_future");
}

}  // namespace
}  // namespace concord::agency
