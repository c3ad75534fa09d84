#include "workforce/audits.h"

#include <fmt/format.h>

namespace concord::workforce {
namespace {

std::string OrNone(const std::optional<Date>& date) { return date ? date->ToString() : "none"; }

std::string Days(int n) { return fmt::format("{} {}", n, n == 1 ? "day" : "days"); }

}  // namespace

bool IsAlert(const std::string& code) { return code == "audit.short_notice" || code == "audit.vms_closed_not_ended"; }

std::vector<AuditFinding> AuditAssignments(const std::vector<AssignmentSnapshot>& assignments, Date today,
                                           const AuditPolicy& policy) {
  std::vector<AuditFinding> out;
  for (const AssignmentSnapshot& a : assignments) {
    auto add = [&](const char* code, std::string reason) { out.push_back({a.assignment_id, code, std::move(reason)}); };
    const bool working = a.status == AssignmentStatus::kActive || a.status == AssignmentStatus::kEnding;

    if (working && a.end_date && *a.end_date < today) {
      add("audit.past_end_still_active",
          fmt::format("end date {} passed {} ago but the assignment is still {}", *a.end_date,
                      Days(DaysBetween(*a.end_date, today)), ToString(a.status)));
    }

    if (a.status == AssignmentStatus::kActive) {
      // The window is the last N days up to yesterday; an assignment younger than that is not yet due one.
      const Date window_start = today.AddDays(-policy.timecard_days);
      const bool old_enough = a.start_date <= window_start;
      if (old_enough && (!a.last_timecard_date || *a.last_timecard_date < window_start)) {
        add("audit.no_recent_timecard",
            a.last_timecard_date ? fmt::format("no timecard since {} ({} days; the limit is {})", *a.last_timecard_date,
                                               DaysBetween(*a.last_timecard_date, today), policy.timecard_days)
                                 : fmt::format("no timecard since the start on {} ({} days; the limit is {})",
                                               a.start_date, DaysBetween(a.start_date, today), policy.timecard_days));
      }
    }

    if (a.in_vms && a.status != AssignmentStatus::kCancelled && a.vms_end_date != a.end_date) {
      add("audit.vms_end_date_mismatch",
          fmt::format("end date in the VMS is {}, ours is {}", OrNone(a.vms_end_date), OrNone(a.end_date)));
    }

    const bool ended = a.status == AssignmentStatus::kEnded || a.status == AssignmentStatus::kOffboarded;
    if (ended && !a.last_day_worked) {
      add("audit.last_day_worked_missing",
          fmt::format("{} without a last day worked: the final-pay deadline cannot be computed", ToString(a.status)));
    }
    if (a.last_day_worked && a.end_date && *a.last_day_worked > *a.end_date) {
      add("audit.last_day_after_end",
          fmt::format("last day worked {} is after the end date {}", *a.last_day_worked, *a.end_date));
    }
    if (a.short_notice && (a.status == AssignmentStatus::kEnding || ended)) {
      add("audit.short_notice", "short notice: " + *a.short_notice);
    }
    if (a.status == AssignmentStatus::kActive && a.vms_status && VmsStatusIsEnded(*a.vms_status)) {
      add("audit.vms_closed_not_ended",
          fmt::format("the VMS shows the work order {} but concord has no end for it (active, end date {}): "
                      "record the end or ask the MSP to reopen it",
                      *a.vms_status, OrNone(a.end_date)));
    }
  }
  return out;
}

}  // namespace concord::workforce
