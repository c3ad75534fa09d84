// The supervisor's board on both store backends: loads weighted by priority, bulk reassignment all or
// nothing, on the timeline and audited.
#include "service/desk_test_fixture.h"

namespace concord::service {
namespace {

using BoardTest = DeskTest;

TEST_P(BoardTest, ShowsWeightedLoadsAndMovesCasesAllOrNothing) {
  const Case a1 = Open("A1", acme_);  // round robin: Ana
  const Case b1 = Open("B1", acme_);  // Ben
  const Case a2 = Open("A2", acme_);  // Ana
  CaseInput urgent;
  urgent.priority = "urgent";
  ASSERT_TRUE(desk_->Update(agent_, a2.id, a2.version, urgent, "t").ok());
  const Board before = desk_->BoardFor(front_queue_).value();
  ASSERT_EQ(before.agents.size(), 2u);
  EXPECT_EQ(before.agents[0].name, "Ana Agent");
  EXPECT_EQ(before.agents[0].load, 7);  // normal 2 + urgent 5
  EXPECT_EQ(before.agents[0].open_cases, 2);
  EXPECT_EQ(before.agents[0].capacity, 10);
  EXPECT_EQ(before.agents[1].load, 2);
  EXPECT_EQ(before.cases.front().id, a2.id);  // urgent first
  EXPECT_EQ(before.open_total, 3);

  // One bad id: nothing moves.
  auto refused = desk_->Reassign(manager_, {a1.id, 99999}, ben_, "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "case_ids.1");
  EXPECT_EQ(desk_->Get(manager_, a1.id).value().assignee_id, ana_);
  // Not a queue member: refused on the field.
  EXPECT_EQ(desk_->Reassign(manager_, {a1.id}, manager_.user_id, "t").error().fields.at(0).field, "assignee_id");

  ASSERT_TRUE(desk_->Reassign(manager_, {a1.id, a2.id}, ben_, "t").ok());
  const Board after = desk_->BoardFor(std::nullopt).value();
  EXPECT_EQ(after.agents[0].load, 0);  // Ana
  EXPECT_EQ(after.agents[1].load, 9);  // Ben: 2 + 2 + 5
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'case' AND action = 'reassign'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries WHERE case_id = ? AND kind = 'assignment' AND body LIKE "
                  "'Reassigned from Ana Agent to Ben Agent%'",
                  {a1.id}),
            1);
  // Back to the queue, unassigned.
  EXPECT_FALSE(desk_->Reassign(manager_, {b1.id}, std::nullopt, "t").value().at(0).assignee_id.has_value());
  EXPECT_EQ(HttpStatus(desk_->BoardFor(99999).error().kind), 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, BoardTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::service
