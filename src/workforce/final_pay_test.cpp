// Final-pay deadlines, one row per statute example. Every expected date is worked by hand from the cited
// text with a 2026 calendar (2026-11-26 is Thanksgiving; 2026-11-20 a Friday, 2026-11-22 a Sunday).
#include "workforce/final_pay.h"

#include <gtest/gtest.h>

#include <string>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }
Instant At(const char* text) { return Instant::Parse(text).value(); }

BusinessCalendar Calendar(std::set<Date> holidays = {}) {
  return BusinessCalendar::Weekdays("UTC", {BusinessHours::Parse("09:00-17:00").value()}, std::move(holidays));
}

struct DateCase {
  const char* name;
  const char* state;
  SeparationKind kind;
  const char* last_day;
  std::optional<int> notice_hours;
  const char* next_payday;    // "" = not given
  const char* period_payday;  // "" = not given
  const char* expected_due;
  const char* expected_citation_contains;
};

std::optional<Date> Opt(const char* text) {
  if (std::string(text).empty()) return std::nullopt;
  return D(text);
}

class FinalPayDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(FinalPayDateTest, DueDateFollowsTheStatute) {
  const DateCase& c = GetParam();
  SeparationFacts facts{
      c.state, c.kind, D(c.last_day), std::nullopt, c.notice_hours, Opt(c.next_payday), Opt(c.period_payday)};
  auto due = FinalPayDue(facts, Calendar({D("2026-11-26")}));
  ASSERT_TRUE(due.ok()) << due.error().code << ": " << due.error().message;
  EXPECT_EQ(due->due_date, D(c.expected_due));
  EXPECT_NE(due->citation.find(c.expected_citation_contains), std::string::npos) << due->citation;
  EXPECT_FALSE(due->rule_text.empty());
  EXPECT_EQ(due->table_version, std::string(CurrentFinalPayTable().version));
}

constexpr auto kFired = SeparationKind::kInvoluntary;
constexpr auto kQuit = SeparationKind::kResignation;

