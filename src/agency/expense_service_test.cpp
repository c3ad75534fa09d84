// Stored expenses on both backends: the estimate's mark-up by default, job actuals and the over-budget
// alert, approval and the freeze, invoicing beside time, receipts, and another tenant's 404s. Every amount
// is worked by hand in the comment beside it.
#include "agency/expenses.h"
#include "agency/service_fixture.h"

namespace concord::agency {
namespace {

class ExpenseServiceTest : public AgencyServiceTest {
 protected:
  void SetUp() override {
    AgencyServiceTest::SetUp();
    expenses_ = std::make_unique<ExpenseService>(db(), *service_);
  }

  ExpenseRecord Record(int64_t job_id, const char* category, const char* description, const char* supplier,
                       const char* cost, std::optional<const char*> markup = std::nullopt, bool billable = true) {
    ExpenseInput in;
    in.job_id = job_id;
    in.expense_date = D("2026-03-04");
    in.category = category;
    in.description = description;
    in.supplier = supplier;
    in.cost = Decimal::Parse(cost).value();
    if (markup) in.markup_percent = Decimal::Parse(*markup).value();
    in.billable = billable;
    auto x = expenses_->Create(coordinator_, in, "t");
    EXPECT_TRUE(x.ok()) << x.error().message;
    return x.value();
  }

  ExpenseRecord Approve(const ExpenseRecord& x) {
    return expenses_->Decide(admin_, x.id, x.version, ExpenseState::kApproved, "", "t").value();
  }

