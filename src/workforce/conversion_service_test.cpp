// A contractor converted to a W-2 employee through WorkforceService, on every backend: the assignment and
// the worker change type (history kept), the employee checklist gates the new period's timecards, the
// escalation is closed with the reason, the worker is told, the VMS update is pending.
#include <gtest/gtest.h>

#include "workforce/service_fixture.h"

namespace concord::workforce {
namespace {

class ConversionServiceTest : public WorkforceServiceTest {
 protected:
  // WO-1003: Ada Okafor, a 1099 contractor in CA, 2026-11-16 … 2027-02-26; California's ABC test scores her
  // high risk (prong B fails, Lab. Code §2775(b)(1)(B)); an approver signs it and she starts.
  json ActiveContractor() {
    json a = Event(RequestedAssignment("WO-1003"), {{"event", "start_onboarding"}});
    const json determination = HighRisk(a["id"].get<int64_t>());
    Ok(service_->ApproveDetermination(approver_, determination["id"].get<int64_t>(), Version(determination),
                                      "Reviewed", "t"));
    a = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
    for (const char* item : {"w9", "contract_or_sow"}) {
      a = Ok(service_->SetChecklistItem(coordinator_, a["id"].get<int64_t>(), Version(a), "checklist", item, "done",
                                        "", "t"));
    }
    a = Event(a, {{"event", "complete_onboarding"}});
    return Event(a, {{"event", "activate"}, {"first_day_details", "Badge at the front desk."}});
  }
  json HighRisk(int64_t id) {
    return Ok(service_->Classify(
        coordinator_, id, {{"answers", {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_c", true}}}}, "t"));
  }
  Result<json> Convert(const auth::Principal& who, const json& a, json body) {
    return service_->ConvertToEmployee(who, a["id"].get<int64_t>(), Version(a), body, "t");
  }
  auth::Principal approver_{.user_id = 7, .name = "Morgan Manager", .role = auth::Role::kManager};
  const json hours_ = {{"regular", {"8", "8", "8", "8", "8", "0", "0"}}};
};

TEST_P(ConversionServiceTest, AHighRiskContractorContinuesAsAnEmployeeFromTheEffectiveDate) {
  json a = ActiveContractor();
  const int64_t id = a["id"].get<int64_t>();
  const int64_t worker_id = a["worker_id"].get<int64_t>();
  // A new manager reopens the classification (its task), and the new determination waits for an approver.
  a = Event(a, {{"event", "revise"}, {"effective_date", "2026-11-23"}, {"manager_name", "Lee Park"}});
  ASSERT_TRUE(a["classification_recheck"].is_object());
  const int64_t task_id = a["classification_recheck"]["task_id"].get<int64_t>();
  const json pending = HighRisk(id);
  ASSERT_EQ(pending["status"], "pending_approval");
  // The week of 2026-11-16 is billed as a contractor's.
  json tc = Ok(service_->SaveTimecard(coordinator_, id, "2026-11-16", hours_, "t"));
  Ok(service_->DecideTimecard(coordinator_, tc["id"].get<int64_t>(), Version(tc), "submit", "", "t"));
  a = Ok(service_->Get(coordinator_, AssignmentTable(), id));

  const json body = {{"effective_date", "2026-11-25"}, {"reason", "high_risk_determination"}};
  EXPECT_EQ(Convert(other_, a, body).error().kind, ErrorKind::kNotFound);  // another client's user
  EXPECT_EQ(service_->ConvertToEmployee(coordinator_, id, Version(a) - 1, body, "t").error().kind,
            ErrorKind::kPreconditionFailed);
  const auto locked = Convert(coordinator_, a, {{"effective_date", "2026-11-22"}, {"reason", "high_risk_determination"}});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, "conversion.time_locked");

  a = Ok(Convert(coordinator_, a, body));
  EXPECT_EQ(a["worker_type"], "w2_employee");
  EXPECT_EQ(a["status"], "active");
  EXPECT_EQ(a["conversion"]["effective_date"], "2026-11-25");
  EXPECT_EQ(a["conversion"]["from_type"], "contractor_1099");
  EXPECT_EQ(a["conversion"]["risk"], "high");
  EXPECT_EQ(a["conversion"]["determination_id"], pending["id"]);
  EXPECT_TRUE(a["vms_update_pending"].get<bool>());
  EXPECT_TRUE(a["classification_recheck"].is_null());
  // The employee checklist for CA from Wednesday 2026-11-25: Section 2 after Thanksgiving (Fri 27, Mon 30, Tue 1).
  std::vector<std::string> ids;
  for (const auto& item : a["checklist"]["items"]) ids.push_back(item["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"i9_section1", "i9_section2", "w4", "state_withholding"}));
  EXPECT_EQ(a["checklist"]["items"][1]["due"], "2026-12-01");

  const auto revisions = Ok(service_->Revisions(coordinator_, id));
  EXPECT_EQ(revisions.back()["action"], "convert");
  EXPECT_EQ(revisions.back()["effective_date"], "2026-11-25");
  const json worker = Ok(service_->Get(coordinator_, WorkerTable(), worker_id));
  EXPECT_EQ(worker["worker_type"], "w2_employee");
  ASSERT_EQ(worker["type_history"].size(), 2u);
  EXPECT_EQ(worker["type_history"][0]["worker_type"], "contractor_1099");
  EXPECT_EQ(worker["type_history"][0]["effective_from"], "2026-11-16");
  EXPECT_EQ(worker["type_history"][1]["effective_from"], "2026-11-25");
  EXPECT_EQ(Ok(service_->Get(coordinator_, DeterminationTable(), pending["id"].get<int64_t>()))["status"], "superseded");
  const json task = Ok(service_->Get(coordinator_, TaskTable(), task_id));
  EXPECT_EQ(task["status"], "done");
  EXPECT_NE(task["detail"].get<std::string>().find("converted to a W-2 employee from 2026-11-25 (high_risk_determination)"),
            std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = ? AND body LIKE ?",
                  {worker_id, std::string("Your assignment: from contractor to employee"), std::string("%From 2026-11-25%")}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE purpose = 'worker_message' AND subject = ?",
                  {std::string("Your assignment: from contractor to employee")}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'convert' AND entity IN ('assignment', 'worker')"),
            2);

  // The new period waits for the employee checklist; documents open it.
  const auto gated = service_->SaveTimecard(coordinator_, id, "2026-11-23", hours_, "t");
  ASSERT_FALSE(gated.ok());
  EXPECT_EQ(gated.error().code, "conversion.onboarding_incomplete");
  EXPECT_EQ(gated.error().fields.size(), 3u);
  for (const char* item : {"i9_section1", "w4", "state_withholding"}) {
    Ok(service_->AddDocument(coordinator_, id, item, std::string(item) + ".pdf", "application/pdf", "%PDF-1.4", "t"));
  }
  EXPECT_EQ(Ok(service_->SaveTimecard(coordinator_, id, "2026-11-23", hours_, "t"))["status"], "draft");
  a = Ok(service_->Get(coordinator_, AssignmentTable(), id));
  EXPECT_EQ(Convert(coordinator_, a, body).error().code, "conversion.already_employee");
}

TEST_P(ConversionServiceTest, OnlyAReadyOrActiveAssignmentConvertsAndADecisionSaysWhy) {
  const json a = RequestedAssignment("WO-1003");
  const json decision = {{"effective_date", "2026-11-16"}, {"reason", "coordinator_decision"}, {"note", "Client directs the work"}};
  const auto requested = Convert(coordinator_, a, decision);
  ASSERT_FALSE(requested.ok());
  EXPECT_EQ(requested.error().code, "conversion.not_active");
  EXPECT_NE(requested.error().message.find("requested"), std::string::npos);
  const auto bad_reason = Convert(coordinator_, a, {{"effective_date", "2026-11-16"}, {"reason", "whim"}});
  EXPECT_EQ(bad_reason.error().fields.at(0).field, "reason");
  const auto no_date = Convert(coordinator_, a, {{"reason", "coordinator_decision"}});
  EXPECT_EQ(no_date.error().fields.at(0).field, "effective_date");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'convert' AND entity = 'assignment'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConversionServiceTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
