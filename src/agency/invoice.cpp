#include "agency/invoice.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

const Decimal kHundred = Decimal::FromInt(100);
const Decimal kOneHundredth = Decimal::FromParts(1, 2);

Money Zero(const std::string& currency) { return Money(Decimal(), currency); }

Status RequireApproved(const Estimate& e) {
  if (e.status == EstimateStatus::kApproved) return {};
  return ConflictAt("invoice.estimate_not_approved", "estimate",
                    fmt::format("estimate {} r{} is {}: only an approved estimate is invoiced", e.number, e.revision,
                                EstimateStatusName(e.status)));
}

InvoiceLine SingleLine(std::string description, std::string unit, Money amount) {
  return {std::move(description), Decimal::FromInt(1), std::move(unit), amount, amount};
}

InvoiceLine Negated(const InvoiceLine& line) {
  InvoiceLine out = line;
  out.quantity = -line.quantity;
  out.amount = Money(-line.amount.amount(), line.amount.currency());
  return out;
}

}  // namespace

InvoiceTotals ComputeInvoiceTotals(const Invoice& invoice) {
  Money subtotal = Zero(invoice.currency);
  for (const InvoiceLine& line : invoice.lines) subtotal = subtotal + line.amount;
  const Money tax(Decimal::MultiplyRounded(subtotal.amount(), invoice.tax_percent * kOneHundredth,
                                           Money::MinorUnits(invoice.currency), Rounding::kHalfUp),
                  invoice.currency);
  return {subtotal, tax, subtotal + tax};
}

Result<std::vector<Money>> AllocateMilestones(const Money& total, std::span<const Milestone> schedule) {
  if (schedule.empty()) {
    return InvalidAt("invoice.milestones_required", "milestones", "a milestone schedule needs at least one milestone");
  }
  Decimal sum;
  for (size_t i = 0; i < schedule.size(); ++i) {
    if (schedule[i].percent.Sign() <= 0) {
      return InvalidAt(
          "invoice.milestone_percent_invalid", fmt::format("milestones[{}].percent", i),
          fmt::format("milestone \"{}\" has {}%: each share must be above 0", schedule[i].name, schedule[i].percent));
    }
    sum += schedule[i].percent;
  }
  if (sum != kHundred) {
    return InvalidAt("invoice.milestones_not_100", "milestones",
                     fmt::format("the milestones add up to {}%, not 100%", sum));
  }
  std::vector<Money> amounts;
  Money allocated = Zero(total.currency());
  for (size_t i = 0; i + 1 < schedule.size(); ++i) {
    const Money share(Decimal::MultiplyRounded(total.amount(), schedule[i].percent * kOneHundredth,
                                               Money::MinorUnits(total.currency()), Rounding::kHalfUp),
                      total.currency());
    amounts.push_back(share);
    allocated = allocated + share;
  }
  amounts.push_back(total - allocated);  // the last takes the remainder: the shares sum to the total exactly
  return amounts;
}

Result<std::vector<InvoiceLine>> MilestoneLines(const Estimate& approved, std::span<const Milestone> schedule,
                                                std::span<const size_t> indexes) {
  TRY(RequireApproved(approved));
  const std::vector<Money> amounts = TRY(AllocateMilestones(ComputeTotals(approved).total, schedule));
  std::vector<InvoiceLine> lines;
  for (size_t index : indexes) {
    if (index >= schedule.size()) {
      return InvalidAt("invoice.milestone_unknown", "milestones",
                       fmt::format("milestone {} is not in the schedule of {}", index, schedule.size()));
    }
    lines.push_back(SingleLine(fmt::format("{} r{}: {} ({}%)", approved.number, approved.revision, schedule[index].name,
                                           schedule[index].percent),
                               "milestone", amounts[index]));
  }
  return lines;
}

Result<InvoiceLine> FixedFeeLine(const Estimate& approved) {
  TRY(RequireApproved(approved));
  return SingleLine(fmt::format("{} r{}: fixed fee", approved.number, approved.revision), "fee",
                    ComputeTotals(approved).total);
}

