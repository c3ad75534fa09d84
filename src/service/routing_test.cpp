#include "service/routing.h"

#include <gtest/gtest.h>

#include "service/case.h"
#include "service/desk_config.h"

namespace concord::service {
namespace {

std::vector<RoutingCandidate> Team() {
  return {{1, {"lang:en"}, 10, 6}, {2, {"lang:en", "lang:es"}, 10, 2}, {3, {}, 4, 3}};
}

TEST(Routing, RoundRobinTakesTheNextMemberWithRoom) {
  RoutingRequest r;
  r.strategy = "round_robin";
  EXPECT_EQ(ChooseAssignee(Team(), r), 1);  // nobody before: the first
  r.last_assigned = 1;
  EXPECT_EQ(ChooseAssignee(Team(), r), 2);
  r.last_assigned = 2;
  // Member 3 holds 3 of 4: a normal case (weight 2) would make 5 > 4, so the turn passes to member 1.
  EXPECT_EQ(ChooseAssignee(Team(), r), 1);
  r.weight = 1;  // a low-priority case fits exactly (3 + 1 = 4)
  EXPECT_EQ(ChooseAssignee(Team(), r), 3);
}

TEST(Routing, LeastLoadedByWeightedOpenWork) {
  RoutingRequest r;
  r.strategy = "least_loaded";
  EXPECT_EQ(ChooseAssignee(Team(), r), 2);  // loads 6, 2, 3
  auto team = Team();
  team[1].load = 9;  // 9 + 2 > 10: no room
  EXPECT_EQ(ChooseAssignee(team, r), 1);  // member 3: 3 + 2 = 5 > 4, no room either; member 1: 6 + 2 <= 10
}

TEST(Routing, SkillsPreferExactMatchesAndExcludeOtherSpecialists) {
  RoutingRequest r;
  r.strategy = "skills";
  r.required_skills = {"lang:es"};
  // Member 1 speaks only English: excluded. Member 2 speaks Spanish (exact). Member 3 is a generalist.
  EXPECT_EQ(ChooseAssignee(Team(), r), 2);
  auto team = Team();
  team[1].load = 10;  // the Spanish speaker is full: the generalist takes it, if there is room
  r.weight = 1;
  EXPECT_EQ(ChooseAssignee(team, r), 3);
  team[2].load = 4;
  EXPECT_EQ(ChooseAssignee(team, r), std::nullopt);  // waits in the queue
}

TEST(Routing, EveryoneFullWaitsInTheQueue) {
  RoutingRequest r;
  r.weight = PriorityWeight("urgent");
  std::vector<RoutingCandidate> full = {{1, {}, 5, 1}, {2, {}, 5, 4}};
  EXPECT_EQ(ChooseAssignee(full, r), std::nullopt);  // 1 + 5 = 6 > 5 and 4 + 5 = 9 > 5
  r.weight = PriorityWeight("low");
  EXPECT_EQ(ChooseAssignee(full, r), 1);  // 1 + 1 <= 5
}

TEST(Routing, RequiredSkillsOfACase) {
  EXPECT_EQ(RequiredSkills("es", "benefits", 12),
            (std::vector<std::string>{"lang:es", "product:benefits", "client:12"}));
  EXPECT_EQ(RequiredSkills("en", "", std::nullopt), (std::vector<std::string>{"lang:en"}));
}

TEST(QueueSelection, MostSpecificQueueWins) {
  std::vector<Queue> queues(4);
  queues[0].id = 1;  // general: takes anything
  queues[1].id = 2;
  queues[1].category = "benefits";
  queues[2].id = 3;
  queues[2].client_id = 7;
  queues[3].id = 4;
  queues[3].inbound_address = "payroll@concord.invalid";
  EXPECT_EQ(SelectQueue(queues, {std::nullopt, "billing", "en", ""}), 1);
  EXPECT_EQ(SelectQueue(queues, {std::nullopt, "benefits", "en", ""}), 2);
  EXPECT_EQ(SelectQueue(queues, {7, "benefits", "en", ""}), 3);  // the client's own queue beats the category
  EXPECT_EQ(SelectQueue(queues, {7, "benefits", "en", "payroll@concord.invalid"}), 4);
  EXPECT_EQ(SelectQueue({queues[1]}, {std::nullopt, "billing", "en", ""}), std::nullopt);
}

}  // namespace
}  // namespace concord::service
