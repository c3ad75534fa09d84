// Invoice stages and payments, and contact-report lateness judged in the agency's local days. Worked by hand.
#include "agency/billing_contact.h"
#include "agency/estimate.h"
#include "agency/invoice.h"
#include "agency/meeting_rules.h"
#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::T;
using testing_util::USD;

// 1000.00, no tax, issued 6 March 2026 on 30 days: due 5 April.
Invoice Issued() {
  Invoice inv;
  inv.status = InvoiceStatus::kIssued;
  inv.number = "INV-2026-0001";
  inv.lines = {{"Design", Decimal::FromInt(1), "fee", USD("1000.00"), USD("1000.00")}};
  inv.issue_date = D("2026-03-06");
  inv.due_date = D("2026-04-05");
  return inv;
}

TEST(InvoiceStage, FollowsDeliveryPaymentsCreditsAndTheDueDate) {
  const Invoice inv = Issued();
  const Money zero = USD("0");
  Invoice draft = inv;
  draft.status = InvoiceStatus::kDraft;
  EXPECT_EQ(InvoiceStage(draft, zero, zero, false, D("2026-03-10")), "draft");
  EXPECT_EQ(InvoiceStage(inv, zero, zero, false, D("2026-03-10")), "issued");
  EXPECT_EQ(InvoiceStage(inv, zero, zero, true, D("2026-03-10")), "sent");
  EXPECT_EQ(InvoiceStage(inv, zero, USD("400.00"), true, D("2026-04-05")), "partially_paid");  // due today: not late
  EXPECT_EQ(InvoiceStage(inv, zero, USD("400.00"), true, D("2026-04-06")), "overdue");
  EXPECT_EQ(InvoiceStage(inv, zero, USD("1000.00"), true, D("2026-04-06")), "paid");
  EXPECT_EQ(InvoiceStage(inv, USD("1000.00"), zero, true, D("2026-04-06")), "credited");
  // 600.00 credited leaves 400.00 owed: paying it settles the invoice.
  EXPECT_EQ(InvoiceStage(inv, USD("600.00"), USD("400.00"), true, D("2026-04-06")), "paid");
  Invoice note = inv;
  note.kind = InvoiceKind::kCreditNote;
  EXPECT_EQ(InvoiceStage(note, zero, zero, false, D("2026-04-06")), "issued");
}

TEST(InvoicePayments, PartialFullAndNeverMoreThanOutstanding) {
  const Invoice inv = Issued();
  const Money owed = USD("400.00");  // 1000.00 less a 600.00 credit
  EXPECT_TRUE(CheckPayment(inv, owed, USD("0"), USD("150.00")).ok());
  EXPECT_TRUE(CheckPayment(inv, owed, USD("150.00"), USD("250.00")).ok());
  EXPECT_EQ(CheckPayment(inv, owed, USD("150.00"), USD("250.01")).error().code, "invoice.overpayment");
  EXPECT_EQ(CheckPayment(inv, owed, USD("0"), USD("0")).error().code, "invoice.payment_invalid");
  EXPECT_EQ(CheckPayment(inv, owed, USD("0"), Money(Decimal::FromInt(5), "EUR")).error().code,
            "invoice.payment_invalid");
  Invoice draft = inv;
  draft.status = InvoiceStatus::kDraft;
  EXPECT_EQ(HttpStatus(CheckPayment(draft, owed, USD("0"), USD("1.00")).error().kind), 409);
}

TEST(EstimateFees, FixedFeesArePricedByTheirCostAndTotalledApart) {
  using testing_util::Dec;
  Estimate e;
  e.lines = {{LineKind::kLabor, "design", "", Dec("10"), USD("150.00"), USD("0"), Dec("0")},
             {LineKind::kExpense, "printing", "", Dec("0"), USD("0"), USD("200.00"), Dec("15")},
             {LineKind::kFee, "licence", "Font licence", Dec("0"), USD("0"), USD("99.99"), Dec("10")}};
  ASSERT_TRUE(ValidateEstimate(e).ok());
  // 1500.00 labour + 230.00 expenses + 99.99 × 1.10 = 109.989 -> 109.99 fees = 1839.99.
  const EstimateTotals t = ComputeTotals(e);
  EXPECT_EQ(t.fees, USD("109.99"));
  EXPECT_EQ(t.expenses, USD("230.00"));
  EXPECT_EQ(t.total, USD("1839.99"));
  EXPECT_EQ(t.markup, USD("40.00"));  // 30.00 on printing + 10.00 on the fee
  e.lines[2].cost = USD("-1.00");
  EXPECT_EQ(ValidateEstimate(e).error().fields.at(0).field, "lines[2].cost");
}

TEST(BillingContact, PrefersABillingRoleThenThePrimaryContact) {
  const std::vector<ContactCandidate> contacts = {{"Pat Primary", "Marketing director", "pat@c.example", true},
                                                  {"Ann Ap", "Accounts Payable", "ap@c.example", false},
                                                  {"Bill No-mail", "Billing", "", true},
                                                  {"Fay Finance", "Finance manager", "fay@c.example", true}};
  EXPECT_EQ(BillingContactOf(contacts)->email, "fay@c.example");  // billing roles, a primary one first
  EXPECT_EQ(BillingContactOf(std::span(contacts).first(2))->email, "ap@c.example");
  EXPECT_EQ(BillingContactOf(std::span(contacts).first(1))->email, "pat@c.example");  // no billing role: primary
  const std::vector<ContactCandidate> none = {{"Bill No-mail", "Billing", "", true}, {"Sam", "Designer", "s@c.example", false}};
  EXPECT_EQ(BillingContactOf(none).error().code, "invoice.no_billing_contact");
}

TEST(ContactReportLateness, IsJudgedOnTheAgencysDayNotUtcs) {
  const BusinessCalendar ny = BusinessCalendar::Weekdays("America/New_York", {{std::chrono::hours(9), std::chrono::hours(17)}}, {});
  const Date deadline = D("2026-03-09");  // Monday; New York is on EDT (UTC-4) since 8 March
  // 23:30 on Monday in New York is already Tuesday in UTC: still on time.
  EXPECT_FALSE(DistributedLate(ny, deadline, T("2026-03-10T03:30:00Z"), D("2026-03-10")));
  EXPECT_TRUE(DistributedLate(ny, deadline, T("2026-03-10T04:30:00Z"), D("2026-03-10")));  // 00:30 Tuesday
  EXPECT_FALSE(DistributedLate(ny, deadline, std::nullopt, D("2026-03-09")));
  EXPECT_TRUE(DistributedLate(ny, deadline, std::nullopt, D("2026-03-10")));  // still not out after the day
}

}  // namespace
}  // namespace concord::agency
