// The job status machine and job alerts. The transition matrix below is the decision written in job.h,
// spelled out pair by pair; the alert figures are worked by hand in the comments.
#include "agency/job.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;
using testing_util::Dec;
using testing_util::USD;
using S = JobStatus;

constexpr S kAll[] = {S::kOpen, S::kInProgress, S::kOnHold, S::kCompleted, S::kInvoiced, S::kClosed, S::kCancelled};

TEST(JobStatus, EveryPairOfTheMatrix) {
  const std::set<std::pair<S, S>> allowed = {
      {S::kOpen, S::kInProgress},      {S::kOpen, S::kOnHold},          {S::kOpen, S::kCancelled},
      {S::kInProgress, S::kOnHold},    {S::kInProgress, S::kCompleted}, {S::kInProgress, S::kCancelled},
      {S::kOnHold, S::kInProgress},    {S::kOnHold, S::kCancelled},     {S::kCompleted, S::kInvoiced},
      {S::kCompleted, S::kInProgress}, {S::kInvoiced, S::kClosed},
  };
  for (S from : kAll) {
    for (S to : kAll) {
      SCOPED_TRACE(std::string(JobStatusName(from)) + " -> " + JobStatusName(to));
      const Status st = Transition(from, to);
      EXPECT_EQ(st.ok(), allowed.contains({from, to}));
      if (st.ok()) continue;
      const char* expected = from == to      ? "job.status_unchanged"
                             : IsFinal(from) ? "job.status_final"
                                             : "job.invalid_transition";
      EXPECT_EQ(st.error().code, expected);
      EXPECT_EQ(st.error().kind, ErrorKind::kConflict);
      EXPECT_EQ(st.error().fields.at(0).field, "status");
    }
  }
  EXPECT_EQ(JobTransitions().size(), allowed.size());
}

TEST(JobStatus, CancelOnlyBeforeCompletion) {
  EXPECT_TRUE(Transition(S::kOnHold, S::kCancelled).ok());
  EXPECT_EQ(Transition(S::kCompleted, S::kCancelled).error().code, "job.invalid_transition");
  EXPECT_EQ(Transition(S::kInvoiced, S::kCancelled).error().code, "job.invalid_transition");
  // The message tells the user where the job may go instead.
  EXPECT_NE(Transition(S::kCompleted, S::kCancelled).error().message.find("invoiced, in_progress"), std::string::npos);
}

TEST(JobStatus, NamesRoundTrip) {
  for (S s : kAll) EXPECT_EQ(ParseJobStatus(JobStatusName(s)).value(), s);
  EXPECT_EQ(ParseJobStatus("in progress").error().code, "job.unknown_status");
}

TEST(JobStatus, TimeOnlyOnOpenOrInProgressJobs) {
  const std::set<S> accepts = {S::kOpen, S::kInProgress};
  for (S s : kAll) {
    SCOPED_TRACE(JobStatusName(s));
    EXPECT_EQ(AcceptsTime(s), accepts.contains(s));
    const Status st = CheckAcceptsTime(s);
    EXPECT_EQ(st.ok(), accepts.contains(s));
    if (!st.ok()) {
      EXPECT_EQ(st.error().code, "job.time_not_allowed");
    }
  }
}

JobSnapshot Job() {
  JobSnapshot j;
  j.job_number = "ACME-260001";
  j.status = S::kInProgress;
  j.actual = USD("0");
  return j;
}

std::vector<AlertKind> Kinds(const std::vector<JobAlert>& alerts) {
  std::vector<AlertKind> out;
  for (const JobAlert& a : alerts) out.push_back(a.kind);
  return out;
}

struct DueCase {
  S status;
  const char* due;
  std::vector<AlertKind> kinds;
  int days;
};

TEST(JobAlerts, DueSoonAndOverdue) {
  // Today is Tuesday 2026-03-10; "due soon" within 3 calendar days.
  const DueCase cases[] = {
      {S::kInProgress, "2026-03-14", {}, 0},                      // 4 days away
      {S::kInProgress, "2026-03-13", {AlertKind::kDueSoon}, 3},   // exactly 3 days away
      {S::kOpen, "2026-03-10", {AlertKind::kDueSoon}, 0},         // due today
      {S::kOnHold, "2026-03-09", {AlertKind::kOverdue}, 1},       // yesterday
      {S::kInProgress, "2026-02-28", {AlertKind::kOverdue}, 10},  // Feb 28 -> Mar 10 = 10 days (2026 is not leap)
      {S::kCompleted, "2026-03-01", {}, 0},                       // finished work is not late
      {S::kCancelled, "2026-03-11", {}, 0},
  };
  for (const DueCase& c : cases) {
    SCOPED_TRACE(c.due);
    JobSnapshot j = Job();
    j.billable = false;
    j.status = c.status;
    j.due_date = D(c.due);
    const auto alerts = JobAlerts(j, D("2026-03-10"));
    EXPECT_EQ(Kinds(alerts), c.kinds);
    if (!alerts.empty()) {
      EXPECT_EQ(alerts[0].days, c.days);
    }
  }
}

