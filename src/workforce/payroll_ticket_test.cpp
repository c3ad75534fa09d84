// The payroll ticket rules against hand-worked calendars (federal holidays, 5 U.S.C. §6103) and the
// state table in payroll_ticket.h.
#include "workforce/payroll_ticket.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

TEST(PayrollTicketRules, MoneyOwedNowIsChasedInTwoBusinessDaysSkippingThanksgiving) {
  // Wednesday 25 Nov 2026; Thanksgiving is Thursday 26 Nov (fourth Thursday); Friday 27 and Monday 30.
  EXPECT_EQ(DefaultPayrollDueDate("missing_pay", D("2026-11-25")), D("2026-11-30"));
  EXPECT_EQ(DefaultPayrollDueDate("final_pay", D("2026-11-20")), D("2026-11-24"));  // Fri → Mon, Tue
}

TEST(PayrollTicketRules, OtherKindsGetFiveBusinessDaysSkippingChristmas) {
  // Monday 21 Dec 2026: 22, 23, 24, (25 Christmas), 28, 29.
  EXPECT_EQ(DefaultPayrollDueDate("tax_form", D("2026-12-21")), D("2026-12-29"));
}

TEST(PayrollTicketRules, StepsMoveTheTicketThroughItsStates) {
  EXPECT_EQ(PayrollTicketTransition("open", "send_to_payroll").value(), "sent_to_payroll");
  EXPECT_EQ(PayrollTicketTransition("sent_to_payroll", "await_worker").value(), "awaiting_worker");
  EXPECT_EQ(PayrollTicketTransition("awaiting_worker", "send_to_payroll").value(), "sent_to_payroll");
  EXPECT_EQ(PayrollTicketTransition("awaiting_client", "resolve").value(), "resolved");
  EXPECT_EQ(PayrollTicketTransition("resolved", "reopen").value(), "open");
}

TEST(PayrollTicketRules, StepsThatDoNotApplyAreConflictsAndUnknownStepsAreNotFound) {
  const auto resolved_again = PayrollTicketTransition("resolved", "send_to_payroll");
  ASSERT_FALSE(resolved_again.ok());
  EXPECT_EQ(resolved_again.error().code, "payroll_ticket.transition");
  EXPECT_FALSE(PayrollTicketTransition("open", "reopen").ok());
  EXPECT_FALSE(PayrollTicketTransition("sent_to_payroll", "send_to_payroll").ok());
  EXPECT_EQ(PayrollTicketTransition("open", "escalate").error().code, "payroll_ticket.action_unknown");
}

TEST(PayrollTicketRules, FollowUpIsDueOnAndAfterTheDueDateUntilResolved) {
  EXPECT_TRUE(PayrollFollowUpDue("sent_to_payroll", D("2026-11-30"), D("2026-11-30")));
  EXPECT_TRUE(PayrollFollowUpDue("open", D("2026-11-30"), D("2026-12-01")));
  EXPECT_FALSE(PayrollFollowUpDue("open", D("2026-11-30"), D("2026-11-29")));
  EXPECT_FALSE(PayrollFollowUpDue("resolved", D("2026-11-01"), D("2026-11-30")));
  EXPECT_FALSE(PayrollFollowUpDue("open", std::nullopt, D("2026-11-30")));
}

}  // namespace
}  // namespace concord::workforce
