#include "jobs/cron.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <sstream>

namespace concord::jobs {
namespace {

std::chrono::sys_seconds At(const std::string& text) {
  std::istringstream in(text);
  std::chrono::sys_seconds t;
  in >> date::parse("%F %R", t);
  return t;
}

std::string Next(const std::string& cron, const std::string& after) {
  return date::format("%F %R", Cron::Parse(cron).value().Next(At(after)));
}

// Expected times worked out by hand from a calendar (2026-11-22 is a Sunday).
TEST(Cron, EveryFifteenMinutes) { EXPECT_EQ(Next("*/15 * * * *", "2026-11-22 04:07"), "2026-11-22 04:15"); }
TEST(Cron, IsStrictlyAfter) { EXPECT_EQ(Next("*/15 * * * *", "2026-11-22 04:15"), "2026-11-22 04:30"); }
TEST(Cron, WeeklyMondayMorningAudit) { EXPECT_EQ(Next("0 6 * * 1", "2026-11-22 04:07"), "2026-11-23 06:00"); }
TEST(Cron, SundayAsSeven) { EXPECT_EQ(Next("0 6 * * 7", "2026-11-22 07:00"), "2026-11-29 06:00"); }
TEST(Cron, RangesAndLists) { EXPECT_EQ(Next("0 9-17/4 * * 1-5", "2026-11-23 13:00"), "2026-11-23 17:00"); }
// crontab(5): with both day fields restricted, either matches. Friday 2026-11-27 comes before Dec 1.
TEST(Cron, EitherDayFieldMatches) { EXPECT_EQ(Next("0 0 1,15 * 5", "2026-11-22 00:00"), "2026-11-27 00:00"); }
TEST(Cron, LeapDay) { EXPECT_EQ(Next("30 2 29 2 *", "2026-11-22 00:00"), "2028-02-29 02:30"); }
TEST(Cron, MonthEndRollsOver) { EXPECT_EQ(Next("0 0 1 * *", "2026-12-31 23:59"), "2027-01-01 00:00"); }

TEST(Cron, RefusesMalformedExpressions) {
  for (const char* bad : {"", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
                          "*/0 * * * *", "5-1 * * * *", "a * * * *"}) {
    auto cron = Cron::Parse(bad);
    ASSERT_FALSE(cron.ok()) << bad;
    EXPECT_EQ(cron.error().code, "schedule.bad_cron");
  }
}

}  // namespace
}  // namespace concord::jobs
