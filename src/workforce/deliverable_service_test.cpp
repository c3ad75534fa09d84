// SOW deliverables through WorkforceService, on every backend: added to a contractor's engagement, submitted
// by the contractor, rejected with a reason and accepted by the client's user, overdue on the home page;
// another client's user and another worker get "not found".
#include <gtest/gtest.h>

#include "workforce/deliverable_records.h"
#include "workforce/service_fixture.h"

namespace concord::workforce {
namespace {

class DeliverableServiceTest : public WorkforceServiceTest {
 protected:
  json Decide(const auth::Principal& who, const json& d, const std::string& action, const std::string& reason = "") {
    return Ok(service_->DecideDeliverable(who, d["id"].get<int64_t>(), Version(d), action, reason, "t"));
  }
  ErrorKind Refused(const auth::Principal& who, const json& d, const std::string& action) {
    return service_->DecideDeliverable(who, d["id"].get<int64_t>(), Version(d), action, "why", "t").error().kind;
  }
  const Date today_ = Date::Parse("2026-11-22").value();
};

TEST_P(DeliverableServiceTest, TheContractorSubmitsAndTheClientsUserRejectsThenAccepts) {
  const json a = ActiveContractor();  // WO-1003 at Harborview
  const int64_t id = a["id"].get<int64_t>();
  const auth::Principal ada{.user_id = 60, .name = "Ada Okafor", .role = auth::Role::kWorker,
                            .worker_id = a["worker_id"].get<int64_t>()};
  const auth::Principal someone{.user_id = 61, .name = "Wei Chen", .role = auth::Role::kWorker, .worker_id = 424242};
  json d = Ok(service_->CreateDeliverable(
      coordinator_, {{"assignment_id", id}, {"title", "Usability study report"}, {"due_date", "2026-12-04"},
                     {"amount", "2500"}},
      "t"));
  EXPECT_EQ(d["status"], "pending");
  EXPECT_EQ(d["amount"], "2500.00");
  EXPECT_EQ(d["currency"], "USD");
  EXPECT_EQ(service_->Get(other_, DeliverableTable(), d["id"].get<int64_t>()).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(someone, DeliverableTable(), d["id"].get<int64_t>()).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(Refused(someone, d, "submit"), ErrorKind::kNotFound);
  EXPECT_EQ(Refused(client_user_, d, "accept"), ErrorKind::kConflict);  // nothing submitted yet

  d = Decide(ada, d, "submit");
  EXPECT_EQ(d["status"], "submitted");
  EXPECT_EQ(d["submitted_by"], "Ada Okafor");
  EXPECT_EQ(Refused(other_, d, "accept"), ErrorKind::kNotFound);  // another client's user
  const auto no_reason = service_->DecideDeliverable(client_user_, d["id"].get<int64_t>(), Version(d), "reject", "", "t");
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  d = Decide(client_user_, d, "reject", "The report leaves out the checkout flow.");
  EXPECT_EQ(d["status"], "rejected");
  EXPECT_EQ(d["decided_by"], "Dana Reyes");
  d = Decide(ada, d, "submit");
  EXPECT_EQ(d["reject_reason"], nullptr);
  d = Decide(client_user_, d, "accept");
  EXPECT_EQ(d["status"], "accepted");
  EXPECT_EQ(service_->DecideDeliverable(client_user_, d["id"].get<int64_t>(), Version(d) - 1, "reject", "late", "t")
                .error()
                .kind,
            ErrorKind::kPreconditionFailed);

  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'deliverable' AND entity_id = ?",
                  {std::to_string(d["id"].get<int64_t>())}),
            5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE assignment_id = ? AND subject LIKE 'Deliverable %'", {id}), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE subject = ? AND body LIKE ?",
                  {std::string("Deliverable rejected: Usability study report"),
                   std::string("%milestone 2500.00 USD. Reason: The report leaves out the checkout flow.%")}),
            1);
}

TEST_P(DeliverableServiceTest, OverdueOnesAreOnTheHomePageInScopeAndEmployeesHaveNone) {
  const json a = ActiveContractor();
  const int64_t id = a["id"].get<int64_t>();
  Ok(service_->CreateDeliverable(coordinator_, {{"assignment_id", id}, {"title", "Research plan"}, {"due_date", "2026-11-20"}}, "t"));
  Ok(service_->CreateDeliverable(coordinator_, {{"assignment_id", id}, {"title", "Interviews"}, {"due_date", "2026-11-22"}}, "t"));
  const json overdue = Ok(service_->OverdueDeliverables(coordinator_, today_));
  ASSERT_EQ(overdue["count"], 1);  // due today is not overdue yet
  EXPECT_EQ(overdue["items"][0]["title"], "Research plan");
  EXPECT_EQ(Ok(service_->Home(coordinator_, today_))["deliverables_overdue"]["count"], 1);
  EXPECT_EQ(Ok(service_->Home(client_user_, today_))["deliverables_overdue"]["count"], 1);
  EXPECT_EQ(Ok(service_->Home(other_, today_))["deliverables_overdue"]["count"], 0);

  EXPECT_EQ(service_->CreateDeliverable(other_, {{"assignment_id", id}, {"title", "X"}, {"due_date", "2026-12-01"}}, "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
  const json employee = ActiveAssignment();  // WO-1001, W-2
  const auto refused = service_->CreateDeliverable(
      coordinator_, {{"assignment_id", employee["id"]}, {"title", "X"}, {"due_date", "2026-12-01"}}, "t");
  EXPECT_EQ(refused.error().code, "deliverable.not_contractor");
  const auto bad = service_->CreateDeliverable(
      coordinator_, {{"assignment_id", id}, {"title", "X"}, {"due_date", "12/01/2026"}, {"amount", "lots"}}, "t");
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliverableServiceTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
