#include "wfm/shifts.h"

#include <gtest/gtest.h>

namespace concord::wfm {
namespace {

int At(const std::vector<ScheduleEntry>& s, const std::string& day, int start) {
  for (const auto& e : s)
    if (e.day == day && e.start_min == start) return e.scheduled;
  return 0;
}

TEST(Shifts, CountWholeIntervalsOnShift) {
  // Ana 09:00–17:00 and Ben 09:10–13:00 on Monday 2 March, 30-minute intervals.
  const auto s = ScheduledFromShifts({{"Ana", "2026-03-02", 540, 1020}, {"Ben", "2026-03-02", 550, 780}}, 30);
  EXPECT_EQ(At(s, "2026-03-02", 540), 1);   // 09:00: Ben not yet on for the whole half hour
  EXPECT_EQ(At(s, "2026-03-02", 570), 2);   // 09:30
  EXPECT_EQ(At(s, "2026-03-02", 750), 2);   // 12:30–13:00: Ben's last
  EXPECT_EQ(At(s, "2026-03-02", 780), 1);   // 13:00
  EXPECT_EQ(At(s, "2026-03-02", 990), 1);   // 16:30–17:00: Ana's last
  EXPECT_EQ(At(s, "2026-03-02", 1020), 0);  // 17:00
  EXPECT_EQ(s.size(), 16u);                 // 09:00 … 16:30
}

TEST(Shifts, AnOvernightShiftRunsIntoTheNextDay) {
  // 22:00–06:00 in hours: 22, 23 on the 2nd; 0–5 on the 3rd.
  const auto s = ScheduledFromShifts({{"Cy", "2026-03-02", 1320, 1800}}, 60);
  ASSERT_EQ(s.size(), 8u);
  EXPECT_EQ(At(s, "2026-03-02", 1380), 1);
  EXPECT_EQ(At(s, "2026-03-03", 0), 1);
  EXPECT_EQ(At(s, "2026-03-03", 300), 1);
  EXPECT_EQ(At(s, "2026-03-03", 360), 0);
}

TEST(Shifts, RosteredDaysReplaceImportedOnesOthersStay) {
  const std::vector<ScheduleEntry> imported = {{"2026-03-02", 540, 5}, {"2026-03-02", 600, 5}, {"2026-03-03", 540, 4}};
  const std::vector<ScheduleEntry> rostered = {{"2026-03-02", 540, 2}};
  const auto m = MergeSchedules(imported, rostered);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(At(m, "2026-03-02", 540), 2);
  EXPECT_EQ(At(m, "2026-03-02", 600), 0);  // the day is rostered: nobody on at 10:00
  EXPECT_EQ(At(m, "2026-03-03", 540), 4);
}

TEST(Shifts, CheckNamesTheBadFields) {
  const auto errors = CheckShift({"", "2026-02-30", 1500, 100}, "line 3, ");
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"line 3, date", "line 3, start", "line 3, end", "line 3, agent"}));
  EXPECT_TRUE(CheckShift({"Ana", "2026-03-02", 1320, 1800}, "").empty());
  EXPECT_EQ(CheckShift({"Ana", "2026-03-02", 60, 1600}, "").at(0).code, "wfm.shift_length");
}

}  // namespace
}  // namespace concord::wfm
