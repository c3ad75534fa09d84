// Jobs: the status machine (one transition table) and the alerts a coordinator sees on a job.
//
// Status flow (the table in job.cpp, listed here for readers):
//   open         -> in_progress, on_hold, cancelled
//   in_progress  -> on_hold, completed, cancelled
//   on_hold      -> in_progress (resumed), cancelled
//   completed    -> invoiced, in_progress (reopened: the client asked for a fix before billing)
//   invoiced     -> closed
//   closed, cancelled: final
//
// Cancelling is allowed only before the work is completed. A completed job has delivered work that must be
// invoiced (or written off on the invoice); an invoiced one can only be corrected by a credit note. Letting
// those be "cancelled" would hide billable or billed work from the books.
//
// Time may be logged only while the job is open or in progress (on hold means nobody should be working).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace concord::agency {

enum class JobStatus { kOpen, kInProgress, kOnHold, kCompleted, kInvoiced, kClosed, kCancelled };

const char* JobStatusName(JobStatus status);              // "open", "in_progress", "on_hold", …
Result<JobStatus> ParseJobStatus(std::string_view name);  // error "job.unknown_status" at "status"

struct JobTransition {
  JobStatus from;
  JobStatus to;
};

// The one table: every allowed status change. Nothing else changes a job's status.
std::span<const JobTransition> JobTransitions();

// True for closed and cancelled: nothing leaves them.
bool IsFinal(JobStatus status);

// Checks a status change against the table. Errors (409, field "status"):
//   job.status_unchanged    from == to
//   job.status_final        from is closed or cancelled
//   job.invalid_transition  any other change not in the table (the message lists what is allowed)
Status Transition(JobStatus from, JobStatus to);

// Whether time may be logged on a job in `status`: open or in_progress.
bool AcceptsTime(JobStatus status);
// Error "job.time_not_allowed" (409, field "job_id") unless AcceptsTime(status).
Status CheckAcceptsTime(JobStatus status);

// ---- Alerts ---------------------------------------------------------------------------------------------

// What the alert rules need to know about one job, gathered by the service.
struct JobSnapshot {
  std::string job_number;
  JobStatus status = JobStatus::kOpen;
  bool billable = true;
  std::optional<Date> due_date;
  // The job's budget from its approved estimates (see estimate.h JobBudgetOf); nullopt when no estimate
  // has been approved yet.
  std::optional<Money> approved_budget;
  // Work to date at billing value: time × rate plus marked-up expenses, in the budget's currency.
  Money actual;
  // When the estimate currently awaiting the client's answer was sent; nullopt when none is awaiting.
  std::optional<Date> estimate_sent_on;
  // Billable minutes logged on the job so far.
  int64_t billable_minutes = 0;
};

struct AlertPolicy {
  // "Due soon" when the due date is today or within this many calendar days.
  int due_soon_days = 3;
  // Budget thresholds in percent of the approved budget, ascending; the highest reached is reported.
  std::vector<int> budget_thresholds_percent = {75, 90, 100};
};

enum class AlertKind { kDueSoon, kOverdue, kOverBudget, kAwaitingClientApproval, kBillableWithoutEstimate };

struct JobAlert {
  AlertKind kind;
  std::string code;  // stable: "job.due_soon", "job.overdue", "job.over_budget",
                     // "job.awaiting_client_approval", "job.billable_time_without_estimate"
  // kDueSoon: days until due (0 = today); kOverdue: days past due; kAwaitingClientApproval: days waiting.
  int days = 0;
  // kOverBudget: the threshold reached (75, 90, 100) and the share used, in percent with one decimal
  // (rounded HalfUp, for display only; the threshold test itself is exact).
  int threshold_percent = 0;
  Decimal percent_used;
  std::string message;
};

// The alerts in force for `job` on `today`, in AlertKind order. Pure: the same snapshot and day always give
// the same alerts. Rules:
//   due soon / overdue     only while open, in progress or on hold (finished work is not late)
//   over budget            actual >= threshold% of the approved budget, while not yet invoiced, closed or
//                          cancelled; a zero budget with any actual counts as 100%
//   awaiting approval      an estimate was sent and not yet answered
//   billable w/o estimate  a billable job with billable time but no approved estimate, unless cancelled
// Throws std::invalid_argument if actual and budget currencies differ (a programming error, as in Money).
std::vector<JobAlert> JobAlerts(const JobSnapshot& job, Date today, const AlertPolicy& policy = {});

// The "every billable job must have an approved LOE" report: true for a billable job that is not cancelled
// and has no approved estimate, whether or not time has been logged yet.
bool LacksApprovedEstimate(const JobSnapshot& job);

}  // namespace concord::agency