struct BudgetCase {
  const char* budget;
  const char* actual;
  S status;
  int threshold;        // 0 = no alert
  const char* percent;  // shown share, one decimal HalfUp
};

TEST(JobAlerts, OverBudgetThresholds) {
  const BudgetCase cases[] = {
      {"10000.00", "7499.99", S::kInProgress, 0, ""},
      {"10000.00", "7500.00", S::kInProgress, 75, "75.0"},
      {"10000.00", "8999.99", S::kInProgress, 75, "90.0"},  // 89.9999 % shows as 90.0 but has not reached 90
      {"10000.00", "9000.00", S::kInProgress, 90, "90.0"},
      {"10000.00", "9999.99", S::kOnHold, 90, "100.0"},
      {"10000.00", "10000.00", S::kCompleted, 100, "100.0"},
      {"10000.00", "12345.67", S::kOpen, 100, "123.5"},   // 123.4567 %
      {"1234.56", "925.92", S::kInProgress, 75, "75.0"},  // 1234.56 × 0.75 = 925.92 exactly
      {"1234.56", "925.91", S::kInProgress, 0, ""},
      {"0.00", "0.01", S::kInProgress, 100, "100.0"},  // any spend on a zero budget
      {"0.00", "0.00", S::kInProgress, 0, ""},
      {"10000.00", "12000.00", S::kInvoiced, 0, ""},  // billed: the budget is history
      {"10000.00", "12000.00", S::kCancelled, 0, ""},
  };
  for (const BudgetCase& c : cases) {
    SCOPED_TRACE(std::string(c.budget) + " / " + c.actual);
    JobSnapshot j = Job();
    j.status = c.status;
    j.approved_budget = USD(c.budget);
    j.actual = USD(c.actual);
    const auto alerts = JobAlerts(j, D("2026-03-10"));
    if (c.threshold == 0) {
      EXPECT_TRUE(alerts.empty());
      continue;
    }
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].code, "job.over_budget");
    EXPECT_EQ(alerts[0].threshold_percent, c.threshold);
    EXPECT_EQ(alerts[0].percent_used.ToString(), c.percent);
  }
}

TEST(JobAlerts, ConfigurableThresholds) {
  JobSnapshot j = Job();
  j.approved_budget = USD("200.00");
  j.actual = USD("101.00");  // 50.5 %
  AlertPolicy policy;
  policy.budget_thresholds_percent = {50, 80};
  const auto alerts = JobAlerts(j, D("2026-03-10"), policy);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].threshold_percent, 50);
  EXPECT_EQ(alerts[0].percent_used, Dec("50.5"));
}

TEST(JobAlerts, AwaitingApprovalAndMissingEstimate) {
  JobSnapshot j = Job();
  j.estimate_sent_on = D("2026-03-02");
  j.billable_minutes = 90;
  const auto alerts = JobAlerts(j, D("2026-03-10"));
  ASSERT_EQ(Kinds(alerts), (std::vector{AlertKind::kAwaitingClientApproval, AlertKind::kBillableWithoutEstimate}));
  EXPECT_EQ(alerts[0].days, 8);  // Mar 2 -> Mar 10
  EXPECT_EQ(alerts[1].code, "job.billable_time_without_estimate");

  j.billable_minutes = 0;  // no time yet: no alert, but the LOE report still lists the job
  j.estimate_sent_on.reset();
  EXPECT_TRUE(JobAlerts(j, D("2026-03-10")).empty());
  EXPECT_TRUE(LacksApprovedEstimate(j));

  j.approved_budget = USD("500.00");
  EXPECT_FALSE(LacksApprovedEstimate(j));
  j.approved_budget.reset();
  j.billable = false;  // internal job: no LOE needed
  EXPECT_FALSE(LacksApprovedEstimate(j));
  j.billable = true;
  j.status = S::kCancelled;
  EXPECT_FALSE(LacksApprovedEstimate(j));
}

TEST(JobAlerts, SeveralAtOnceInKindOrder) {
  JobSnapshot j = Job();
  j.due_date = D("2026-03-12");
  j.approved_budget = USD("1000.00");
  j.actual = USD("950.00");
  j.estimate_sent_on = D("2026-03-09");  // a change order awaiting approval
  j.billable_minutes = 600;
  const auto alerts = JobAlerts(j, D("2026-03-10"));
  EXPECT_EQ(Kinds(alerts),
            (std::vector{AlertKind::kDueSoon, AlertKind::kOverBudget, AlertKind::kAwaitingClientApproval}));
  EXPECT_EQ(alerts[1].threshold_percent, 90);
}

}  // namespace
}  // namespace concord::agency
