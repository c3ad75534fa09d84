// Invoices: numbering, lines from approved estimates (milestones, fixed fee) or from approved time and
// expenses, totals, immutability once issued, credit notes, and payment status.
//
// Numbering. A draft has no number; Issue() assigns the next one in the year's sequence
// ("INV-2026-0001"), so deleted or abandoned drafts never leave gaps in the issued series (what auditors and
// most VAT regimes ask of invoice numbers). Credit notes take their own pattern (e.g. "CN-{YYYY}-{seq:4}").
//
// Immutability. An issued invoice or credit note is never edited; a correction is a credit note that
// references the invoice it corrects (and, if needed, a new invoice).
//
// Roundings, named:
//   - milestone amounts: total × percent rounded to the minor unit HalfUp, the LAST milestone taking the
//     remainder, so the milestones always add up to the approved estimate exactly;
//   - time lines: minutes summed per (service, rate), then TimeAmount (one HalfUp rounding per line); the
//     quantity shown in hours is rounded to 2 decimals HalfUp for display only;
//   - expense lines: LineAmount of estimate.h (cost × mark-up, HalfUp per line);
//   - tax: subtotal × tax % rounded HalfUp once per document. HalfUp rounds half away from zero, so a credit
//     note for a whole invoice is its exact negative.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "agency/estimate.h"
#include "agency/job_number.h"
#include "agency/time_rule.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

inline constexpr char kDefaultInvoicePattern[] = "INV-{YYYY}-{seq:4}";
inline constexpr char kDefaultCreditNotePattern[] = "CN-{YYYY}-{seq:4}";

enum class InvoiceKind { kInvoice, kCreditNote };
enum class InvoiceStatus { kDraft, kIssued };

struct InvoiceLine {
  std::string description;
  Decimal quantity;  // hours, or 1 for a milestone / fixed fee / expense
  std::string unit;  // "hours", "milestone", "fee", "expense"
  Money unit_price;
  Money amount;  // the rounded line amount (what is printed and summed)
};

struct Invoice {
  InvoiceKind kind = InvoiceKind::kInvoice;
  InvoiceStatus status = InvoiceStatus::kDraft;
  std::string number;  // empty until issued
  std::string client_code;
  std::string job_number;
  std::string currency = "USD";
  std::vector<InvoiceLine> lines;
  Decimal tax_percent;          // one rate per document (e.g. 8.875); 0 when not taxed
  int payment_terms_days = 30;  // due = issue date + terms
  std::optional<Date> issue_date;
  std::optional<Date> due_date;
  std::string credited_invoice_number;  // kCreditNote: the invoice it corrects
};

struct InvoiceTotals {
  Money subtotal;  // Σ line amounts (exact)
  Money tax;       // subtotal × tax %, HalfUp to the minor unit
  Money total;     // subtotal + tax
};
InvoiceTotals ComputeInvoiceTotals(const Invoice& invoice);

// ---- Lines from an approved estimate --------------------------------------------------------------------

struct Milestone {
  std::string name;
  Decimal percent;  // share of the approved estimate's total
};

// The amount of each milestone of `total` (see the file comment for the rounding). Errors (422):
//   invoice.milestones_required (field "milestones") an empty schedule
//   invoice.milestone_percent_invalid (field "milestones[i].percent") not > 0
//   invoice.milestones_not_100 (field "milestones") the percents do not add up to exactly 100
Result<std::vector<Money>> AllocateMilestones(const Money& total, std::span<const Milestone> schedule);

// Invoice lines for the milestones at `indexes` of `schedule` on the `approved` estimate. Errors:
//   invoice.estimate_not_approved (409, field "estimate") the estimate is not approved
//   invoice.milestone_unknown (422, field "milestones") an index outside the schedule
//   and AllocateMilestones's.
Result<std::vector<InvoiceLine>> MilestoneLines(const Estimate& approved, std::span<const Milestone> schedule,
                                                std::span<const size_t> indexes);

