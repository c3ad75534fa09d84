// SLA policy values: targets, validation and choosing a policy for a case.
#include "service/sla_policy.h"

#include <gtest/gtest.h>

#include "service/sla_test_util.h"

namespace concord::service {
namespace {

using namespace testing_util;
using std::chrono::minutes;

SlaPolicy Valid() {
  SlaPolicy p;
  p.id = "standard";
  p.calendar = BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")});
  p.first_response = minutes(60);
  return p;
}

TEST(SlaPolicy, NonPositiveTargetsHaveNoClock) {
  SlaPolicy p = Valid();
  p.next_response = minutes(0);
  p.resolution = minutes(-5);
  EXPECT_EQ(p.Target(SlaMetric::kFirstResponse), minutes(60));
  EXPECT_EQ(p.Target(SlaMetric::kNextResponse), std::nullopt);
  EXPECT_EQ(p.Target(SlaMetric::kResolution), std::nullopt);
}

TEST(SlaPolicy, PausesInConfiguredStatusesAndWhenSolved) {
  const SlaPolicy p = Valid();
  EXPECT_TRUE(p.Pauses(CaseStatus::kPendingRequester));
  EXPECT_TRUE(p.Pauses(CaseStatus::kSolved));
  EXPECT_TRUE(p.Pauses(CaseStatus::kClosed));
  EXPECT_FALSE(p.Pauses(CaseStatus::kOpen));
  EXPECT_FALSE(p.Pauses(CaseStatus::kNew));
}

TEST(SlaPolicy, Validation) {
  EXPECT_TRUE(Valid().Validate().ok());
  SlaPolicy p = Valid();
  p.id.clear();
  EXPECT_EQ(p.Validate().error().code, "sla.policy_id_required");
  p = Valid();
  p.due_soon_before = minutes(-1);
  EXPECT_EQ(p.Validate().error().code, "sla.due_soon_invalid");
  p = Valid();
  p.pause_statuses.insert(CaseStatus::kOpen);
  EXPECT_EQ(p.Validate().error().code, "sla.pause_status_invalid");
  p = Valid();
  p.calendar.weekly_hours = {};
  EXPECT_EQ(p.Validate().error().code, "calendar.no_business_hours");
}

TEST(SlaPolicy, StatusNamesRoundTrip) {
  for (CaseStatus s : {CaseStatus::kNew, CaseStatus::kOpen, CaseStatus::kPendingRequester,
                       CaseStatus::kPendingThirdParty, CaseStatus::kOnHold, CaseStatus::kSolved,
                       CaseStatus::kClosed}) {
    EXPECT_EQ(ParseCaseStatus(CaseStatusName(s)).value(), s);
  }
  EXPECT_EQ(ParseCaseStatus("pending").error().code, "case.unknown_status");
}

TEST(SlaSelection, MostSpecificRuleWins) {
  const std::vector<SlaAssignmentRule> rules{
      {std::nullopt, std::nullopt, std::nullopt, "default"},
      {std::nullopt, std::nullopt, "urgent", "urgent"},
      {std::nullopt, "payroll", "urgent", "payroll-urgent"},
      {"acme", std::nullopt, std::nullopt, "acme-contract"},
      {"acme", std::nullopt, "urgent", "acme-urgent"},
  };
  struct Row {
    CaseSlaKey key;
    const char* expected;
  };
  const Row rows[] = {
      {{"globex", "billing", "normal"}, "default"},
      {{"globex", "billing", "urgent"}, "urgent"},
      {{"globex", "payroll", "urgent"}, "payroll-urgent"},
      {{"acme", "payroll", "urgent"}, "acme-urgent"},     // the client's contract outranks category
      {{"acme", "payroll", "normal"}, "acme-contract"},
  };
  for (const Row& row : rows) EXPECT_EQ(SelectSlaPolicy(rules, row.key), row.expected) << row.expected;
  EXPECT_EQ(SelectSlaPolicy({}, {"acme", "payroll", "urgent"}), std::nullopt);
}

}  // namespace
}  // namespace concord::service
