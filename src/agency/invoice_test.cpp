// Invoices: milestone allocation, lines from estimates and from approved time, totals with tax, numbering,
// immutability, credit notes and payment status. Figures worked by hand in the comments.
#include "agency/invoice.h"

#include <gtest/gtest.h>

#include <vector>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::T;
using testing_util::USD;

struct AllocationCase {
  const char* total;
  std::vector<const char*> percents;
  std::vector<const char*> expected;
  const char* why;
};

TEST(Milestones, AllocationAddsUpExactly) {
  const AllocationCase cases[] = {
      {"1000.00", {"30", "30", "40"}, {"300.00", "300.00", "400.00"}, "even split"},
      {"5657.62", {"50", "50"}, {"2828.81", "2828.81"}, "halves"},
      {"100.01", {"50", "50"}, {"50.01", "50.00"}, "50.005 rounds up, the last takes the rest"},
      {"1000.00", {"33.33", "33.33", "33.34"}, {"333.30", "333.30", "333.40"}, "thirds as written"},
      {"999.99", {"33.333", "33.333", "33.334"}, {"333.33", "333.33", "333.33"}, "333.326667 -> 333.33"},
      {"250.00", {"100"}, {"250.00"}, "one milestone"},
  };
  for (const AllocationCase& c : cases) {
    SCOPED_TRACE(c.why);
    std::vector<Milestone> schedule;
    for (const char* p : c.percents) schedule.push_back({"m", Dec(p)});
    auto amounts = AllocateMilestones(USD(c.total), schedule);
    ASSERT_TRUE(amounts.ok()) << amounts.error().message;
    ASSERT_EQ(amounts->size(), c.expected.size());
    for (size_t i = 0; i < c.expected.size(); ++i) EXPECT_EQ(amounts.value()[i], USD(c.expected[i]));
  }
}

TEST(Milestones, RefusesBadSchedules) {
  EXPECT_EQ(AllocateMilestones(USD("10"), {}).error().code, "invoice.milestones_required");
  const std::vector<Milestone> short_of_100 = {{"a", Dec("33.33")}, {"b", Dec("33.33")}, {"c", Dec("33.33")}};
  EXPECT_EQ(AllocateMilestones(USD("10"), short_of_100).error().code, "invoice.milestones_not_100");
  const std::vector<Milestone> zero = {{"a", Dec("0")}, {"b", Dec("100")}};
  auto z = AllocateMilestones(USD("10"), zero);
  EXPECT_EQ(z.error().code, "invoice.milestone_percent_invalid");
  EXPECT_EQ(z.error().fields.at(0).field, "milestones[0].percent");
}

EstimateLine Labor(const char* hours, const char* rate) {
  EstimateLine l;
  l.service = "design";
  l.hours = Dec(hours);
  l.rate = USD(rate);
  return l;
}

Estimate ApprovedLoe() {
  Estimate e;
  e.number = "ACME-260001-E";
  e.status = EstimateStatus::kApproved;
  e.lines = {Labor("12.5", "150.00"), Labor("7.25", "118.50")};  // 1875.00 + 859.13 = 2734.13
  return e;
}

TEST(InvoiceLines, FromMilestonesAndFixedFee) {
  const std::vector<Milestone> schedule = {{"Deposit", Dec("40")}, {"Delivery", Dec("60")}};
  const std::vector<size_t> first = {0};
  auto lines = MilestoneLines(ApprovedLoe(), schedule, first);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ(lines->at(0).amount, USD("1093.65"));  // 2734.13 × 0.40 = 1093.652
  EXPECT_EQ(lines->at(0).description, "ACME-260001-E r1: Deposit (40%)");
  const std::vector<size_t> second = {1};
  EXPECT_EQ(MilestoneLines(ApprovedLoe(), schedule, second).value().at(0).amount, USD("1640.48"));  // the rest
  const std::vector<size_t> unknown = {2};
  EXPECT_EQ(MilestoneLines(ApprovedLoe(), schedule, unknown).error().code, "invoice.milestone_unknown");

  EXPECT_EQ(FixedFeeLine(ApprovedLoe()).value().amount, USD("2734.13"));
  Estimate sent = ApprovedLoe();
  sent.status = EstimateStatus::kSent;
  EXPECT_EQ(FixedFeeLine(sent).error().code, "invoice.estimate_not_approved");
  EXPECT_EQ(MilestoneLines(sent, schedule, first).error().code, "invoice.estimate_not_approved");
}

TimeCharge Time(const char* person, const char* service, int64_t minutes, const char* rate,
                TimeEntryState state = TimeEntryState::kApproved) {
  TimeCharge c;
  c.entry.person = person;
  c.entry.job_number = "ACME-260001";
  c.entry.service = service;
  c.entry.work_date = D("2026-03-02");
  c.entry.minutes = minutes;
  c.entry.state = state;
  c.hourly_rate = USD(rate);
  return c;
}

