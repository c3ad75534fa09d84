// Periodic audits: each finding worked by hand from the snapshot's dates. Today is Sunday 2026-11-22.
#include "workforce/audits.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }
const Date kToday = D("2026-11-22");

AssignmentSnapshot Clean(const char* id) {
  AssignmentSnapshot a;
  a.assignment_id = id;
  a.status = AssignmentStatus::kActive;
  a.start_date = D("2026-01-05");
  a.end_date = D("2026-12-31");
  a.last_timecard_date = D("2026-11-15");
  a.in_vms = true;
  a.vms_end_date = D("2026-12-31");
  return a;
}

struct AuditCase {
  const char* name;
  void (*change)(AssignmentSnapshot&);
  std::vector<std::string> codes;
  std::string first_reason;  // "" = not checked
};

class AuditRuleTest : public ::testing::TestWithParam<AuditCase> {};

TEST_P(AuditRuleTest, FindsWhatTheDatesShow) {
  const AuditCase& c = GetParam();
  AssignmentSnapshot a = Clean("A-1");
  c.change(a);
  auto findings = AuditAssignments({a}, kToday);
  std::vector<std::string> codes;
  for (const auto& f : findings) {
    codes.push_back(f.code);
    EXPECT_EQ(f.assignment_id, "A-1");
    EXPECT_FALSE(f.reason.empty());
  }
  EXPECT_EQ(codes, c.codes);
  if (!c.first_reason.empty() && !findings.empty()) {
    EXPECT_EQ(findings[0].reason, c.first_reason);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, AuditRuleTest,
    ::testing::Values(
        AuditCase{"CleanHasNoFinding", [](AssignmentSnapshot&) {}, {}, ""},
        // Ended on Friday the 20th, still active on Sunday the 22nd: 2 days.
        AuditCase{"PastEndStillActive",
                  [](AssignmentSnapshot& a) { a.end_date = a.vms_end_date = D("2026-11-20"); },
                  {"audit.past_end_still_active"},
                  "end date 2026-11-20 passed 2 days ago but the assignment is still active"},
        AuditCase{"EndingTodayIsNotPast", [](AssignmentSnapshot& a) { a.end_date = a.vms_end_date = kToday; }, {}, ""},
        AuditCase{"PastEndWhileEnding",
                  [](AssignmentSnapshot& a) {
                    a.status = AssignmentStatus::kEnding;
                    a.end_date = a.vms_end_date = D("2026-11-21");
                  },
                  {"audit.past_end_still_active"},
                  "end date 2026-11-21 passed 1 day ago but the assignment is still ending"},
        // 14-day window: 2026-11-08 onward. A timecard covering the 8th is recent enough…
        AuditCase{
            "TimecardOnWindowEdge", [](AssignmentSnapshot& a) { a.last_timecard_date = D("2026-11-08"); }, {}, ""},
        // …one covering the 7th is 15 days old.
        AuditCase{"TimecardTooOld",
                  [](AssignmentSnapshot& a) { a.last_timecard_date = D("2026-11-07"); },
                  {"audit.no_recent_timecard"},
                  "no timecard since 2026-11-07 (15 days; the limit is 14)"},
        AuditCase{"NeverSubmitted",
                  [](AssignmentSnapshot& a) {
                    a.start_date = D("2026-11-02");
                    a.last_timecard_date.reset();
                  },
                  {"audit.no_recent_timecard"},
                  "no timecard since the start on 2026-11-02 (20 days; the limit is 14)"},
        // Started on the 16th: not yet 14 days in, nothing due.
        AuditCase{"TooNewForTimecards",
                  [](AssignmentSnapshot& a) {
                    a.start_date = D("2026-11-16");
                    a.last_timecard_date.reset();
                  },
                  {},
                  ""},
        AuditCase{"VmsEndDiffers",
                  [](AssignmentSnapshot& a) { a.vms_end_date = D("2027-03-31"); },
                  {"audit.vms_end_date_mismatch"},
                  "end date in the VMS is 2027-03-31, ours is 2026-12-31"},
        AuditCase{"VmsEndMissing",
                  [](AssignmentSnapshot& a) { a.vms_end_date.reset(); },
                  {"audit.vms_end_date_mismatch"},
                  "end date in the VMS is none, ours is 2026-12-31"},
        AuditCase{"NoVmsNoComparison",
                  [](AssignmentSnapshot& a) {
                    a.in_vms = false;
                    a.vms_end_date.reset();
                  },
                  {},
                  ""},
        AuditCase{"EndedWithoutLastDay",
                  [](AssignmentSnapshot& a) { a.status = AssignmentStatus::kEnded; },
                  {"audit.last_day_worked_missing"},
                  ""},
        AuditCase{"LastDayAfterEnd",
                  [](AssignmentSnapshot& a) {
                    a.status = AssignmentStatus::kEnded;
                    a.end_date = a.vms_end_date = D("2026-11-13");
                    a.last_day_worked = D("2026-11-16");
                  },
                  {"audit.last_day_after_end"},
                  "last day worked 2026-11-16 is after the end date 2026-11-13"},
        // Several problems at once come in the documented order.
        AuditCase{"SeveralFindings",
                  [](AssignmentSnapshot& a) {
                    a.end_date = D("2026-10-31");
                    a.last_timecard_date = D("2026-10-30");
                  },
                  {"audit.past_end_still_active", "audit.no_recent_timecard", "audit.vms_end_date_mismatch"},
                  ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AuditTest, FindingsFollowInputOrderAndPolicy) {
  AssignmentSnapshot a = Clean("A-1");
  AssignmentSnapshot b = Clean("B-2");
  a.last_timecard_date = D("2026-11-10");  // 12 days
  b.vms_end_date = D("2026-12-18");
  auto findings = AuditAssignments({a, b}, kToday, AuditPolicy{7});
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].assignment_id, "A-1");
  EXPECT_EQ(findings[0].code, "audit.no_recent_timecard");
  EXPECT_EQ(findings[1].assignment_id, "B-2");
  EXPECT_EQ(findings[1].code, "audit.vms_end_date_mismatch");
  EXPECT_TRUE(AuditAssignments({a, b}, kToday, AuditPolicy{14}).size() == 1u);
}

}  // namespace
}  // namespace concord::workforce
