#include "agency/expense.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

using XS = ExpenseState;

struct ExpenseTransition {
  XS from;
  XS to;
};

constexpr ExpenseTransition kTransitions[] = {
    {XS::kSubmitted, XS::kApproved}, {XS::kSubmitted, XS::kRejected}, {XS::kRejected, XS::kSubmitted},
    {XS::kApproved, XS::kInvoiced},
};

constexpr std::pair<XS, const char*> kNames[] = {
    {XS::kSubmitted, "submitted"}, {XS::kApproved, "approved"}, {XS::kRejected, "rejected"}, {XS::kInvoiced, "invoiced"}};

}  // namespace

const char* ExpenseStateName(ExpenseState state) {
  for (const auto& [s, name] : kNames) {
    if (s == state) return name;
  }
  return "submitted";
}

std::optional<ExpenseState> ExpenseStateOf(std::string_view name) {
  for (const auto& [s, n] : kNames) {
    if (name == n) return s;
  }
  return std::nullopt;
}

Status ValidateExpense(const Expense& x, const std::string& job_currency, Date today) {
  std::vector<FieldError> errors;
  if (x.description.empty()) {
    errors.push_back({"description", "expense.description_required", "Say what the expense was for."});
  }
  if (x.cost.amount().Sign() <= 0) {
    errors.push_back({"cost", "expense.cost_not_positive", "The cost must be more than 0."});
  }
  if (x.markup_percent < Decimal::FromInt(-100)) {
    errors.push_back({"markup_percent", "expense.markup_out_of_range", "A mark-down cannot exceed 100 %."});
  }
  if (x.cost.currency() != job_currency) {
    errors.push_back({"cost", "expense.currency_mismatch",
                      fmt::format("The cost is in {}, the job in {}.", x.cost.currency(), job_currency)});
  }
  if (x.expense_date > today) {
    errors.push_back({"expense_date", "expense.in_future",
                      fmt::format("{} is after today ({}): record an expense once it is incurred.",
                                  x.expense_date.ToString(), today.ToString())});
  }
  if (errors.empty()) return {};
  std::string code = errors.front().code;
  return Error::Invalid(std::move(code), "The expense has errors; see the fields.", std::move(errors));
}

Status TransitionExpense(ExpenseState from, ExpenseState to) {
  if (from == to) {
    return ConflictAt("expense.state_unchanged", "state", fmt::format("the expense is already {}", ExpenseStateName(to)));
  }
  const bool allowed = std::any_of(std::begin(kTransitions), std::end(kTransitions),
                                   [&](const ExpenseTransition& t) { return t.from == from && t.to == to; });
  if (allowed) return {};
  return ConflictAt("expense.invalid_transition", "state",
                    fmt::format("a {} expense cannot become {}", ExpenseStateName(from), ExpenseStateName(to)));
}

Status CheckExpenseEditable(ExpenseState state) {
  if (state == XS::kSubmitted || state == XS::kRejected) return {};
  return ConflictAt("expense.frozen", "state",
                    fmt::format("the expense is {} and cannot be changed", ExpenseStateName(state)));
}

std::optional<Decimal> EstimateMarkupFor(std::span<const Estimate> estimates, std::string_view category) {
  // Originals before change orders, then by number and latest revision first: the first match wins.
  std::vector<const Estimate*> approved;
  for (const Estimate& e : estimates) {
    if (e.status == EstimateStatus::kApproved) approved.push_back(&e);
  }
  std::sort(approved.begin(), approved.end(), [](const Estimate* a, const Estimate* b) {
    if (a->kind != b->kind) return a->kind == EstimateKind::kOriginal;
    if (a->number != b->number) return a->number < b->number;
    return a->revision > b->revision;
  });
  for (const Estimate* e : approved) {
    for (const EstimateLine& line : e->lines) {
      if (line.kind == LineKind::kExpense && line.service == category) return line.markup_percent;
    }
  }
  return std::nullopt;
}

Money BillableAmount(const Expense& x) {
  if (!x.billable) return Money(Decimal(), x.cost.currency());
  return LineAmount({LineKind::kExpense, x.category, x.description, Decimal(), Money(), x.cost, x.markup_percent});
}

ExpenseCharge ChargeOf(const Expense& x) {
  const std::string label = x.supplier.empty() ? x.description : x.description + " (" + x.supplier + ")";
  return {label, x.cost, x.markup_percent, x.state == XS::kApproved || x.state == XS::kInvoiced,
          x.state == XS::kInvoiced};
}

}  // namespace concord::agency