std::vector<TimeCharge> ApprovedTime() {
  return {Time("ana", "design", 90, "150.00"), Time("ben", "design", 45, "150.00"), Time("ana", "copy", 20, "100.00"),
          Time("cy", "design", 60, "125.00")};
}

std::vector<ExpenseCharge> ApprovedExpenses() { return {{"Printing", USD("2400.00"), Dec("17.5"), true, false}}; }

TEST(InvoiceLines, FromApprovedTimeAndExpenses) {
  auto lines = TimeAndExpenseLines(ApprovedTime(), ApprovedExpenses(), "USD");
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 4u);
  // (copy, 100): 20 min = 0.33 h shown, 33.333 -> 33.33
  EXPECT_EQ(lines->at(0).description, "copy");
  EXPECT_EQ(lines->at(0).quantity, Dec("0.33"));
  EXPECT_EQ(lines->at(0).amount, USD("33.33"));
  // (design, 125): 60 min = 125.00
  EXPECT_EQ(lines->at(1).unit_price, USD("125.00"));
  EXPECT_EQ(lines->at(1).amount, USD("125.00"));
  // (design, 150): 90 + 45 = 135 min = 2.25 h = 337.50
  EXPECT_EQ(lines->at(2).quantity, Dec("2.25"));
  EXPECT_EQ(lines->at(2).amount, USD("337.50"));
  // Printing 2400.00 + 17.5 % = 2820.00
  EXPECT_EQ(lines->at(3).amount, USD("2820.00"));
  EXPECT_EQ(lines->at(3).unit, "expense");
}

struct RefusedCase {
  const char* why;
  std::vector<TimeCharge> time;
  std::vector<ExpenseCharge> expenses;
  const char* code;
  const char* field;
};

TEST(InvoiceLines, RefusesUnapprovedOrBilledWork) {
  TimeCharge not_billable = Time("ana", "design", 60, "150.00");
  not_billable.entry.billable = false;
  const RefusedCase cases[] = {
      {"open time",
       {Time("ana", "design", 60, "150.00", TimeEntryState::kOpen)},
       {},
       "invoice.time_not_approved",
       "time[0]"},
      {"submitted time",
       {ApprovedTime()[0], Time("b", "design", 60, "150.00", TimeEntryState::kSubmitted)},
       {},
       "invoice.time_not_approved",
       "time[1]"},
      {"invoiced time",
       {Time("ana", "design", 60, "150.00", TimeEntryState::kInvoiced)},
       {},
       "invoice.time_already_invoiced",
       "time[0]"},
      {"non-billable time", {not_billable}, {}, "invoice.time_not_billable", "time[0]"},
      {"unapproved expense",
       {},
       {{"Taxi", USD("40.00"), Dec("0"), false, false}},
       "invoice.expense_not_approved",
       "expenses[0]"},
      {"invoiced expense",
       {},
       {{"Taxi", USD("40.00"), Dec("0"), true, true}},
       "invoice.expense_already_invoiced",
       "expenses[0]"},
      {"euro expense",
       {},
       {{"Hotel", Money(Dec("90"), "EUR"), Dec("0"), true, false}},
       "invoice.currency_mismatch",
       "expenses[0]"},
  };
  for (const RefusedCase& c : cases) {
    SCOPED_TRACE(c.why);
    auto lines = TimeAndExpenseLines(c.time, c.expenses, "USD");
    ASSERT_FALSE(lines.ok());
    EXPECT_EQ(lines.error().code, c.code);
    EXPECT_EQ(lines.error().fields.at(0).field, c.field);
  }
}

Invoice Draft() {
  Invoice inv;
  inv.client_code = "ACME";
  inv.job_number = "ACME-260001";
  inv.lines = TimeAndExpenseLines(ApprovedTime(), ApprovedExpenses(), "USD").value();
  inv.tax_percent = Dec("8.875");
  return inv;
}

NumberPattern Pattern(const char* text) { return ParseNumberPattern(text, PatternRequirements::ForInvoices()).value(); }

TEST(Invoice, TotalsWithTaxRoundedOnce) {
  const InvoiceTotals t = ComputeInvoiceTotals(Draft());
  EXPECT_EQ(t.subtotal, USD("3315.83"));  // 33.33 + 125.00 + 337.50 + 2820.00
  EXPECT_EQ(t.tax, USD("294.28"));        // 3315.83 × 0.08875 = 294.2799125
  EXPECT_EQ(t.total, USD("3610.11"));
}