  std::unique_ptr<ExpenseService> expenses_;
};

TEST_P(ExpenseServiceTest, ExpensesCountInActualsAndAreInvoicedBesideTime) {
  const JobView job = Open(acme_);
  SendAndApprove(Draft(job.job.id));  // budget 1730.00; its printing line carries a 15 % mark-up
  const TimeRecord time = Enter(job.job.id, "2026-03-04", 360, "2026-03-05T15:00:00Z");  // 6 h × 150.00 = 900.00
  EXPECT_TRUE(service_->GetJob(coordinator_, job.job.id)->alerts.empty());  // 900.00 is 52 % of the budget

  // Printing takes the estimate's 15 %: 412.37 × 1.15 = 474.2255 -> 474.23. A courier has no estimate line:
  // 0 %, 38.50. The team lunch is not billable (0); the rejected taxi never counts.
  const ExpenseRecord print = Record(job.job.id, "printing", "Proof prints", "PrintCo", "412.37");
  EXPECT_EQ(print.expense.markup_percent, Decimal::FromInt(15));
  EXPECT_EQ(BillableAmount(print.expense), Usd("474.23"));
  const ExpenseRecord courier = Record(job.job.id, "courier", "Courier", "FastBag", "38.50");
  EXPECT_EQ(courier.expense.markup_percent, Decimal());
  const ExpenseRecord lunch = Record(job.job.id, "meals", "Team lunch", "Deli", "120.00", std::nullopt, false);
  const ExpenseRecord taxi = Record(job.job.id, "travel", "Taxi", "Cabs", "45.00", "10");
  expenses_->Decide(admin_, taxi.id, taxi.version, ExpenseState::kRejected, "Not agreed with the client", "t").value();

  // Actual: 900.00 + 474.23 + 38.50 = 1412.73 = 81.66 % of 1730.00: the 75 % alert.
  const JobView view = service_->GetJob(coordinator_, job.job.id).value();
  EXPECT_EQ(view.actual, Usd("1412.73"));
  ASSERT_EQ(view.alerts.size(), 1u);
  EXPECT_EQ(view.alerts[0].code, "job.over_budget");
  EXPECT_EQ(view.alerts[0].threshold_percent, 75);

  service_->AdvanceTime(admin_, time.id, time.version, TimeEntryState::kApproved, "t").value();
  const ExpenseRecord approved_print = Approve(print);
  Approve(courier);
  Approve(lunch);
  ExpenseInput change;
  change.cost = Decimal::Parse("500.00").value();
  EXPECT_EQ(expenses_->Edit(coordinator_, approved_print.id, approved_print.version, change, "t").error().code,
            "expense.frozen");

  InvoiceInput in;
  in.job_id = job.job.id;
  in.source = "time_and_expenses";
  in.tax_percent = Decimal::Parse("8.875").value();
  const InvoiceRecord draft = service_->DraftInvoice(coordinator_, in, "t").value();
  ASSERT_EQ(draft.invoice.lines.size(), 3u);  // design time, then the two billable expenses
  EXPECT_EQ(draft.invoice.lines[0].amount, Usd("900.00"));
  EXPECT_EQ(draft.invoice.lines[1].description, "Proof prints (PrintCo)");
  EXPECT_EQ(draft.invoice.lines[1].amount, Usd("474.23"));
  EXPECT_EQ(draft.invoice.lines[2].amount, Usd("38.50"));
  // Subtotal 1412.73; tax 1412.73 × 8.875 % = 125.3797875 -> 125.38; total 1538.11.
  const InvoiceTotals totals = ComputeInvoiceTotals(draft.invoice);
  EXPECT_EQ(totals.subtotal, Usd("1412.73"));
  EXPECT_EQ(totals.tax, Usd("125.38"));
  EXPECT_EQ(totals.total, Usd("1538.11"));

  service_->IssueInvoice(admin_, draft.id, draft.version, D("2026-03-06"), "t").value();
  const ExpenseRecord billed = expenses_->Get(coordinator_, print.id).value();
  EXPECT_EQ(billed.expense.state, ExpenseState::kInvoiced);
  EXPECT_EQ(billed.invoice_id, draft.id);
  EXPECT_EQ(expenses_->Get(coordinator_, lunch.id)->expense.state, ExpenseState::kApproved);  // never billed

  // A later approved expense is billed alone on the next invoice: 60.00 × 1.15 = 69.00.
  Approve(Record(job.job.id, "printing", "Reprint", "PrintCo", "60.00"));
  in.tax_percent = Decimal();
  const InvoiceRecord second = service_->DraftInvoice(coordinator_, in, "t").value();
  ASSERT_EQ(second.invoice.lines.size(), 1u);
  EXPECT_EQ(second.invoice.lines[0].amount, Usd("69.00"));
}

TEST_P(ExpenseServiceTest, TheAgencysDefaultMarkupFillsInWhereNoneIsAgreed) {
  const JobView job = Open(acme_);
  SendAndApprove(Draft(job.job.id));  // its printing line carries 15 %
  const Settings before = service_->GetSettings().value();
  auto bad = service_->UpdateSettings(admin_, before.version, {{"default_expense_markup_percent", "-5"}}, "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "default_expense_markup_percent");
  ASSERT_TRUE(service_->UpdateSettings(admin_, before.version, {{"default_expense_markup_percent", "12.5"}}, "t").ok());

  // A courier has no estimate line: the default 12.5 %, 80.00 × 1.125 = 90.00. Printing keeps the agreed 15 %,
  // and a mark-up given with the expense wins over both.
  const ExpenseRecord courier = Record(job.job.id, "courier", "Courier", "FastBag", "80.00");
  EXPECT_EQ(courier.expense.markup_percent, Decimal::Parse("12.5").value());
  EXPECT_EQ(BillableAmount(courier.expense), Usd("90.00"));
  EXPECT_EQ(Record(job.job.id, "printing", "Proofs", "PrintCo", "100.00").expense.markup_percent, Decimal::FromInt(15));
  EXPECT_EQ(Record(job.job.id, "courier", "Bike", "FastBag", "10.00", "0").expense.markup_percent, Decimal());
}

TEST_P(ExpenseServiceTest, ValidationReceiptsAndAudit) {
  const JobView job = Open(acme_);
  ExpenseInput bad;
  bad.job_id = job.job.id;
  bad.expense_date = D("2026-03-06");  // today is 5 March in New York
  bad.cost = Decimal();
  auto refused = expenses_->Create(coordinator_, bad, "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.size(), 3u);  // description, cost, expense_date

  ExpenseRecord x = Record(job.job.id, "stock", "Photo licence", "Stocky", "99.00", "20");
  x = expenses_->AttachReceipt(coordinator_, x.id, x.version, "receipt.pdf", "application/pdf", "%PDF-1.4 receipt", "t")
          .value();
  EXPECT_EQ(x.receipt_name, "receipt.pdf");
  EXPECT_EQ(expenses_->Receipt(coordinator_, x.id)->content, "%PDF-1.4 receipt");
  auto stale = expenses_->Edit(coordinator_, x.id, x.version - 1, ExpenseInput{}, "t");
  EXPECT_EQ(HttpStatus(stale.error().kind), 412);
  EXPECT_EQ(expenses_->Decide(admin_, x.id, x.version, ExpenseState::kRejected, "", "t").error().code,
            "expense.reason_required");
  const ExpenseRecord rejected =
      expenses_->Decide(admin_, x.id, x.version, ExpenseState::kRejected, "Wrong job", "t").value();
  EXPECT_EQ(rejected.reject_reason, "Wrong job");
  EXPECT_EQ(rejected.decided_by, "Ada Admin");
  ASSERT_TRUE(expenses_->Delete(coordinator_, rejected.id, rejected.version, "t").ok());
  auto conn = db().Acquire();
  const auto actions = (*conn)->Query("SELECT action FROM audit_events WHERE entity = 'agency_expense' ORDER BY seq", {}).value();
  std::vector<std::string> seen;
  for (const auto& r : actions) seen.push_back(r.Text(0));
  EXPECT_EQ(seen, (std::vector<std::string>{"create", "attach_receipt", "rejected", "delete"}));
}

TEST_P(ExpenseServiceTest, AnotherTenantGetsNotFound) {
  const JobView theirs = Open(beta_);
  const ExpenseRecord x = Record(theirs.job.id, "printing", "Flyers", "PrintCo", "80.00");
  expenses_->AttachReceipt(coordinator_, x.id, x.version, "r.txt", "text/plain", "paid", "t").value();
  auto is404 = [](const auto& r) { return !r.ok() && HttpStatus(r.error().kind) == 404; };
  EXPECT_TRUE(is404(expenses_->Get(acme_user_, x.id)));
  EXPECT_TRUE(is404(expenses_->Edit(acme_user_, x.id, 2, ExpenseInput{}, "t")));
  EXPECT_TRUE(is404(expenses_->Decide(acme_user_, x.id, 2, ExpenseState::kApproved, "", "t")));
  EXPECT_TRUE(is404(expenses_->AttachReceipt(acme_user_, x.id, 2, "r.txt", "text/plain", "x", "t")));
  EXPECT_TRUE(is404(expenses_->Receipt(acme_user_, x.id)));
  EXPECT_FALSE(expenses_->Delete(acme_user_, x.id, 2, "t").ok());
  EXPECT_EQ(expenses_->List(acme_user_, ListQuery{})->first.size(), 0u);
  ExpenseInput onTheirJob;
  onTheirJob.job_id = theirs.job.id;
  onTheirJob.description = "Sneaky";
  onTheirJob.cost = Decimal::FromInt(1);
  EXPECT_TRUE(is404(expenses_->Create(acme_user_, onTheirJob, "t")));
  EXPECT_EQ(expenses_->List(coordinator_, ListQuery{})->first.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExpenseServiceTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
