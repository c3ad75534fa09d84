#include "agency/job.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

using S = JobStatus;

constexpr std::array<JobTransition, 11> kTransitions = {{
    {S::kOpen, S::kInProgress},
    {S::kOpen, S::kOnHold},
    {S::kOpen, S::kCancelled},
    {S::kInProgress, S::kOnHold},
    {S::kInProgress, S::kCompleted},
    {S::kInProgress, S::kCancelled},
    {S::kOnHold, S::kInProgress},
    {S::kOnHold, S::kCancelled},
    {S::kCompleted, S::kInvoiced},
    {S::kCompleted, S::kInProgress},
    {S::kInvoiced, S::kClosed},
}};

constexpr std::array<S, 7> kAllStatuses = {S::kOpen,     S::kInProgress, S::kOnHold,   S::kCompleted,
                                           S::kInvoiced, S::kClosed,     S::kCancelled};

bool Allowed(S from, S to) {
  return std::any_of(kTransitions.begin(), kTransitions.end(),
                     [&](const JobTransition& t) { return t.from == from && t.to == to; });
}

bool Active(S status) { return status == S::kOpen || status == S::kInProgress || status == S::kOnHold; }

}  // namespace

const char* JobStatusName(JobStatus status) {
  switch (status) {
    case S::kOpen:
      return "open";
    case S::kInProgress:
      return "in_progress";
    case S::kOnHold:
      return "on_hold";
    case S::kCompleted:
      return "completed";
    case S::kInvoiced:
      return "invoiced";
    case S::kClosed:
      return "closed";
    case S::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

Result<JobStatus> ParseJobStatus(std::string_view name) {
  for (S s : kAllStatuses) {
    if (name == JobStatusName(s)) return s;
  }
  return InvalidAt("job.unknown_status", "status", fmt::format("unknown job status \"{}\"", name));
}

std::span<const JobTransition> JobTransitions() { return kTransitions; }

bool IsFinal(JobStatus status) { return status == S::kClosed || status == S::kCancelled; }

Status Transition(JobStatus from, JobStatus to) {
  if (from == to) {
    return ConflictAt("job.status_unchanged", "status", fmt::format("the job is already {}", JobStatusName(to)));
  }
  if (IsFinal(from)) {
    return ConflictAt("job.status_final", "status",
                      fmt::format("a {} job cannot change status (to {})", JobStatusName(from), JobStatusName(to)));
  }
  if (!Allowed(from, to)) {
    std::string allowed;
    for (const JobTransition& t : kTransitions) {
      if (t.from == from) allowed += (allowed.empty() ? "" : ", ") + std::string(JobStatusName(t.to));
    }
    return ConflictAt("job.invalid_transition", "status",
                      fmt::format("a job cannot go from {} to {}; from {} it may go to {}", JobStatusName(from),
                                  JobStatusName(to), JobStatusName(from), allowed));
  }
  return {};
}

bool AcceptsTime(JobStatus status) { return status == S::kOpen || status == S::kInProgress; }

Status CheckAcceptsTime(JobStatus status) {
  if (AcceptsTime(status)) return {};
  return ConflictAt("job.time_not_allowed", "job_id",
                    fmt::format("time cannot be logged on a {} job (only open or in progress)", JobStatusName(status)));
}

std::vector<JobAlert> JobAlerts(const JobSnapshot& job, Date today, const AlertPolicy& policy) {
  std::vector<JobAlert> alerts;
  if (job.due_date && Active(job.status)) {
    const int days_left = DaysBetween(today, *job.due_date);
    if (days_left < 0) {
      alerts.push_back(
          {AlertKind::kOverdue,
           "job.overdue",
           -days_left,
           0,
           {},
           fmt::format("{} is {} day(s) overdue (due {})", job.job_number, -days_left, job.due_date->ToString())});
    } else if (days_left <= policy.due_soon_days) {
      alerts.push_back(
          {AlertKind::kDueSoon,
           "job.due_soon",
           days_left,
           0,
           {},
           fmt::format("{} is due in {} day(s) ({})", job.job_number, days_left, job.due_date->ToString())});
    }
  }
  const bool budget_watched = Active(job.status) || job.status == S::kCompleted;
  if (job.approved_budget && budget_watched) {
    const Money& budget = *job.approved_budget;
    if (budget.currency() != job.actual.currency()) {
      throw std::invalid_argument("JobAlerts: budget in " + budget.currency() + ", actual in " + job.actual.currency());
    }
    // Exact test without division: actual × 100 >= budget × threshold.
    const Decimal used100 = job.actual.amount() * Decimal::FromInt(100);
    int reached = 0;
    for (int threshold : policy.budget_thresholds_percent) {
      if (job.actual.amount().IsZero() && threshold > 0) continue;
      if (used100 >= budget.amount() * Decimal::FromInt(threshold)) reached = std::max(reached, threshold);
    }
    if (reached > 0) {
      // Display share: one decimal, HalfUp; a zero budget with actual spend reads as 100%.
      const Decimal percent = budget.amount().IsZero()
                                  ? Decimal::FromParts(1000, 1)
                                  : Decimal::Divide(used100, budget.amount(), 1, Rounding::kHalfUp).value();
      alerts.push_back({AlertKind::kOverBudget, "job.over_budget", 0, reached, percent,
                        fmt::format("{} has used {}% of its approved budget {} {} (threshold {}%)", job.job_number,
                                    percent, budget.currency(), budget, reached)});
    }
  }
  if (job.estimate_sent_on && !IsFinal(job.status)) {
    const int waiting = DaysBetween(*job.estimate_sent_on, today);
    alerts.push_back({AlertKind::kAwaitingClientApproval,
                      "job.awaiting_client_approval",
                      waiting,
                      0,
                      {},
                      fmt::format("{}: estimate sent {} awaits the client's approval ({} day(s))", job.job_number,
                                  job.estimate_sent_on->ToString(), waiting)});
  }
  if (LacksApprovedEstimate(job) && job.billable_minutes > 0) {
    alerts.push_back(
        {AlertKind::kBillableWithoutEstimate,
         "job.billable_time_without_estimate",
         0,
         0,
         {},
         fmt::format("{} has {} billable minute(s) but no approved estimate", job.job_number, job.billable_minutes)});
  }
  return alerts;
}

bool LacksApprovedEstimate(const JobSnapshot& job) {
  return job.billable && job.status != S::kCancelled && !job.approved_budget.has_value();
}

}  // namespace concord::agency
