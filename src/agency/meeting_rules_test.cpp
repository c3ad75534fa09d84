#include "agency/meeting_rules.h"

#include <gtest/gtest.h>

namespace concord::agency {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

TEST(StatusReportRules, StatusesAreOdoosFive) {
  for (const char* s : {"on_track", "at_risk", "off_track", "on_hold", "done"}) EXPECT_TRUE(CheckReportStatus(s).ok());
  auto bad = CheckReportStatus("green");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "status");
  EXPECT_TRUE(CheckProgress(0).ok());
  EXPECT_TRUE(CheckProgress(100).ok());
  EXPECT_FALSE(CheckProgress(101).ok());
  EXPECT_FALSE(CheckProgress(-1).ok());
}

TEST(StatusReportRules, MilestonesMovedSinceTheLastReport) {
  const std::vector<MilestoneDate> before = {{"Concepts", D("2026-03-10")}, {"Print", D("2026-04-01")}};
  const std::vector<MilestoneDate> now = {
      {"Concepts", D("2026-03-10")}, {"Print", D("2026-04-08")}, {"Launch", D("2026-04-20")}};
  const auto moved = MilestonesMoved(before, now);
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[0].name, "Print");
  EXPECT_EQ(moved[0].was, D("2026-04-01"));
  EXPECT_EQ(moved[0].now, D("2026-04-08"));
  EXPECT_EQ(moved[1].name, "Launch");
  EXPECT_FALSE(moved[1].was.has_value());
  EXPECT_TRUE(MilestonesMoved(std::nullopt, now).empty());  // a first report promised nothing before
}

TEST(ContactReportRules, DeadlineSkipsTheWeekendAndHolidays) {
  // A Thursday meeting with a 2-business-day deadline: Friday, (weekend), Monday — and with Monday 9
  // March a holiday, Tuesday.
  BusinessCalendar calendar = BusinessCalendar::Weekdays("America/New_York", {{std::chrono::hours(9), std::chrono::hours(17)}});
  EXPECT_EQ(DistributionDeadline(calendar, D("2026-03-05"), 2), D("2026-03-09"));
  calendar.holidays.insert(D("2026-03-09"));
  EXPECT_EQ(DistributionDeadline(calendar, D("2026-03-05"), 2), D("2026-03-10"));
}

TEST(TrafficRules, NextStepPutsTheClientsAnswerFirst) {
  EXPECT_EQ(NextStep(true, true, true, "Print"), "Chase the client's approval of the estimate");
  EXPECT_EQ(NextStep(true, false, true, "Print"), "Get an approved LOE before more billable work");
  EXPECT_EQ(NextStep(false, false, true, "Print"), "Agree a new due date with the client");
  EXPECT_EQ(NextStep(false, false, false, std::string("Print")), "Next milestone: Print");
  EXPECT_EQ(NextStep(false, false, false, std::nullopt), "Keep going");
}

}  // namespace
}  // namespace concord::agency
