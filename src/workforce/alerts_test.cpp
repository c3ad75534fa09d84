// The coordinator's alerts: an end with less notice than the programme's minimum (notice.h), counted by hand
// across a weekend and a federal holiday, and a work order the VMS shows closed while concord has no end.
// 2026: Thanksgiving is Thursday 11-26; New Year's Day 2027 is a Friday (5 U.S.C. §6103(a)).
#include <gtest/gtest.h>

#include "workforce/audits.h"
#include "workforce/holidays.h"
#include "workforce/notice.h"

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

NoticeCheck Check(const char* given, const char* last, int minimum, NoticeDayKind kind) {
  return CheckNotice(D(given), D(last), {minimum, kind}, FederalBusinessCalendar(2026));
}

TEST(NoticeTest, BusinessDaysSkipTheWeekendAndThanksgiving) {
  // Given Friday 11-20 for a last day of Friday 11-27: Mon 23, Tue 24, Wed 25, (Thu 26 holiday), Fri 27.
  const NoticeCheck week = Check("2026-11-20", "2026-11-27", 5, NoticeDayKind::kBusiness);
  EXPECT_EQ(week.days, 4);
  EXPECT_TRUE(week.short_notice);
  EXPECT_EQ(week.reason, "4 business days of notice (2026-11-20 → 2026-11-27); the programme asks for 5");
  // The same dates in calendar days: 21 … 27 is seven.
  const NoticeCheck calendar = Check("2026-11-20", "2026-11-27", 5, NoticeDayKind::kCalendar);
  EXPECT_EQ(calendar.days, 7);
  EXPECT_FALSE(calendar.short_notice);
}

TEST(NoticeTest, AcrossNewYear) {
  // Given Wednesday 2026-12-30 for Friday 2027-01-08: Thu 12-31, (Fri 1-1 holiday, weekend), Mon 4 … Fri 8.
  const NoticeCheck business = Check("2026-12-30", "2027-01-08", 10, NoticeDayKind::kBusiness);
  EXPECT_EQ(business.days, 6);
  EXPECT_TRUE(business.short_notice);
  EXPECT_EQ(Check("2026-12-30", "2027-01-08", 9, NoticeDayKind::kCalendar).days, 9);
  EXPECT_FALSE(Check("2026-12-30", "2027-01-08", 9, NoticeDayKind::kCalendar).short_notice);
}

TEST(NoticeTest, ExactlyTheMinimumIsEnoughAndSameDayIsNone) {
  // Given Monday 11-16 for Monday 11-23: Tue 17 … Fri 20, Mon 23 = five business days.
  EXPECT_FALSE(Check("2026-11-16", "2026-11-23", 5, NoticeDayKind::kBusiness).short_notice);
  EXPECT_EQ(Check("2026-11-23", "2026-11-23", 1, NoticeDayKind::kBusiness).days, 0);
  EXPECT_EQ(Check("2026-11-24", "2026-11-23", 0, NoticeDayKind::kCalendar).days, 0);
  EXPECT_FALSE(Check("2026-11-24", "2026-11-23", 0, NoticeDayKind::kCalendar).short_notice);  // no minimum
  EXPECT_EQ(ParseNoticeDayKind("weeks").error().fields.at(0).field, "notice_day_kind");
}

AssignmentSnapshot Active() {
  AssignmentSnapshot a;
  a.assignment_id = "A-7";
  a.status = AssignmentStatus::kActive;
  a.start_date = D("2026-01-05");
  a.end_date = D("2026-12-31");
  a.last_timecard_date = D("2026-11-15");
  return a;
}

std::vector<std::string> Codes(const AssignmentSnapshot& a) {
  std::vector<std::string> out;
  for (const auto& f : AuditAssignments({a}, D("2026-11-22"))) out.push_back(f.code);
  return out;
}

TEST(AlertTest, TheVmsShowsClosedWhileOursIsActive) {
  AssignmentSnapshot a = Active();
  a.vms_status = " Closed ";
  EXPECT_EQ(Codes(a), std::vector<std::string>{"audit.vms_closed_not_ended"});
  EXPECT_TRUE(IsAlert("audit.vms_closed_not_ended"));
  for (const char* shown : {"Completed", "ENDED", "Terminated"}) {
    a.vms_status = shown;
    EXPECT_EQ(Codes(a).size(), 1u) << shown;
  }
  a.vms_status = "Active";
  EXPECT_TRUE(Codes(a).empty());
  // Notice given in concord: the end is known, the VMS is ahead, not wrong.
  a.vms_status = "Closed";
  a.status = AssignmentStatus::kEnding;
  EXPECT_TRUE(Codes(a).empty());
}

TEST(AlertTest, AShortNoticeEndIsFlaggedWhileEndingAndAfter) {
  AssignmentSnapshot a = Active();
  a.short_notice = "4 business days of notice (2026-11-20 → 2026-11-27); the programme asks for 5";
  EXPECT_TRUE(Codes(a).empty());  // still active: no end given
  a.status = AssignmentStatus::kEnding;
  const auto findings = AuditAssignments({a}, D("2026-11-22"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "audit.short_notice");
  EXPECT_EQ(findings[0].reason, "short notice: " + *a.short_notice);
  EXPECT_FALSE(IsAlert("audit.no_recent_timecard"));
}

}  // namespace
}  // namespace concord::workforce