TEST(Invoice, IssueNumbersAndFreezes) {
  EXPECT_TRUE(CheckInvoiceEditable(Draft()).ok());
  auto issued = Issue(Draft(), Pattern(kDefaultInvoicePattern), D("2026-03-31"), 6);
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  EXPECT_EQ(issued->number, "INV-2026-0007");
  EXPECT_EQ(issued->status, InvoiceStatus::kIssued);
  EXPECT_EQ(issued->issue_date, D("2026-03-31"));
  EXPECT_EQ(issued->due_date, D("2026-04-30"));  // net 30
  const Status edit = CheckInvoiceEditable(issued.value());
  EXPECT_EQ(edit.error().code, "invoice.issued_immutable");
  EXPECT_EQ(edit.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(Issue(issued.value(), Pattern(kDefaultInvoicePattern), D("2026-04-01"), 7).error().code,
            "invoice.issued_immutable");
  // The sequence restarts each year: the caller passes the new year's last number, 0.
  EXPECT_EQ(Issue(Draft(), Pattern(kDefaultInvoicePattern), D("2027-01-02"), 0).value().number, "INV-2027-0001");
}

TEST(Invoice, IssueRefusesEmptyOrNonPositive) {
  Invoice empty = Draft();
  empty.lines.clear();
  EXPECT_EQ(Issue(empty, Pattern(kDefaultInvoicePattern), D("2026-03-31"), 0).error().code, "invoice.no_lines");
  Invoice negative = Draft();
  negative.lines = {{"Discount", Dec("1"), "fee", USD("-10.00"), USD("-10.00")}};
  EXPECT_EQ(Issue(negative, Pattern(kDefaultInvoicePattern), D("2026-03-31"), 0).error().code, "invoice.total_sign");
  Invoice euro = Draft();
  euro.lines[0].amount = Money(Dec("1"), "EUR");
  EXPECT_EQ(Issue(euro, Pattern(kDefaultInvoicePattern), D("2026-03-31"), 0).error().fields.at(0).field, "lines[0]");
}

TEST(CreditNote, FullCreditMirrorsTheInvoice) {
  const Invoice issued = Issue(Draft(), Pattern(kDefaultInvoicePattern), D("2026-03-31"), 6).value();
  auto note = DraftCreditNote(issued, {}, USD("0"));
  ASSERT_TRUE(note.ok()) << note.error().message;
  EXPECT_EQ(note->kind, InvoiceKind::kCreditNote);
  EXPECT_EQ(note->credited_invoice_number, "INV-2026-0007");
  const InvoiceTotals t = ComputeInvoiceTotals(note.value());
  EXPECT_EQ(t.tax, USD("-294.28"));  // HalfUp rounds half away from zero: the exact negative
  EXPECT_EQ(t.total, USD("-3610.11"));
  auto cn = Issue(note.value(), Pattern(kDefaultCreditNotePattern), D("2026-04-10"), 0);
  ASSERT_TRUE(cn.ok()) << cn.error().message;
  EXPECT_EQ(cn->number, "CN-2026-0001");
  EXPECT_EQ(cn->due_date, D("2026-04-10"));
}

TEST(CreditNote, PartialCreditWithinWhatRemains) {
  const Invoice issued = Issue(Draft(), Pattern(kDefaultInvoicePattern), D("2026-03-31"), 6).value();
  const std::vector<InvoiceLine> one = {issued.lines[2]};  // 337.50 + tax 29.953125 -> 29.95 = 367.45
  auto note = DraftCreditNote(issued, one, USD("0"));
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(ComputeInvoiceTotals(note.value()).total, USD("-367.45"));
  // 3610.11 − 3242.66 = 367.45 still creditable: exactly enough.
  EXPECT_TRUE(DraftCreditNote(issued, one, USD("3242.66")).ok());
  auto over = DraftCreditNote(issued, one, USD("3242.67"));
  EXPECT_EQ(over.error().code, "invoice.credit_exceeds_invoice");

  EXPECT_EQ(DraftCreditNote(Draft(), {}, USD("0")).error().code, "invoice.not_issued");
  const Invoice cn = Issue(note.value(), Pattern(kDefaultCreditNotePattern), D("2026-04-10"), 0).value();
  EXPECT_EQ(DraftCreditNote(cn, {}, USD("0")).error().code, "invoice.not_issued");
}

struct PaymentCase {
  const char* paid;
  const char* today;
  PaymentState state;
  bool overdue;
  const char* outstanding;
};

TEST(Payment, StatusFromPaymentsAndDueDate) {
  const PaymentCase cases[] = {
      {"0.00", "2026-04-30", PaymentState::kUnpaid, false, "3610.11"},  // due today: not yet overdue
      {"0.00", "2026-05-01", PaymentState::kUnpaid, true, "3610.11"},
      {"1000.00", "2026-05-01", PaymentState::kPartiallyPaid, true, "2610.11"},
      {"3610.11", "2026-06-01", PaymentState::kPaid, false, "0.00"},
      {"3700.00", "2026-04-01", PaymentState::kPaid, false, "0.00"},  // overpaid: a refund is a service matter
  };
  for (const PaymentCase& c : cases) {
    SCOPED_TRACE(std::string(c.paid) + " on " + c.today);
    const PaymentStatus s = PaymentStatusOf(USD("3610.11"), USD(c.paid), D("2026-04-30"), D(c.today));
    EXPECT_EQ(s.state, c.state);
    EXPECT_EQ(s.overdue, c.overdue);
    EXPECT_EQ(s.outstanding, USD(c.outstanding));
  }
}

}  // namespace
}  // namespace concord::agency