INSTANTIATE_TEST_SUITE_P(
    States, FinalPayDateTest,
    ::testing::Values(
        // Cal. Lab. Code §201(a): due immediately on discharge.
        DateCase{"CaDischargeSameDay", "CA", kFired, "2026-11-20", std::nullopt, "2026-12-04", "", "2026-11-20",
                 "§201"},
        // §202(a): quit without notice, 72 hours later: Fri + 3 days = Mon; weekends are not skipped.
        DateCase{"CaQuitNoNoticeFriday", "CA", kQuit, "2026-11-20", std::nullopt, "", "", "2026-11-23", "§202"},
        // Quit the day before Thanksgiving: 72 hours end on Saturday; holidays do not extend it.
        DateCase{"CaQuitNoNoticeThanksgiving", "CA", kQuit, "2026-11-25", std::nullopt, "", "", "2026-11-28", "§202"},
        // 48 hours' notice is less than the 72 hours §202(a) asks for: the 72-hour rule applies.
        DateCase{"CaQuit48hNotice", "CA", kQuit, "2026-11-20", 48, "", "", "2026-11-23", "§202"},
        // 72 hours' notice: due at the time of quitting.
        DateCase{"CaQuit72hNotice", "CA", kQuit, "2026-11-20", 72, "", "", "2026-11-20", "§202"},
        // Tex. Lab. Code §61.014(a)(1): sixth day after discharge. Tue 10th + 6 = Mon 16th.
        DateCase{"TxDischargeWeekday", "TX", kFired, "2026-11-10", std::nullopt, "", "", "2026-11-16", "§61.014"},
        // Mon 16th + 6 = Sun 22nd; Gov't Code §311.014(b) moves it to Mon 23rd.
        DateCase{"TxDischargeSundayRolls", "TX", kFired, "2026-11-16", std::nullopt, "", "", "2026-11-23", "§311.014"},
        // Fri 20th + 6 = Thu 26th, Thanksgiving (a legal holiday): Fri 27th.
        DateCase{"TxDischargeHolidayRolls", "TX", kFired, "2026-11-20", std::nullopt, "", "", "2026-11-27", "§61.014"},
        // §61.014(a)(2): a quit is paid on the next regularly scheduled payday.
        DateCase{"TxQuitNextPayday", "TX", kQuit, "2026-11-20", std::nullopt, "2026-12-04", "", "2026-12-04",
                 "§61.014"},
        DateCase{"FlNoStatuteNextPayday", "FL", kFired, "2026-11-18", std::nullopt, "2026-11-27", "", "2026-11-27",
                 "no final-pay statute"},
        // N.Y. Lab. Law §191(3): the regular payday for the pay period of the termination — not the
        // first payday after it when pay runs a period in arrears.
        DateCase{"NyPeriodPayday", "NY", kFired, "2026-11-18", std::nullopt, "2026-11-20", "2026-12-04", "2026-12-04",
                 "§191(3)"},
        DateCase{"NyQuitSameRule", "NY", kQuit, "2026-11-18", 336, "2026-11-20", "2026-12-04", "2026-12-04", "§191(3)"},
        DateCase{"PaPeriodPayday", "PA", kFired, "2026-11-18", std::nullopt, "", "2026-11-27", "2026-11-27",
                 "§260.5(a)"},
        // 820 ILCS 115/5: no later than the next regularly scheduled payday.
        DateCase{"IlNextPayday", "IL", kQuit, "2026-11-18", std::nullopt, "2026-11-20", "2026-12-04", "2026-11-20",
                 "115/5"},
        // Ohio R.C. 4113.15(A): work of the 1st–15th is paid by the 1st of next month…
        DateCase{"OhFirstHalf", "OH", kFired, "2026-11-10", std::nullopt, "", "", "2026-12-01", "4113.15"},
        DateCase{"OhFifteenthIsFirstHalf", "OH", kQuit, "2026-01-15", std::nullopt, "", "", "2026-02-01", "4113.15"},
        // …and of the 16th to the month's end by the 15th of next month, across a year end too.
        DateCase{"OhSecondHalf", "OH", kFired, "2026-11-20", std::nullopt, "", "", "2026-12-15", "4113.15"},
        DateCase{"OhSecondHalfYearEnd", "OH", kQuit, "2026-12-31", std::nullopt, "", "", "2027-01-15", "4113.15"},
        DateCase{"GaNoStatuteNextPayday", "GA", kQuit, "2026-11-18", std::nullopt, "2026-11-30", "", "2026-11-30",
                 "no final-pay statute"},
        // N.C. Gen. Stat. §95-25.7: "for any reason … on or before the next regular payday".
        DateCase{"NcDischargeNextPayday", "NC", kFired, "2026-11-18", std::nullopt, "2026-11-30", "", "2026-11-30",
                 "§95-25.7"},
        DateCase{"MiPeriodPayday", "MI", kFired, "2026-11-18", std::nullopt, "2026-11-20", "2026-12-04", "2026-12-04",
                 "§408.475"},
        // Mass. G.L. c.149 §148: discharged, paid in full on the day of discharge…
        DateCase{"MaDischargeSameDay", "MA", kFired, "2026-11-18", std::nullopt, "2026-11-27", "", "2026-11-18",
                 "c.149 §148"},
        // …leaving, on the following regular payday…
        DateCase{"MaQuitNextPayday", "MA", kQuit, "2026-11-18", std::nullopt, "2026-11-27", "", "2026-11-27",
                 "c.149 §148"},
        // …or, without a regular payday, the following Saturday: Wed 18th → Sat 21st.
        DateCase{"MaQuitNoPaydaySaturday", "MA", kQuit, "2026-11-18", std::nullopt, "", "", "2026-11-21", "c.149 §148"},
        // Leaving on a Saturday: the following Saturday is a week later.
        DateCase{"MaQuitOnSaturday", "MA", kQuit, "2026-11-21", std::nullopt, "", "", "2026-11-28", "c.149 §148"},
        DateCase{"NjPeriodPayday", "NJ", kQuit, "2026-11-18", std::nullopt, "", "2026-11-27", "2026-11-27",
                 "34:11-4.3"},
        DateCase{"WaPeriodPayday", "WA", kFired, "2026-11-18", std::nullopt, "", "2026-11-27", "2026-11-27",
                 "49.48.010"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FinalPayTest, CaQuitWithoutNoticeGivesTheInstant72HoursLater) {
  // Quit Friday 2026-11-20 at 17:00 PST (01:00Z Saturday): due Monday 17:00 PST, 2026-11-24T01:00:00Z.
  SeparationFacts facts{"CA", SeparationKind::kResignation, D("2026-11-20"), At("2026-11-21T01:00:00Z")};
  auto due = FinalPayDue(facts, Calendar());
  ASSERT_TRUE(due.ok());
  ASSERT_TRUE(due->due_instant.has_value());
  EXPECT_EQ(*due->due_instant, At("2026-11-24T01:00:00Z"));
  EXPECT_EQ(due->due_date, D("2026-11-23"));
}

TEST(FinalPayTest, CaDischargeIsDueAtTheMomentOfDischarge) {
  SeparationFacts facts{"CA", SeparationKind::kInvoluntary, D("2026-11-20"), At("2026-11-20T22:30:00Z")};
  auto due = FinalPayDue(facts, Calendar());
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->due_instant, At("2026-11-20T22:30:00Z"));
}

TEST(FinalPayTest, TxHolidaysComeFromTheCallersCalendar) {
  // Texas also observes the day after Thanksgiving (a state holiday): Thu 26th and Fri 27th closed, then
  // the weekend — the sixth day after Fri 20th lands on Mon 30th.
  SeparationFacts facts{"TX", SeparationKind::kInvoluntary, D("2026-11-20")};
  auto due = FinalPayDue(facts, Calendar({D("2026-11-26"), D("2026-11-27")}));
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->due_date, D("2026-11-30"));
}

