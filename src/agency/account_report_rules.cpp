#include "agency/account_report_rules.h"

#include <map>

#include "agency/agency_error.h"

namespace concord::agency {

bool IsLiveJob(JobStatus status) {
  return status == JobStatus::kOpen || status == JobStatus::kInProgress || status == JobStatus::kOnHold ||
         status == JobStatus::kCompleted;
}

std::vector<AccountReportLine> PlanAccountReport(const std::optional<std::vector<AccountReportLine>>& previous,
                                                 std::span<const AccountJobFacts> jobs) {
  std::map<int64_t, const AccountReportLine*> before;
  if (previous) {
    for (const auto& line : *previous) before.emplace(line.job_id, &line);
  }
  std::vector<AccountReportLine> out;
  for (const auto& job : jobs) {
    if (!IsLiveJob(job.status)) continue;
    AccountReportLine line;
    line.job_id = job.job_id;
    line.number = job.number;
    line.title = job.title;
    line.job_status = JobStatusName(job.status);
    line.budget = job.budget;
    line.actual = job.actual;
    line.milestones = job.milestones;
    const auto it = before.find(job.job_id);
    const AccountReportLine* last = it == before.end() ? nullptr : it->second;
    if (last) {
      line.health = last->health;
      line.progress = last->progress;
    } else {
      line.health = job.job_report_health.value_or("on_track");
      if (job.job_report_progress) {
        line.progress = *job.job_report_progress;
      } else if (!job.milestones.empty()) {
        line.progress = job.milestones_done * 100 / static_cast<int>(job.milestones.size());
      }
    }
    if (previous) {
      line.moved = MilestonesMoved(last ? last->milestones : std::vector<MilestoneDate>{}, job.milestones);
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::optional<Decimal> BudgetUsedPercent(const Money& budget, const Money& actual) {
  if (budget.amount().Sign() == 0) return std::nullopt;
  auto share = Decimal::Divide(actual.amount() * Decimal::FromInt(100), budget.amount(), 1, Rounding::kHalfUp);
  if (!share.ok()) return std::nullopt;
  return *share;
}

Result<std::string> WeeklyReportCron(int weekday) {
  if (weekday < 1 || weekday > 7) {
    return InvalidAt("account_report.weekday_invalid", "weekday", "A weekday from 1 (Monday) to 7 (Sunday).");
  }
  return "0 7 * * " + std::to_string(weekday);  // cron's day 7 is Sunday, like 0
}

Result<ContactCandidate> ReportContactOf(std::span<const ContactCandidate> contacts) {
  for (const auto& c : contacts) {
    if (c.is_primary && !c.email.empty()) return c;
  }
  for (const auto& c : contacts) {
    if (!c.email.empty()) return c;
  }
  return InvalidAt("account_report.no_recipient", "to", "No contact of the client has an e-mail address.");
}

}  // namespace concord::agency