Result<std::vector<InvoiceLine>> TimeAndExpenseLines(std::span<const TimeCharge> time,
                                                     std::span<const ExpenseCharge> expenses,
                                                     const std::string& currency) {
  std::map<std::pair<std::string, Decimal>, int64_t> minutes;  // (service, rate) -> minutes
  for (size_t i = 0; i < time.size(); ++i) {
    const TimeEntry& e = time[i].entry;
    const std::string field = fmt::format("time[{}]", i);
    if (!e.billable) {
      return InvalidAt("invoice.time_not_billable", field,
                       fmt::format("{}'s time on {} is not billable", e.person, e.work_date));
    }
    if (e.state == TimeEntryState::kInvoiced) {
      return ConflictAt("invoice.time_already_invoiced", field,
                        fmt::format("{}'s time on {} is already invoiced", e.person, e.work_date));
    }
    if (e.state != TimeEntryState::kApproved) {
      return ConflictAt("invoice.time_not_approved", field,
                        fmt::format("{}'s time on {} is not approved yet", e.person, e.work_date));
    }
    if (time[i].hourly_rate.currency() != currency) {
      return InvalidAt("invoice.currency_mismatch", field,
                       fmt::format("rate in {}, invoice in {}", time[i].hourly_rate.currency(), currency));
    }
    minutes[{e.service, time[i].hourly_rate.amount()}] += e.minutes;
  }
  std::vector<InvoiceLine> lines;
  for (const auto& [key, total] : minutes) {
    const Money rate(key.second, currency);
    // Hours for display: 2 decimals HalfUp; the amount comes from the exact minutes.
    const Decimal hours = Decimal::Divide(Decimal::FromInt(total), Decimal::FromInt(60), 2, Rounding::kHalfUp).value();
    lines.push_back({key.first, hours, "hours", rate, TimeAmount(total, rate)});
  }
  for (size_t i = 0; i < expenses.size(); ++i) {
    const ExpenseCharge& x = expenses[i];
    const std::string field = fmt::format("expenses[{}]", i);
    if (x.invoiced) {
      return ConflictAt("invoice.expense_already_invoiced", field,
                        fmt::format("\"{}\" is already invoiced", x.description));
    }
    if (!x.approved) {
      return ConflictAt("invoice.expense_not_approved", field,
                        fmt::format("\"{}\" is not approved yet", x.description));
    }
    if (x.cost.currency() != currency) {
      return InvalidAt("invoice.currency_mismatch", field,
                       fmt::format("expense in {}, invoice in {}", x.cost.currency(), currency));
    }
    EstimateLine as_line{LineKind::kExpense, "", x.description, Decimal(), Money(), x.cost, x.markup_percent};
    lines.push_back(SingleLine(x.description, "expense", LineAmount(as_line)));
  }
  return lines;
}

Status CheckInvoiceEditable(const Invoice& invoice) {
  if (invoice.status == InvoiceStatus::kDraft) return {};
  return ConflictAt("invoice.issued_immutable", "status",
                    fmt::format("{} is issued and cannot be changed; correct it with a credit note", invoice.number));
}

Result<Invoice> Issue(const Invoice& draft, const NumberPattern& pattern, Date issue_date, int64_t last_seq) {
  TRY(CheckInvoiceEditable(draft));
  if (draft.lines.empty()) return InvalidAt("invoice.no_lines", "lines", "an invoice needs at least one line");
  for (size_t i = 0; i < draft.lines.size(); ++i) {
    if (draft.lines[i].amount.currency() != draft.currency) {
      return InvalidAt("invoice.currency_mismatch", fmt::format("lines[{}]", i),
                       fmt::format("line in {}, invoice in {}", draft.lines[i].amount.currency(), draft.currency));
    }
  }
  const int sign = ComputeInvoiceTotals(draft).total.amount().Sign();
  const bool credit = draft.kind == InvoiceKind::kCreditNote;
  if ((credit && sign >= 0) || (!credit && sign <= 0)) {
    return InvalidAt("invoice.total_sign", "lines",
                     credit ? "a credit note must total less than zero" : "an invoice must total more than zero");
  }
  Invoice out = draft;
  out.number = TRY(NextNumber(pattern, draft.client_code, issue_date, last_seq));
  out.status = InvoiceStatus::kIssued;
  out.issue_date = issue_date;
  out.due_date = issue_date.AddDays(draft.payment_terms_days);
  return out;
}