TEST(FinalPayTest, NoStatuteStatesAreMarkedNonStatutory) {
  for (const char* state : {"FL", "GA"}) {
    SeparationFacts facts{state, SeparationKind::kInvoluntary, D("2026-11-18")};
    facts.next_regular_payday = D("2026-11-27");
    auto due = FinalPayDue(facts, Calendar());
    ASSERT_TRUE(due.ok());
    EXPECT_FALSE(due->statutory) << state;
  }
  SeparationFacts ca{"CA", SeparationKind::kInvoluntary, D("2026-11-18")};
  EXPECT_TRUE(FinalPayDue(ca, Calendar())->statutory);
}

TEST(FinalPayTest, UnknownStateIsRefused) {
  SeparationFacts facts{"ZZ", SeparationKind::kInvoluntary, D("2026-11-18")};
  auto due = FinalPayDue(facts, Calendar());
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, "final_pay.unknown_state");
  EXPECT_EQ(due.error().fields.at(0).field, "state");
}

TEST(FinalPayTest, PaydayRulesNameTheMissingPayday) {
  SeparationFacts ny{"NY", SeparationKind::kInvoluntary, D("2026-11-18")};
  ny.next_regular_payday = D("2026-11-20");  // not the one §191(3) asks for
  auto due = FinalPayDue(ny, Calendar());
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, "final_pay.payday_required");
  EXPECT_EQ(due.error().fields.at(0).field, "payday_for_final_period");

  SeparationFacts nc{"NC", SeparationKind::kResignation, D("2026-11-18")};
  due = FinalPayDue(nc, Calendar());
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().fields.at(0).field, "next_regular_payday");
}

TEST(FinalPayTest, PaydayBeforeTheLastDayIsRefused) {
  SeparationFacts facts{"IL", SeparationKind::kInvoluntary, D("2026-11-18")};
  facts.next_regular_payday = D("2026-11-13");
  auto due = FinalPayDue(facts, Calendar());
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, "final_pay.payday_before_last_day");
}

TEST(FinalPayTest, TableCoversTheTenLargestStatesWithCitations) {
  const FinalPayTable& table = CurrentFinalPayTable();
  EXPECT_FALSE(table.version.empty());
  for (const char* state : {"CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI"}) {
    const FinalPayStateRule* row = table.Find(state);
    ASSERT_NE(row, nullptr) << state;
    EXPECT_FALSE(row->citation.empty()) << state;
    EXPECT_FALSE(row->involuntary.text.empty()) << state;
    EXPECT_FALSE(row->resignation.text.empty()) << state;
  }
  for (size_t i = 0; i < table.rules.size(); ++i) {
    for (size_t j = i + 1; j < table.rules.size(); ++j) EXPECT_NE(table.rules[i].state, table.rules[j].state);
  }
}

}  // namespace
}  // namespace concord::workforce
