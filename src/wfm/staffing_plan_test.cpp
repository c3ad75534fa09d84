// Staffing plans against ../shared/conformance/wfm/erlang-cases.md: each interval is one of the
// published cases, so the required positions are known without running the code.
#include "wfm/staffing_plan.h"

#include <gtest/gtest.h>

namespace concord::wfm {
namespace {

// #4: 100 contacts / 30 min, AHT 180 s, 80 % in 20 s, occupancy <= 0.85, shrinkage 0.30 → 14 agents,
// 20 positions. #9 (Erlang A, patience 300 s, max abandonment 0.05) → 13 agents, 19 positions.
TEST(StaffingPlan, RequiredScheduledAndGapPerInterval) {
  const std::vector<IntervalDemand> demand{{100, 180}, {0, 0}, {100, 180}};
  const std::vector<int> scheduled{18, 2};  // the third interval has nobody scheduled
  StaffingTargets targets{0.80, 20, 0.85, 0.30, std::nullopt, 1};
  auto plan = PlanStaffing(demand, scheduled, 1800, targets);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->size(), 3u);
  EXPECT_EQ((*plan)[0].required.agents, 14);
  EXPECT_EQ((*plan)[0].required.positions, 20);
  EXPECT_EQ((*plan)[0].gap, 2);  // 20 needed, 18 scheduled: two short
  EXPECT_EQ((*plan)[1].required.positions, 0);
  EXPECT_EQ((*plan)[1].gap, -2);  // nobody needed, two scheduled: two over
  EXPECT_EQ((*plan)[2].scheduled, 0);
  EXPECT_EQ((*plan)[2].gap, 20);

  targets.patience_s = 300;
  targets.max_abandonment = 0.05;
  plan = PlanStaffing(demand, scheduled, 1800, targets);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ((*plan)[0].required.model, StaffingModel::kErlangA);
  EXPECT_EQ((*plan)[0].required.agents, 13);
  EXPECT_EQ((*plan)[0].required.positions, 19);
  EXPECT_EQ((*plan)[0].gap, 1);
}

TEST(StaffingPlan, NamesTheBadTargetOrInterval) {
  const std::vector<IntervalDemand> demand{{10, 180}, {5, 0}};
  StaffingTargets targets{1.5, 20, 0.85, 0.3, std::nullopt, 1};
  EXPECT_EQ(PlanStaffing(demand, {}, 1800, targets).error().code, "wfm.target_sl_invalid");
  targets.target_sl = 0.8;
  auto bad = PlanStaffing(demand, {}, 1800, targets);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "wfm.aht_invalid");
  EXPECT_EQ(bad.error().fields.at(0).field, "interval 1 aht_s");
}

}  // namespace
}  // namespace concord::wfm
