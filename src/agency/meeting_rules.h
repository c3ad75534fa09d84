// Pure rules for the account coordinator's reporting: status reports (status names, milestones moved since
// the last report), contact-report distribution deadlines and the traffic-meeting agenda.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace concord::agency {

// Odoo's project.update statuses: on_track, at_risk, off_track, on_hold, done.
inline const std::vector<std::string> kReportStatuses = {"on_track", "at_risk", "off_track", "on_hold", "done"};
// Error "status_report.status_invalid" (422, field "status") unless one of kReportStatuses.
Status CheckReportStatus(std::string_view status);
// Error "status_report.progress_invalid" (422, field "progress") unless 0..100.
Status CheckProgress(int progress);

struct MilestoneDate {
  std::string name;
  Date due;
};

struct MovedMilestone {
  std::string name;
  std::optional<Date> was;  // nullopt: new since the last report
  Date now;
};

// Milestones whose due date changed since `previous` (the snapshot in the last report), and those added,
// in the order of `current`. A first report (no previous snapshot) moves nothing: every milestone is new
// but nothing was promised before, so the list is empty.
std::vector<MovedMilestone> MilestonesMoved(const std::optional<std::vector<MilestoneDate>>& previous,
                                            const std::vector<MilestoneDate>& current);

// A contact report is due with the client `days` business days after the meeting (the agency's deadline).
Date DistributionDeadline(const BusinessCalendar& calendar, Date meeting_date, int days);

// Late when it went out after the deadline day, or is still not out once the deadline has passed. Days are
// the agency's (calendar's time zone): a report sent at 23:30 in New York on the deadline day is on time
// although it is already the next day in UTC.
bool DistributedLate(const BusinessCalendar& calendar, Date deadline, const std::optional<Instant>& distributed_at,
                     Date today);

// One line of a traffic-meeting agenda: an open job and what happens next.
struct AgendaJob {
  std::string job_number, title, owner, status;
  std::optional<Date> due;
  std::string next_step;
};

// The next step the agenda proposes for a job, from the facts a coordinator checks first: no approved LOE
// (get one), an estimate with the client (chase approval), overdue (re-plan), else the next open milestone.
std::string NextStep(bool lacks_approved_estimate, bool awaiting_approval, bool overdue,
                     const std::optional<std::string>& next_milestone);

}  // namespace concord::agency
