#include "agency/account_report_rules.h"

#include <gtest/gtest.h>

namespace concord::agency {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }
Money Usd(const char* amount) { return Money::Parse(amount, "USD").value(); }

AccountJobFacts Job(int64_t id, JobStatus status, std::vector<MilestoneDate> milestones = {}, int done = 0) {
  AccountJobFacts f;
  f.job_id = id;
  f.number = "ACME-26" + std::to_string(1000 + id);
  f.title = "Job " + std::to_string(id);
  f.status = status;
  f.budget = Usd("1730.00");
  f.actual = Usd("525.00");
  f.milestones = std::move(milestones);
  f.milestones_done = done;
  return f;
}

TEST(AccountReportRules, LiveJobsAreThoseTheClientStillHearsAbout) {
  EXPECT_TRUE(IsLiveJob(JobStatus::kOpen));
  EXPECT_TRUE(IsLiveJob(JobStatus::kInProgress));
  EXPECT_TRUE(IsLiveJob(JobStatus::kOnHold));
  EXPECT_TRUE(IsLiveJob(JobStatus::kCompleted));  // delivered, not yet billed
  EXPECT_FALSE(IsLiveJob(JobStatus::kInvoiced));
  EXPECT_FALSE(IsLiveJob(JobStatus::kClosed));
  EXPECT_FALSE(IsLiveJob(JobStatus::kCancelled));
}

TEST(AccountReportRules, TheFirstReportCoversLiveJobsAndMovesNothing) {
  const std::vector<AccountJobFacts> jobs = {
      Job(1, JobStatus::kInProgress, {{"Concepts", D("2026-03-10")}, {"Print", D("2026-04-01")}, {"Launch", D("2026-04-20")}}, 1),
      Job(2, JobStatus::kCancelled), Job(3, JobStatus::kInvoiced), Job(4, JobStatus::kOnHold)};
  const auto lines = PlanAccountReport(std::nullopt, jobs);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].job_id, 1);
  EXPECT_EQ(lines[0].job_status, "in_progress");
  EXPECT_EQ(lines[0].health, "on_track");
  EXPECT_EQ(lines[0].progress, 33);  // 1 of 3 milestones done: 100 / 3 = 33.3, rounded down
  EXPECT_TRUE(lines[0].moved.empty());
  EXPECT_EQ(lines[0].actual, Usd("525.00"));
  EXPECT_EQ(lines[1].job_id, 4);
  EXPECT_EQ(lines[1].job_status, "on_hold");
  EXPECT_EQ(lines[1].progress, 0);  // no milestones, no job report
}

TEST(AccountReportRules, TheJobsOwnReportFillsHealthAndProgressOfANewJob) {
  AccountJobFacts job = Job(7, JobStatus::kOpen, {{"Draft", D("2026-03-02")}, {"Final", D("2026-03-20")}}, 2);
  job.job_report_health = "at_risk";
  job.job_report_progress = 40;  // said by the job's report, though both milestones are done
  const auto lines = PlanAccountReport(std::nullopt, std::vector<AccountJobFacts>{job});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].health, "at_risk");
  EXPECT_EQ(lines[0].progress, 40);
}

TEST(AccountReportRules, MilestonesMovedSinceTheLastAccountReport) {
  // Last week's report covered job 1 (Print due 1 April, at risk, 50 %). Since then Print moved to 8 April
  // and Launch was added; job 5 is new to the account's report, so both its milestones are new.
  AccountReportLine last;
  last.job_id = 1;
  last.health = "at_risk";
  last.progress = 50;
  last.milestones = {{"Concepts", D("2026-03-10")}, {"Print", D("2026-04-01")}};
  AccountJobFacts job1 = Job(1, JobStatus::kInProgress,
                             {{"Concepts", D("2026-03-10")}, {"Print", D("2026-04-08")}, {"Launch", D("2026-04-20")}}, 1);
  job1.job_report_health = "off_track";  // older than the account report's line, which wins
  job1.job_report_progress = 10;
  const AccountJobFacts job5 = Job(5, JobStatus::kOpen, {{"Brief", D("2026-03-12")}, {"Shoot", D("2026-03-26")}});
  const auto lines =
      PlanAccountReport(std::vector<AccountReportLine>{last}, std::vector<AccountJobFacts>{job1, job5});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].health, "at_risk");
  EXPECT_EQ(lines[0].progress, 50);
  ASSERT_EQ(lines[0].moved.size(), 2u);
  EXPECT_EQ(lines[0].moved[0].name, "Print");
  EXPECT_EQ(lines[0].moved[0].was, D("2026-04-01"));
  EXPECT_EQ(lines[0].moved[0].now, D("2026-04-08"));
  EXPECT_EQ(lines[0].moved[1].name, "Launch");
  EXPECT_FALSE(lines[0].moved[1].was.has_value());
  ASSERT_EQ(lines[1].moved.size(), 2u);
  EXPECT_EQ(lines[1].moved[0].name, "Brief");
  EXPECT_FALSE(lines[1].moved[0].was.has_value());
  EXPECT_EQ(lines[1].moved[1].now, D("2026-03-26"));
}

TEST(AccountReportRules, BudgetUsedIsActualOverBudgetToOneDecimal) {
  // 525.00 / 1730.00 = 0.303468…, so 30.3 %; 1730.00 / 1730.00 = 100.0 %; 2000.00 / 1730.00 = 115.606… → 115.6 %.
  EXPECT_EQ(BudgetUsedPercent(Usd("1730.00"), Usd("525.00"))->ToString(), "30.3");
  EXPECT_EQ(BudgetUsedPercent(Usd("1730.00"), Usd("1730.00"))->ToString(), "100.0");
  EXPECT_EQ(BudgetUsedPercent(Usd("1730.00"), Usd("2000.00"))->ToString(), "115.6");
  EXPECT_FALSE(BudgetUsedPercent(Usd("0"), Usd("10.00")).has_value());
}

TEST(AccountReportRules, WeeklyCronRunsAtSevenUtcOnTheChosenDay) {
  EXPECT_EQ(WeeklyReportCron(1).value(), "0 7 * * 1");  // Monday
  EXPECT_EQ(WeeklyReportCron(7).value(), "0 7 * * 7");  // Sunday
  auto bad = WeeklyReportCron(8);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "weekday");
  EXPECT_FALSE(WeeklyReportCron(0).ok());
}

TEST(AccountReportRules, TheReportGoesToThePrimaryContactWithAnAddress) {
  const std::vector<ContactCandidate> contacts = {{"No Mail", "CEO", "", true},
                                                  {"Ann Marketing", "Marketing", "ann@acme.test", false},
                                                  {"Pat Primary", "Brand", "pat@acme.test", true}};
  EXPECT_EQ(ReportContactOf(contacts).value().email, "pat@acme.test");
  const std::vector<ContactCandidate> no_primary = {contacts[0], contacts[1]};
  EXPECT_EQ(ReportContactOf(no_primary).value().email, "ann@acme.test");
  const std::vector<ContactCandidate> none = {contacts[0]};
  EXPECT_EQ(ReportContactOf(none).error().code, "account_report.no_recipient");
}

}  // namespace
}  // namespace concord::agency
