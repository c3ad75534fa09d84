#include "service/board.h"

#include <gtest/gtest.h>

#include "service/case.h"

namespace concord::service {
namespace {

std::vector<Queue> TwoQueues() {
  Queue payroll;
  payroll.id = 1;
  payroll.name = "Payroll";
  payroll.members = {{10, "Ben", {}, 8}, {11, "Ana", {}, 12}};
  Queue benefits;
  benefits.id = 2;
  benefits.name = "Benefits";
  benefits.members = {{11, "Ana", {}, 6}, {12, "Cy", {}, 0}};
  return {payroll, benefits};
}

TEST(Board, WeighsOpenWorkAsRoutingDoesAgainstCapacity) {
  // Ana holds an urgent (5), a high (3) and two normal (2 each) cases: 12 points, at her 12 in Payroll.
  const int64_t ana_load = PriorityWeight("urgent") + PriorityWeight("high") + 2 * PriorityWeight("normal");
  ASSERT_EQ(ana_load, 12);
  // Ben holds one low case (1) of 8: 12.5 % rounds to 13.
  const auto agents = BoardAgents(TwoQueues(), std::nullopt, {{11, ana_load}, {10, 1}}, {{11, 4}, {10, 1}});
  ASSERT_EQ(agents.size(), 3u);
  EXPECT_EQ(agents[0].name, "Ana");
  EXPECT_EQ(agents[0].capacity, 12);  // the larger of her two memberships
  EXPECT_EQ(agents[0].queues, (std::vector<std::string>{"Payroll", "Benefits"}));
  EXPECT_EQ(agents[0].UtilizationPct(), 100);
  EXPECT_FALSE(agents[0].OverCapacity());
  EXPECT_EQ(agents[1].UtilizationPct(), 13);
  EXPECT_EQ(agents[2].name, "Cy");
  EXPECT_EQ(agents[2].UtilizationPct(), 0);
}

TEST(Board, AQueueShowsItsMembersWithThatQueuesLimit) {
  const auto agents = BoardAgents(TwoQueues(), 2, {{11, 12}, {12, 2}}, {});
  ASSERT_EQ(agents.size(), 2u);
  EXPECT_EQ(agents[0].capacity, 6);  // Ana's Benefits limit, though Payroll allows her 12
  EXPECT_TRUE(agents[0].OverCapacity());
  EXPECT_EQ(agents[0].UtilizationPct(), 200);
  EXPECT_EQ(agents[1].UtilizationPct(), 100);  // no capacity at all but holding work
}

}  // namespace
}  // namespace concord::service
