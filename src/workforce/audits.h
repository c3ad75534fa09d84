// Periodic assignment audits (issue 4 "Periodic audits"; seed: "period audits of assignment details, end
// dates and last day worked"; "100% accuracy between VMS and IES systems"). Rules over plain snapshots:
// the service loads them, runs the audit, and lists the findings for the coordinator.
//
// Pure: `today` is passed in. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "workforce/assignment.h"
#include "workforce/vms_audit.h"

namespace concord::workforce {

struct AssignmentSnapshot {
  std::string assignment_id;
  AssignmentStatus status = AssignmentStatus::kActive;
  Date start_date;
  std::optional<Date> end_date;            // ours; absent = open-ended
  std::optional<Date> last_day_worked;     // recorded at the end
  std::optional<Date> last_timecard_date;  // the latest day covered by a submitted timecard
  bool in_vms = false;                     // the programme runs a VMS and this assignment has a work order
  std::optional<Date> vms_end_date;        // the work order's end date in the latest VMS export
  // The work order's status as the latest VMS export writes it ("Closed", "Active"…); absent when unknown.
  std::optional<std::string> vms_status;
  // The end was given with less notice than the programme's minimum (notice.h): the check's reason.
  std::optional<std::string> short_notice;
};

struct AuditPolicy {
  // An active assignment with no timecard covering any of the last N days is flagged.
  int timecard_days = 14;
};

struct AuditFinding {
  std::string assignment_id;
  std::string code;    // stable: "audit.past_end_still_active", …
  std::string reason;  // for the coordinator, with the dates that show it
};

// Codes:
//   audit.past_end_still_active   active (or ending) and the end date is before today
//   audit.no_recent_timecard      active, started at least N days ago, no timecard in the last N days
//   audit.vms_end_date_mismatch   in the VMS and the VMS end date differs from ours (or one side has none)
//   audit.last_day_worked_missing ended/offboarded with no last day worked
//   audit.last_day_after_end      last day worked later than the end date
//   audit.short_notice            ending or ended with less notice than the programme's minimum (an alert)
//   audit.vms_closed_not_ended    the VMS shows the work order closed or ended while ours is still active
//                                 with no end given (an alert)
// Findings come in input order, then by the order above.
// The codes above that are alerts: shown apart on the coordinator's home page.
bool IsAlert(const std::string& code);

std::vector<AuditFinding> AuditAssignments(const std::vector<AssignmentSnapshot>& assignments, Date today,
                                           const AuditPolicy& policy = {});

}  // namespace concord::workforce
