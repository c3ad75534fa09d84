// Payroll tickets through their service on every backend: a ticket's whole life on the worker's
// timeline and in the audit trail, the follow-ups due, bad input, and tenancy (another client's user and
// another worker: not found; the worker sees their own).
#include "workforce/comms_records.h"
#include "workforce/comms_test_fixture.h"

namespace concord::workforce {
namespace {

const Date kMonday = Date::Parse("2026-11-23").value();

class PayrollTicketsTest : public CommsTest {
 protected:
  json OpenMissingPay(int worker = 0) {
    return Ok(comms_->payroll.Open(coordinator_, WorkerId(worker),
                                   {{"kind", "missing_pay"},
                                    {"subject", "Overtime missing from last check"},
                                    {"pay_period_start", "2026-11-09"},
                                    {"pay_period_end", "2026-11-15"},
                                    {"amount", "412.5"},
                                    {"research_notes", "Timecard shows 6.5 OT hours approved on 11/16."}},
                                   kMonday, "t"));
  }
  json Step(const json& t, const std::string& action, json body = json::object()) {
    return Ok(comms_->payroll.Act(coordinator_, t["id"].get<int64_t>(), t["version"].get<int64_t>(), action, body,
                                  kMonday, "t"));
  }
};

TEST_P(PayrollTicketsTest, ATicketGoesToPayrollWaitsOnTheWorkerAndIsResolvedEveryStepOnTheTimeline) {
  json t = OpenMissingPay();
  EXPECT_EQ(t["status"], "open");
  EXPECT_EQ(t["amount"], "412.50");
  EXPECT_EQ(t["assignment_id"], assignments_[0]["id"]);  // the worker's assignment, so the client's
  EXPECT_EQ(t["client_id"], client_ids_[0]);
  EXPECT_EQ(t["due_date"], "2026-11-25");  // Monday + 2 business days
  t = Step(t, "send_to_payroll", {{"payroll_reference", "PAY-88213"}, {"note", "Sent with the approved timecard."}});
  EXPECT_EQ(t["status"], "sent_to_payroll");
  EXPECT_EQ(t["payroll_reference"], "PAY-88213");
  EXPECT_TRUE(t["sent_to_payroll_at"].is_string());
  t = Step(t, "await_worker", {{"due_date", "2026-11-27"}, {"note", "Asked Maria for her pay stub."}});
  EXPECT_EQ(t["due_date"], "2026-11-27");

  const auto unexplained = comms_->payroll.Act(coordinator_, t["id"].get<int64_t>(), t["version"].get<int64_t>(),
                                               "resolve", json::object(), kMonday, "t");
  ASSERT_FALSE(unexplained.ok());
  EXPECT_EQ(unexplained.error().fields.at(0).field, "resolution");

  t = Step(t, "resolve", {{"resolution", "Off-cycle check of 412.50 issued 11/24."}});
  EXPECT_EQ(t["status"], "resolved");
  EXPECT_EQ(t["resolved_by"], "Casey Coordinator");

  const int64_t w = WorkerId(0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject LIKE 'Payroll ticket #%'", {w}), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND body LIKE '%Off-cycle check of 412.50%'",
                  {w}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'payroll_ticket' AND entity_id = ?",
                  {std::to_string(t["id"].get<int64_t>())}),
            4);  // create, send_to_payroll, await_worker, resolve
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'payroll_ticket' AND action = 'resolve'"), 1);

  const auto again = comms_->payroll.Act(coordinator_, t["id"].get<int64_t>(), t["version"].get<int64_t>(),
                                         "send_to_payroll", json::object(), kMonday, "t");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "payroll_ticket.transition");
}

TEST_P(PayrollTicketsTest, FollowUpsDueAreCountedForTheCoordinatorUntilResolved) {
  json t = OpenMissingPay();
  json home = Ok(comms_->payroll.Home(coordinator_, kMonday));
  EXPECT_EQ(home["payroll_tickets"]["count"], 1);
  EXPECT_EQ(home["payroll_followups"]["count"], 0);  // due Wednesday
  home = Ok(comms_->payroll.Home(coordinator_, Date::Parse("2026-11-25").value()));
  EXPECT_EQ(home["payroll_followups"]["count"], 1);
  EXPECT_EQ(home["payroll_followups"]["items"][0]["worker_name"], "Maria Garcia");
  t = Step(t, "resolve", {{"resolution", "Paid."}});
  home = Ok(comms_->payroll.Home(coordinator_, Date::Parse("2026-11-25").value()));
  EXPECT_EQ(home["payroll_tickets"]["count"], 0);
  EXPECT_EQ(home["payroll_followups"]["count"], 0);
}

TEST_P(PayrollTicketsTest, BadInputNamesTheField) {
  auto backwards = comms_->payroll.Open(coordinator_, WorkerId(0),
                                        {{"kind", "wrong_rate"}, {"subject", "Rate"}, {"pay_period_start", "2026-11-15"},
                                         {"pay_period_end", "2026-11-09"}},
                                        kMonday, "t");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().fields.at(0).field, "pay_period_end");
  auto bad = comms_->payroll.Open(coordinator_, WorkerId(0), {{"kind", "bonus"}, {"amount", "12,00"}}, kMonday, "t");
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields;
  for (const auto& f : bad.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"kind", "subject", "amount"}));
  auto elsewhere = comms_->payroll.Open(coordinator_, WorkerId(0),
                                        {{"kind", "other"}, {"subject", "x"}, {"assignment_id", assignments_[1]["id"]}},
                                        kMonday, "t");
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().fields.at(0).code, "payroll_ticket.assignment_mismatch");
  const json t = OpenMissingPay();
  auto stale = comms_->payroll.Update(coordinator_, t["id"].get<int64_t>(), t["version"].get<int64_t>() - 1,
                                      {{"research_notes", "late"}}, "t");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "payroll_ticket.stale");
}

TEST_P(PayrollTicketsTest, AnotherClientsUserAndAnotherWorkerGetNotFoundTheWorkerSeesTheirOwn) {
  const json t = OpenMissingPay(0);
  const int64_t id = t["id"].get<int64_t>();
  EXPECT_EQ(service_->Get(client_users_[1], PayrollTicketTable(), id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(worker_users_[1], PayrollTicketTable(), id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(Ok(service_->Get(worker_users_[0], PayrollTicketTable(), id))["subject"], t["subject"]);
  EXPECT_EQ(Ok(service_->Get(client_users_[0], PayrollTicketTable(), id))["id"], id);
  EXPECT_EQ(Ok(service_->List(worker_users_[1], PayrollTicketTable(), {})).total, 0);
  EXPECT_EQ(Ok(service_->List(client_users_[1], PayrollTicketTable(), {})).total, 0);
  EXPECT_EQ(Ok(comms_->payroll.Home(client_users_[1], kMonday))["payroll_tickets"]["count"], 0);
  // Writes in another scope: the ticket or the worker is not found.
  EXPECT_EQ(comms_->payroll.Act(client_users_[1], id, 1, "resolve", {{"resolution", "x"}}, kMonday, "t").error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(comms_->payroll.Update(worker_users_[1], id, 1, {{"research_notes", "x"}}, "t").error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(comms_->payroll.Open(client_users_[1], WorkerId(0), {{"kind", "other"}, {"subject", "x"}}, kMonday, "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, PayrollTicketsTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
