// Pure rules of the account-level status report: one report per client account covering every live job
// (its status, health, progress, budget vs actual incl. expenses and the milestones moved since the last
// account report), the weekly schedule's cron and whom the report goes to.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "agency/billing_contact.h"
#include "agency/job.h"
#include "agency/meeting_rules.h"

namespace concord::agency {

// A job the client still hears about: open, in progress, on hold, or completed and not yet invoiced
// (delivered work the client has not been billed for). Invoiced, closed and cancelled jobs are done with.
bool IsLiveJob(JobStatus status);

// One job of the account as it stands when the report is prepared.
struct AccountJobFacts {
  int64_t job_id = 0;
  std::string number, title;
  JobStatus status = JobStatus::kOpen;
  Money budget, actual;  // approved budget; time × rate plus marked-up expenses (JobView)
  std::vector<MilestoneDate> milestones;
  int milestones_done = 0;
  // The job's own newest status report, if any.
  std::optional<std::string> job_report_health;
  std::optional<int> job_report_progress;
};

// One line of an account report: a live job, frozen when the report is sent.
struct AccountReportLine {
  int64_t job_id = 0;
  std::string number, title;
  std::string job_status;           // JobStatusName
  std::string health = "on_track";  // kReportStatuses
  int progress = 0;                 // percent
  Money budget, actual;
  std::vector<MilestoneDate> milestones;
  std::vector<MovedMilestone> moved;  // since the previous account report
};

// The lines of a new report from the account's jobs (in the given order) and the previous account report's
// lines (nullopt: this is the first). Rules:
//   jobs          only the live ones (IsLiveJob)
//   health        the previous report's line for the job, else the job's own newest report, else on_track
//   progress      likewise; failing both, the share of milestones done (done × 100 / total, rounded down),
//                 else 0
//   moved         first report: nothing (nothing was promised before); a job the previous report did not
//                 cover: each milestone is new; otherwise MilestonesMoved against the previous line's
std::vector<AccountReportLine> PlanAccountReport(const std::optional<std::vector<AccountReportLine>>& previous,
                                                 std::span<const AccountJobFacts> jobs);

// actual ÷ budget in percent, one decimal rounded HalfUp (for reading only); nullopt when there is no budget.
std::optional<Decimal> BudgetUsedPercent(const Money& budget, const Money& actual);

// The weekly schedule's cron for a weekday 1 (Monday) … 7 (Sunday): 07:00 UTC that day. Error
// "account_report.weekday_invalid" (422, field "weekday") otherwise.
Result<std::string> WeeklyReportCron(int weekday);

// Whom the report goes to by default: the primary contact with an e-mail, else the first contact with one.
// Error "account_report.no_recipient" (422, field "to") when no contact has an address.
Result<ContactCandidate> ReportContactOf(std::span<const ContactCandidate> contacts);

}  // namespace concord::agency
