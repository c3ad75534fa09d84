// Business time minus pauses. Expected instants worked out by hand from the calendar; the comments
// give local time, the assertions UTC.
#include "service/sla_timeline.h"

#include <gtest/gtest.h>

#include "service/sla_test_util.h"

namespace concord::service {
namespace {

using namespace testing_util;
using std::chrono::minutes;

// America/New_York, Mon–Fri 09:00–17:00. March 2026: EST (UTC−5) until Sun 8 March, then EDT (UTC−4).
BusinessCalendar NewYork() { return BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")}); }

TEST(BusinessTimeline, WithoutPausesAgreesWithTheCalendar) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {});
  for (const char* start : {"2026-03-02T14:00:00Z", "2026-03-06T21:30:00Z", "2026-03-07T12:00:00Z",
                            "2026-03-02T03:00:00Z", "2026-10-30T19:59:30Z"}) {
    for (int m : {0, 1, 59, 60, 479, 481, 2000}) {
      EXPECT_EQ(tl.Add(T(start), minutes(m), ExactFit::kAtEnd), cal.AddBusinessTime(T(start), minutes(m)))
          << start << " + " << m;
    }
  }
  EXPECT_EQ(tl.Between(T("2026-03-06T20:00:00Z"), T("2026-03-09T15:00:00Z")),
            cal.BusinessTimeBetween(T("2026-03-06T20:00:00Z"), T("2026-03-09T15:00:00Z")));
}

// Mon 2 March 09:00 EST + 120 min, paused 10:00–10:30 → 11:30 EST = 16:30Z.
TEST(BusinessTimeline, PauseShiftsByTheBusinessTimeItCovers) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {{T("2026-03-02T15:00:00Z"), T("2026-03-02T15:30:00Z")}});
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(120), ExactFit::kAtEnd), T("2026-03-02T16:30:00Z"));
  EXPECT_EQ(tl.Between(T("2026-03-02T14:00:00Z"), T("2026-03-02T16:30:00Z")), minutes(120));
}

// A pause from Mon 16:30 EST to Tue 10:00 EST covers 30 + 60 business minutes.
TEST(BusinessTimeline, PauseSpanningTheNight) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {{T("2026-03-02T21:30:00Z"), T("2026-03-03T15:00:00Z")}});
  // Mon 16:00 EST + 60 min: 30 min until the pause, then Tue 10:00–10:30 → 15:30Z.
  EXPECT_EQ(tl.Add(T("2026-03-02T21:00:00Z"), minutes(60), ExactFit::kAtEnd), T("2026-03-03T15:30:00Z"));
  EXPECT_EQ(tl.Between(T("2026-03-02T14:00:00Z"), T("2026-03-03T22:00:00Z")), minutes(16 * 60 - 90));
}

// Mon 09:00 EST + 480 min ends exactly at 17:00 close: concord 17:00 EST (22:00Z); biz's rule the
// next opening, Tue 09:00 EST (14:00Z).
TEST(BusinessTimeline, ExactFitAtClosing) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {});
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(480), ExactFit::kAtEnd), T("2026-03-02T22:00:00Z"));
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(480), ExactFit::kNextOpening),
            T("2026-03-03T14:00:00Z"));
}

// Ending exactly where a pause starts (10:00 EST): concord 10:00, biz's rule the pause's end 11:00.
TEST(BusinessTimeline, ExactFitAtPauseStart) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {{T("2026-03-02T15:00:00Z"), T("2026-03-02T16:00:00Z")}});
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(60), ExactFit::kAtEnd), T("2026-03-02T15:00:00Z"));
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(60), ExactFit::kNextOpening),
            T("2026-03-02T16:00:00Z"));
}

TEST(BusinessTimeline, RunningPauseHasNoAnswer) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {{T("2026-03-02T15:00:00Z"), kForever}});
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(30), ExactFit::kAtEnd), T("2026-03-02T14:30:00Z"));
  EXPECT_EQ(tl.Add(T("2026-03-02T14:00:00Z"), minutes(90), ExactFit::kAtEnd), std::nullopt);
}

TEST(BusinessTimeline, OverlappingPausesMerge) {
  const BusinessCalendar cal = NewYork();
  const BusinessTimeline tl(cal, {{T("2026-03-02T16:00:00Z"), T("2026-03-02T17:00:00Z")},
                                  {T("2026-03-02T15:00:00Z"), T("2026-03-02T16:30:00Z")}});
  ASSERT_EQ(tl.pauses().size(), 1u);
  EXPECT_EQ(tl.Between(T("2026-03-02T14:00:00Z"), T("2026-03-02T22:00:00Z")), minutes(480 - 120));
}

}  // namespace
}  // namespace concord::service
