// Job expenses (printing, media, stock photography, couriers): the state machine, validation, the mark-up
// an expense takes by default, and its billing value. Pure: the service stores them and the invoice rule
// (invoice.h TimeAndExpenseLines) bills approved ones beside time.
//
// States: submitted -> approved | rejected; rejected -> submitted (after a correction); approved ->
// invoiced when an issued invoice bills it. Approved and invoiced expenses are frozen, like time.
//
// Mark-up. An expense takes the mark-up of the matching expense line (same category) on the job's approved
// estimate — what the client agreed to pay on top of cost — unless one is given; with no such line, 0 %.
// Among approved estimates the highest revision of each number counts, change orders after the original.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "agency/estimate.h"
#include "agency/invoice.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

enum class ExpenseState { kSubmitted, kApproved, kRejected, kInvoiced };

const char* ExpenseStateName(ExpenseState state);  // "submitted", "approved", "rejected", "invoiced"
// nullopt for an unknown name.
std::optional<ExpenseState> ExpenseStateOf(std::string_view name);

struct Expense {
  Date expense_date;
  std::string supplier;
  std::string category;  // matches an estimate expense line's service ("printing")
  std::string description;
  Money cost;              // what the agency paid, before mark-up
  Decimal markup_percent;  // added on top when billed (15 = 15 %)
  bool billable = true;
  ExpenseState state = ExpenseState::kSubmitted;
};

// Errors (422), all listed, the code the first one's: expense.description_required ("description"),
// expense.cost_not_positive ("cost"), expense.markup_out_of_range ("markup_percent", below -100),
// expense.currency_mismatch ("cost", not the job's currency), expense.in_future ("expense_date", after today).
Status ValidateExpense(const Expense& expense, const std::string& job_currency, Date today);

// The one transition table above. Errors (409, field "state"): expense.state_unchanged,
// expense.invalid_transition.
Status TransitionExpense(ExpenseState from, ExpenseState to);

// Edits and deletes only while submitted or rejected: "expense.frozen" (409, field "state") otherwise.
Status CheckExpenseEditable(ExpenseState state);

// The mark-up of `category` on the job's approved estimates (see the file comment); nullopt when none has
// an expense line of that category.
std::optional<Decimal> EstimateMarkupFor(std::span<const Estimate> estimates, std::string_view category);

// What the client is billed: cost × (100 + mark-up) / 100, HalfUp to the minor unit (LineAmount's rounding).
// Non-billable expenses are worth 0 to the job's actuals and are never invoiced.
Money BillableAmount(const Expense& expense);

// The expense as the invoice rule sees it (approved / invoiced flags from its state).
ExpenseCharge ChargeOf(const Expense& expense);

}  // namespace concord::agency
