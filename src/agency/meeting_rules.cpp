#include "agency/meeting_rules.h"

#include <algorithm>
#include <map>

#include "agency/agency_error.h"

namespace concord::agency {

Status CheckReportStatus(std::string_view status) {
  if (std::find(kReportStatuses.begin(), kReportStatuses.end(), status) != kReportStatuses.end()) return {};
  return InvalidAt("status_report.status_invalid", "status",
                   "One of on_track, at_risk, off_track, on_hold, done.");
}

Status CheckProgress(int progress) {
  if (progress >= 0 && progress <= 100) return {};
  return InvalidAt("status_report.progress_invalid", "progress", "Progress is a percent from 0 to 100.");
}

std::vector<MovedMilestone> MilestonesMoved(const std::optional<std::vector<MilestoneDate>>& previous,
                                            const std::vector<MilestoneDate>& current) {
  std::vector<MovedMilestone> out;
  if (!previous) return out;
  std::map<std::string, Date> before;
  for (const auto& m : *previous) before.emplace(m.name, m.due);
  for (const auto& m : current) {
    auto it = before.find(m.name);
    if (it == before.end()) out.push_back({m.name, std::nullopt, m.due});
    else if (it->second != m.due) out.push_back({m.name, it->second, m.due});
  }
  return out;
}

Date DistributionDeadline(const BusinessCalendar& calendar, Date meeting_date, int days) {
  return calendar.AddBusinessDays(meeting_date, days);
}

bool DistributedLate(const BusinessCalendar& calendar, Date deadline, const std::optional<Instant>& distributed_at,
                     Date today) {
  if (distributed_at) return calendar.LocalDate(*distributed_at) > deadline;
  return today > deadline;
}

std::string NextStep(bool lacks_approved_estimate, bool awaiting_approval, bool overdue,
                     const std::optional<std::string>& next_milestone) {
  if (awaiting_approval) return "Chase the client's approval of the estimate";
  if (lacks_approved_estimate) return "Get an approved LOE before more billable work";
  if (overdue) return "Agree a new due date with the client";
  if (next_milestone) return "Next milestone: " + *next_milestone;
  return "Keep going";
}

}  // namespace concord::agency
