// Expense rules: the state table, validation, the estimate's mark-up and the billed amount, worked by hand.
#include "agency/expense.h"

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::USD;

Expense Printing(const char* cost, const char* markup) {
  return {D("2026-03-04"), "PrintCo", "printing", "Proofs", USD(cost), Dec(markup), true, ExpenseState::kSubmitted};
}

Estimate ApprovedWith(const char* number, int revision, EstimateKind kind, const char* category, const char* markup) {
  Estimate e;
  e.number = number;
  e.revision = revision;
  e.kind = kind;
  e.status = EstimateStatus::kApproved;
  e.lines = {{LineKind::kLabor, "design", "", Dec("2"), USD("150.00"), USD("0"), Dec("0")},
             {LineKind::kExpense, category, "", Dec("0"), USD("0"), USD("100.00"), Dec(markup)}};
  return e;
}

TEST(ExpenseRules, BilledAmountIsCostPlusMarkupRoundedHalfUpOnce) {
  EXPECT_EQ(BillableAmount(Printing("200.00", "15")), USD("230.00"));
  // 10.30 × 1.15 = 11.845: HalfUp gives 11.85 (HalfEven would give 11.84).
  EXPECT_EQ(BillableAmount(Printing("10.30", "15")), USD("11.85"));
  // 412.37 × 1.15 = 474.2255 -> 474.23.
  EXPECT_EQ(BillableAmount(Printing("412.37", "15")), USD("474.23"));
  Expense lunch = Printing("120.00", "0");
  lunch.billable = false;  // the agency's own cost: worth nothing to the client's bill
  EXPECT_EQ(BillableAmount(lunch), USD("0"));
}

TEST(ExpenseRules, MarkupComesFromTheLatestApprovedOriginalThenChangeOrders) {
  Estimate superseded = ApprovedWith("E1", 1, EstimateKind::kOriginal, "printing", "10");
  superseded.status = EstimateStatus::kSuperseded;
  const std::vector<Estimate> estimates = {
      superseded,
      ApprovedWith("CO1", 1, EstimateKind::kChangeOrder, "printing", "25"),
      ApprovedWith("E1", 2, EstimateKind::kOriginal, "printing", "12.5"),
      ApprovedWith("CO1", 1, EstimateKind::kChangeOrder, "media", "5"),
  };
  EXPECT_EQ(EstimateMarkupFor(estimates, "printing"), Dec("12.5"));
  EXPECT_EQ(EstimateMarkupFor(estimates, "media"), Dec("5"));  // only on the change order
  EXPECT_EQ(EstimateMarkupFor(estimates, "courier"), std::nullopt);
  EXPECT_EQ(EstimateMarkupFor(std::vector<Estimate>{superseded}, "printing"), std::nullopt);
}

TEST(ExpenseRules, ValidationNamesEveryField) {
  Expense bad = Printing("0", "-101");
  bad.description = "";
  bad.expense_date = D("2026-03-06");
  auto status = ValidateExpense(bad, "EUR", D("2026-03-05"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "expense.description_required");
  std::vector<std::string> fields;
  for (const auto& f : status.error().fields) fields.push_back(f.field + ":" + f.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"description:expense.description_required", "cost:expense.cost_not_positive",
                                              "markup_percent:expense.markup_out_of_range",
                                              "cost:expense.currency_mismatch", "expense_date:expense.in_future"}));
  EXPECT_TRUE(ValidateExpense(Printing("0.01", "-100"), "USD", D("2026-03-04")).ok());  // same day is fine
}

TEST(ExpenseRules, OneStateTableAndFrozenOnceApproved) {
  using XS = ExpenseState;
  EXPECT_TRUE(TransitionExpense(XS::kSubmitted, XS::kApproved).ok());
  EXPECT_TRUE(TransitionExpense(XS::kSubmitted, XS::kRejected).ok());
  EXPECT_TRUE(TransitionExpense(XS::kRejected, XS::kSubmitted).ok());
  EXPECT_TRUE(TransitionExpense(XS::kApproved, XS::kInvoiced).ok());
  EXPECT_EQ(TransitionExpense(XS::kRejected, XS::kApproved).error().code, "expense.invalid_transition");
  EXPECT_EQ(TransitionExpense(XS::kInvoiced, XS::kSubmitted).error().code, "expense.invalid_transition");
  EXPECT_EQ(TransitionExpense(XS::kApproved, XS::kApproved).error().code, "expense.state_unchanged");
  EXPECT_TRUE(CheckExpenseEditable(XS::kRejected).ok());
  EXPECT_EQ(CheckExpenseEditable(XS::kApproved).error().code, "expense.frozen");
  EXPECT_EQ(HttpStatus(CheckExpenseEditable(XS::kInvoiced).error().kind), 409);
}

TEST(ExpenseRules, ChargesCarryTheApprovalForTheInvoiceRule) {
  Expense x = Printing("200.00", "15");
  EXPECT_FALSE(ChargeOf(x).approved);
  x.state = ExpenseState::kApproved;
  const ExpenseCharge charge = ChargeOf(x);
  EXPECT_TRUE(charge.approved);
  EXPECT_FALSE(charge.invoiced);
  EXPECT_EQ(charge.description, "Proofs (PrintCo)");
  const auto lines = TimeAndExpenseLines({}, std::vector<ExpenseCharge>{charge}, "USD").value();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].amount, USD("230.00"));
}

}  // namespace
}  // namespace concord::agency
