// The deliverable's status changes and when it is overdue.
#include "workforce/deliverable.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

TEST(DeliverableTest, SubmittedThenAcceptedOrRejectedWithAReasonAndSubmittedAgain) {
  EXPECT_EQ(NextDeliverableStatus("pending", "submit", "").value(), "submitted");
  EXPECT_EQ(NextDeliverableStatus("submitted", "accept", "").value(), "accepted");
  EXPECT_EQ(NextDeliverableStatus("submitted", "reject", "Wireframes miss the checkout flow").value(), "rejected");
  EXPECT_EQ(NextDeliverableStatus("rejected", "submit", "").value(), "submitted");
  const auto no_reason = NextDeliverableStatus("submitted", "reject", "  ");
  EXPECT_EQ(no_reason.error().code, "deliverable.reason_required");
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
}

TEST(DeliverableTest, WhatTheTableDoesNotAllowIsAConflict) {
  for (auto [status, action] : std::vector<std::pair<const char*, const char*>>{
           {"pending", "accept"}, {"pending", "reject"}, {"accepted", "submit"}, {"accepted", "reject"},
           {"rejected", "accept"}, {"submitted", "submit"}}) {
    const auto next = NextDeliverableStatus(status, action, "why");
    ASSERT_FALSE(next.ok()) << status << " " << action;
    EXPECT_EQ(next.error().kind, ErrorKind::kConflict);
  }
  EXPECT_EQ(NextDeliverableStatus("accepted", "submit", "").error().message, "The accepted deliverable cannot be submitted.");
  EXPECT_EQ(NextDeliverableStatus("pending", "approve", "").error().code, "deliverable.bad_action");
}

TEST(DeliverableTest, OverdueWhenNotDeliveredByTheDueDate) {
  EXPECT_FALSE(DeliverableOverdue("pending", D("2026-11-22"), D("2026-11-22")));  // due today: not yet
  EXPECT_TRUE(DeliverableOverdue("pending", D("2026-11-21"), D("2026-11-22")));
  EXPECT_TRUE(DeliverableOverdue("rejected", D("2026-11-20"), D("2026-11-22")));
  EXPECT_FALSE(DeliverableOverdue("submitted", D("2026-11-20"), D("2026-11-22")));  // with the client
  EXPECT_FALSE(DeliverableOverdue("accepted", D("2026-11-20"), D("2026-11-22")));
}

TEST(DeliverableTest, OnlyAContractorsEngagementHasDeliverables) {
  EXPECT_TRUE(DeliverablesAllowed(WorkerType::kContractor1099).ok());
  EXPECT_TRUE(DeliverablesAllowed(WorkerType::kForeignContractor).ok());
  EXPECT_EQ(DeliverablesAllowed(WorkerType::kW2Employee).error().code, "deliverable.not_contractor");
}

}  // namespace
}  // namespace concord::workforce
