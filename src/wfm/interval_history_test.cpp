// Counting contacts into local intervals, by hand.
#include "wfm/interval_history.h"

#include <gtest/gtest.h>

#include <vector>

namespace concord::wfm {
namespace {

Instant T(const char* s) { return Instant::Parse(s).value(); }

// America/New_York, Mon 2 March 2026 (EST, UTC−5), 30-minute intervals:
//   14:05Z = 09:05 → interval 18; 14:29Z = 09:29 → 18; 14:30Z = 09:30 → 19;
//   Tue 3 March 04:59Z = Mon 23:59 → interval 47 of day 0; Tue 05:00Z = Tue 00:00 → day 1 interval 0.
TEST(IntervalHistory, BucketsByLocalWallClock) {
  const std::vector<ContactRecord> records{
      {T("2026-03-02T14:05:00Z"), std::chrono::seconds(100)},
      {T("2026-03-02T14:29:59Z"), std::chrono::seconds(300)},
      {T("2026-03-02T14:30:00Z"), std::chrono::seconds(240)},
      {T("2026-03-03T04:59:00Z"), std::chrono::seconds(60)},
      {T("2026-03-03T05:00:00Z"), std::chrono::seconds(60)},
      {T("2026-03-01T12:00:00Z"), std::chrono::seconds(60)},  // Sunday: before the range
  };
  Result<IntervalVolumes> v =
      BucketContacts(records, Date::Parse("2026-03-02").value(), 2, 30, "America/New_York");
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_EQ(v->contacts.size(), 96u);
  EXPECT_EQ(v->contacts[18], 2);
  EXPECT_EQ(v->aht_s[18], 200);  // (100 + 300)/2
  EXPECT_EQ(v->contacts[19], 1);
  EXPECT_EQ(v->contacts[47], 1);
  EXPECT_EQ(v->contacts[48], 1);
  EXPECT_EQ(v->outside, 1);
  EXPECT_EQ(v->history().contacts.size(), 96u);
}

// Spring forward, Sun 8 March 2026: 02:00–03:00 local does not exist. 06:59Z = 01:59 EST → interval 1
// (60-minute); 07:00Z = 03:00 EDT → interval 3; interval 2 stays empty.
TEST(IntervalHistory, SkippedHourStaysEmpty) {
  const std::vector<ContactRecord> records{{T("2026-03-08T06:59:00Z"), {}}, {T("2026-03-08T07:00:00Z"), {}}};
  Result<IntervalVolumes> v =
      BucketContacts(records, Date::Parse("2026-03-08").value(), 1, 60, "America/New_York");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->contacts[1], 1);
  EXPECT_EQ(v->contacts[2], 0);
  EXPECT_EQ(v->contacts[3], 1);
}

// An abandoned call is offered volume but has no handle time: 3 offered, 2 handled at 200 and 400 s
// → 3 contacts, AHT 300 s (not 600/3 = 200).
TEST(IntervalHistory, AbandonedContactsCountButStayOutOfTheAht) {
  const std::vector<ContactRecord> records{{T("2026-03-02T10:00:00Z"), std::chrono::seconds(200)},
                                           {T("2026-03-02T10:10:00Z"), std::chrono::seconds(400)},
                                           {T("2026-03-02T10:20:00Z"), std::chrono::seconds(0), false}};
  auto v = BucketContacts(records, Date::Parse("2026-03-02").value(), 1, 60, "UTC");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->contacts[10], 3);
  EXPECT_EQ(v->handled[10], 2);
  EXPECT_EQ(v->aht_s[10], 300);
  EXPECT_DOUBLE_EQ(WeeklyAhtProfile(*v)[10], 300);
}

TEST(IntervalHistory, WeeklyAhtProfileWeighsByContacts) {
  IntervalVolumes v;
  v.interval_min = 60;
  v.contacts.assign(24 * 8, 0.0);
  v.aht_s.assign(24 * 8, 0.0);
  // Day 0 and day 7 (same weekday) at 10:00: 3 contacts at 200 s, 1 at 400 s → 250 s.
  v.contacts[10] = 3;
  v.aht_s[10] = 200;
  v.contacts[7 * 24 + 10] = 1;
  v.aht_s[7 * 24 + 10] = 400;
  const std::vector<double> p = WeeklyAhtProfile(v);
  ASSERT_EQ(p.size(), 7u * 24);
  EXPECT_DOUBLE_EQ(p[10], 250);
  EXPECT_DOUBLE_EQ(p[11], 250);  // no contacts: the overall mean (1000/4)
}

// Two queues, UTC, 60-minute intervals: each queue counts only its own contacts.
TEST(IntervalHistory, BucketsEachQueueApart) {
  const std::vector<QueuedContact> contacts{{"billing", T("2026-03-02T09:10:00Z"), std::chrono::seconds(120)},
                                            {"payroll", T("2026-03-02T09:50:00Z"), std::chrono::seconds(300)},
                                            {"billing", T("2026-03-02T09:40:00Z"), std::chrono::seconds(180)},
                                            {"billing", T("2026-03-02T17:00:00Z"), std::chrono::seconds(60)}};
  auto v = BucketByQueue(contacts, Date::Parse("2026-03-02").value(), 1, 60, "UTC");
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ(v->at("billing").contacts[9], 2);
  EXPECT_EQ(v->at("billing").aht_s[9], 150);  // (120 + 180)/2
  EXPECT_EQ(v->at("billing").contacts[17], 1);
  EXPECT_EQ(v->at("payroll").contacts[9], 1);
  EXPECT_EQ(v->at("payroll").contacts[17], 0);
  EXPECT_EQ(BucketByQueue(contacts, Date::Parse("2026-03-02").value(), 1, 20, "UTC").error().code,
            "wfm.interval_unsupported");
}

TEST(IntervalHistory, Errors) {
  const Date d = Date::Parse("2026-03-02").value();
  EXPECT_EQ(BucketContacts({}, d, 1, 20, "UTC").error().code, "wfm.interval_unsupported");
  EXPECT_EQ(BucketContacts({}, d, 0, 30, "UTC").error().code, "wfm.days_invalid");
  EXPECT_EQ(BucketContacts({}, d, 1, 30, "Mars/Olympus").error().code, "calendar.unknown_time_zone");
}

}  // namespace
}  // namespace concord::wfm