Result<Invoice> DraftCreditNote(const Invoice& invoice, std::span<const InvoiceLine> lines,
                                const Money& already_credited) {
  if (invoice.status != InvoiceStatus::kIssued || invoice.kind != InvoiceKind::kInvoice) {
    return ConflictAt("invoice.not_issued", "credited_invoice_number", "only an issued invoice can be credited");
  }
  Invoice note;
  note.kind = InvoiceKind::kCreditNote;
  note.client_code = invoice.client_code;
  note.job_number = invoice.job_number;
  note.currency = invoice.currency;
  note.tax_percent = invoice.tax_percent;
  note.payment_terms_days = 0;  // nothing to collect: the credit is due at once
  note.credited_invoice_number = invoice.number;
  const std::span<const InvoiceLine> source = lines.empty() ? std::span<const InvoiceLine>(invoice.lines) : lines;
  for (const InvoiceLine& line : source) note.lines.push_back(Negated(line));
  const Money credit = Money(-ComputeInvoiceTotals(note).total.amount(), note.currency);
  const Money creditable = ComputeInvoiceTotals(invoice).total - already_credited;
  if (credit > creditable) {
    return InvalidAt("invoice.credit_exceeds_invoice", "lines",
                     fmt::format("crediting {} {} exceeds the {} {} still creditable on {}", note.currency, credit,
                                 note.currency, creditable, invoice.number));
  }
  return note;
}

PaymentStatus PaymentStatusOf(const Money& total, const Money& paid, Date due_date, Date today) {
  PaymentStatus status;
  status.outstanding = total - paid;
  if (status.outstanding.amount().Sign() <= 0) {
    status.state = PaymentState::kPaid;
    status.outstanding = Zero(total.currency());
    return status;
  }
  status.state = paid.amount().Sign() > 0 ? PaymentState::kPartiallyPaid : PaymentState::kUnpaid;
  status.overdue = today > due_date;
  return status;
}

std::string InvoiceStage(const Invoice& invoice, const Money& credited, const Money& paid, bool sent, Date today) {
  if (invoice.status == InvoiceStatus::kDraft) return "draft";
  if (invoice.kind == InvoiceKind::kCreditNote) return "issued";
  const Money owed = ComputeInvoiceTotals(invoice).total - credited;
  if (owed.amount().Sign() <= 0) return "credited";
  const PaymentStatus payment = PaymentStatusOf(owed, paid, invoice.due_date.value_or(today), today);
  if (payment.state == PaymentState::kPaid) return "paid";
  if (payment.overdue) return "overdue";
  if (payment.state == PaymentState::kPartiallyPaid) return "partially_paid";
  return sent ? "sent" : "issued";
}

Status CheckPayment(const Invoice& invoice, const Money& owed, const Money& paid, const Money& amount) {
  if (invoice.status != InvoiceStatus::kIssued || invoice.kind != InvoiceKind::kInvoice) {
    return ConflictAt("invoice.not_issued", "status", "payments are recorded against issued invoices");
  }
  if (amount.currency() != invoice.currency || amount.amount().Sign() <= 0) {
    return InvalidAt("invoice.payment_invalid", "amount", fmt::format("a positive amount in {}", invoice.currency));
  }
  const Money outstanding = owed - paid;
  if (amount > outstanding) {
    return InvalidAt("invoice.overpayment", "amount",
                     fmt::format("{} {} is more than the {} {} outstanding on {}", invoice.currency, amount.amount(),
                                 invoice.currency, outstanding.amount(), invoice.number));
  }
  return {};
}

}  // namespace concord::agency
