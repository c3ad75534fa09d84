// Reminders from the coordinator's reports (seed: "Manages missing timecard reports and reaches out to
// workers for submission and managers for approval"; "Coordinates with workers and Clients on rejected
// timecards and expense reports"). Each reminder is a message filled from a {{placeholder}} template and
// recorded on the worker's timeline (audited there). One reminder per record and week: sending again in
// the same ISO week sends nothing new. Nothing is mailed: the service desk's SMTP sender works on cases,
// not on workforce timelines, so the reminder is recorded for the coordinator to follow up.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "jobs/jobs.h"
#include "workforce/service.h"

namespace concord::workforce {

struct ReminderRun {
  std::string report;  // missing-timecards, pending-approvals, rejected
  std::string week_of;  // the Monday of the week the reminders belong to
  int sent = 0;
  int already_sent = 0;  // reminded earlier this week
};

// The templates, by report: {"subject": …, "body": …}. Placeholders: worker_name, client_name,
// assignment_title, manager_name, week_start, age_days, what, reason.
const nlohmann::json& ReminderTemplates();

// `week`: for missing timecards, the (past) week to cover — any day of it; last week when absent
// (`ReminderWeek`). The other reports list what is open today and ignore it.
Result<ReminderRun> SendReminders(WorkforceService& service, const auth::Principal& caller, const std::string& report,
                                  Date today, std::optional<Date> week, const std::string& request_id);

// The weekly run (job "workforce.reminders", scheduled Mondays): all three reports, missing timecards
// for last week, as the system.
inline constexpr const char* kReminderReports[] = {"missing-timecards", "pending-approvals", "rejected"};
inline constexpr const char* kReminderJob = "workforce.reminders";
void RegisterReminderJob(jobs::Registry& registry, WorkforceService& service);
// Every Monday at 07:00 UTC (idempotent: written on every start, like the desk's escalation schedule).
Status ScheduleWeeklyReminders(store::Database& db, std::chrono::sys_seconds now);

}  // namespace concord::workforce