// A single line billing the whole approved estimate as a fixed fee. Error invoice.estimate_not_approved.
Result<InvoiceLine> FixedFeeLine(const Estimate& approved);

// ---- Lines from approved time and expenses --------------------------------------------------------------

struct TimeCharge {
  TimeEntry entry;
  Money hourly_rate;  // resolved from the rate card for the entry's service on its work date
};

struct ExpenseCharge {
  std::string description;
  Money cost;
  Decimal markup_percent;
  bool approved = false;
  bool invoiced = false;
};

// One line per (service, rate) of the time, in order of service then rate, then one line per expense.
// Errors (the first found; field "time[i]" / "expenses[i]"):
//   invoice.time_not_billable (422), invoice.time_not_approved (409: still open or submitted),
//   invoice.time_already_invoiced (409), invoice.expense_not_approved (409),
//   invoice.expense_already_invoiced (409), invoice.currency_mismatch (422).
Result<std::vector<InvoiceLine>> TimeAndExpenseLines(std::span<const TimeCharge> time,
                                                     std::span<const ExpenseCharge> expenses,
                                                     const std::string& currency);

// ---- Issue, immutability, credit notes ------------------------------------------------------------------

// Edits are allowed on drafts only: "invoice.issued_immutable" (409, field "status") otherwise.
Status CheckInvoiceEditable(const Invoice& invoice);

// Issues a draft on `issue_date` with the next number of `pattern` after `last_seq` (the last number issued
// in the pattern's scope, per year for the default patterns); sets the due date. Errors:
//   invoice.issued_immutable (409)  not a draft
//   invoice.no_lines (422, "lines"), invoice.currency_mismatch (422, "lines[i]")
//   invoice.total_sign (422, "lines")  an invoice must total more than 0, a credit note less than 0
//   and NextNumber's (number.*).
Result<Invoice> Issue(const Invoice& draft, const NumberPattern& pattern, Date issue_date, int64_t last_seq);

// A draft credit note for `invoice` crediting `lines` (given as on the invoice, positive; empty = every line
// of the invoice), at the invoice's tax rate. `already_credited` is the positive total of credit notes
// already issued against it. Errors:
//   invoice.not_issued (409, "credited_invoice_number")  the invoice is a draft or itself a credit note
//   invoice.credit_exceeds_invoice (422, "lines")  this credit plus earlier ones would exceed its total
Result<Invoice> DraftCreditNote(const Invoice& invoice, std::span<const InvoiceLine> lines,
                                const Money& already_credited);

// ---- Payment --------------------------------------------------------------------------------------------

enum class PaymentState { kUnpaid, kPartiallyPaid, kPaid };

struct PaymentStatus {
  PaymentState state = PaymentState::kUnpaid;
  bool overdue = false;  // not fully paid and today is after the due date
  Money outstanding;     // total − paid (0 when paid or overpaid)
};

// Payment status of an issued invoice with `total` and `paid` so far, on `today`. `total` is what is owed:
// the invoice's total less the credit notes issued against it. `today` is the agency's local date.
PaymentStatus PaymentStatusOf(const Money& total, const Money& paid, Date due_date, Date today);

// The one word an invoice list shows, by precedence: "draft"; "credited" (credit notes cover all of it);
// "paid"; "overdue" (past due and not fully paid); "partially_paid"; "sent" (sent or delivered, nothing
// paid); "issued". A credit note is "draft" or "issued". `credited` is positive.
std::string InvoiceStage(const Invoice& invoice, const Money& credited, const Money& paid, bool sent, Date today);

// Errors for a payment against an issued invoice (`owed` = total − credited, `paid` so far):
//   invoice.not_issued (409, "status") a draft or a credit note
//   invoice.payment_invalid (422, "amount") not positive or not in the invoice's currency
//   invoice.overpayment (422, "amount") more than is still outstanding
Status CheckPayment(const Invoice& invoice, const Money& owed, const Money& paid, const Money& amount);

}  // namespace concord::agency
