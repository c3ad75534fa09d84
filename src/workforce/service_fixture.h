// The fixture of the workforce service tests (service_test.cpp, conversion_service_test.cpp, …): a fresh
// database of each backend with every migration, a coordinator, two clients (Harborview, Pinecrest) and
// their users, a Fieldglass programme, and helpers that take an assignment to "requested" or "active".
#pragma once

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "clients/service.h"
#include "jobs/jobs.h"
#include "mail/outbox.h"
#include "reconciliation/service.h"
#include "store/testing.h"
#include "workforce/service.h"

namespace concord::workforce {

// A Fieldglass "Active Worker Download"-shaped export (reference notes §3.1). WO-1002 lacks its
// manager, which the assignment needs.
inline const std::string kExport =
    "Work Order ID,First Name,Last Name,Worker Email,Job Posting Title,Work Order Owner,Site State,Start Date,"
    "End Date,Pay Rate,Bill Rate,Worker Type,Status\n"
    "WO-1001,Maria,Garcia,maria.garcia@example.test,Payroll Analyst,Dana Reyes,CA,11/02/2026,03/31/2027,$45.00,"
    "$61.20,W2,Active\n"
    "WO-1002,Wei,Chen,wei.chen@example.test,Data Engineer,,TX,11/09/2026,,$70.00,$95.00,W2,Active\n"
    "WO-1003,Ada,Okafor,ada.okafor@example.test,UX Researcher,Dana Reyes,CA,11/16/2026,02/26/2027,$80.00,$104.00,"
    "1099,Active\n";

class WorkforceServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), mail::Migrations(), clients::Migrations(),
                      reconciliation::Migrations(), Migrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    auth::Accounts accounts(db());
    auto casey = accounts.AddUser({"casey@example.test", "Casey Coordinator", auth::Role::kCoordinator,
                                   "correct horse battery staple"},
                                  audit::Actor::System("test"));
    ASSERT_TRUE(casey.ok());
    coordinator_ = {.user_id = casey->id, .name = casey->name, .role = auth::Role::kCoordinator};
    clients::ClientService clients(db(), key_);
    for (const char* name : {"Harborview Logistics", "Pinecrest Analytics"}) {
      clients::ClientInput in;
      in.legal_name = name;
      client_ids_.push_back(clients.Create(coordinator_, in, "t").value().id);
    }
    reconciliation_ = std::make_unique<reconciliation::ReconciliationService>(db());
    reconciliation_->RegisterJobs(registry_);
    mail::RegisterDelivery(registry_, db(), mail::DeliveryConfig{});  // no relay: messages are held
    service_ = std::make_unique<WorkforceService>(db(), key_);
    service_->UseReconciliation(reconciliation_.get());
    programme_ = Ok(service_->CreateProgramme(coordinator_,
                                              {{"client_id", client_ids_[0]},
                                               {"name", "Harborview contingent workforce"},
                                               {"msp", "Allegis MSP"},
                                               {"vms", "fieldglass"},
                                               {"required_psr_fields", {"manager_name", "end_date"}}},
                                              "t"));
    other_ = {.user_id = 99, .name = "Pat Pinecrest", .role = auth::Role::kClientUser,
              .client_ids = {client_ids_[1]}};
    client_user_ = {.user_id = 98, .name = "Dana Reyes", .role = auth::Role::kClientUser,
                    .client_ids = {client_ids_[0]}};
  }
  store::Database& db() { return *fresh_->db; }
  template <class T>
  T Ok(Result<T> result) {
    EXPECT_TRUE(result.ok()) << result.error().code << ": " << result.error().message;
    return std::move(result).value();
  }
  int64_t Version(const json& record) { return record["version"].get<int64_t>(); }
  // Runs every due job (mail deliveries queued by messages come before later jobs).
  void RunJobs() {
    while (jobs::RunOne(db(), registry_, "w").value_or(false)) {
    }
  }
  int64_t Count(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne(sql, params).value().Int(0);
  }
  json Event(const json& assignment, json body) {
    return Ok(service_->ApplyEvent(coordinator_, assignment["id"].get<int64_t>(), Version(assignment), body, "t"));
  }
  // Imports kExport and converts a work order (WO-1001: a W-2 employee working in CA) into a requested
  // assignment.
  json RequestedAssignment(const std::string& work_order = "WO-1001") {
    Ok(service_->ImportPsrs(coordinator_, programme_["id"].get<int64_t>(), kExport, "fieldglass.csv", false, "t"));
    ListRequest q;
    q.equals = {{"vms_work_order_id", work_order}};
    const json psr = Ok(service_->List(coordinator_, PsrTable(), q)).items.at(0);
    return Ok(service_->ConvertPsr(coordinator_, psr["id"].get<int64_t>(), Version(psr), "t"));
  }
  json ActiveAssignment() {
    json a = Event(RequestedAssignment(), {{"event", "start_onboarding"}});
    for (const char* item : {"i9_section1", "w4", "state_withholding"}) {
      Ok(service_->AddDocument(coordinator_, a["id"].get<int64_t>(), item, std::string(item) + ".pdf",
                               "application/pdf", "%PDF-1.4 signed " + std::string(item), "t"));
    }
    a = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
    a = Event(a, {{"event", "complete_onboarding"}});
    return Event(a, {{"event", "activate"}, {"first_day_details", "Report to reception at 9:00."}});
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  crypto::FieldKey key_ = crypto::FieldKey::Generate();
  jobs::Registry registry_;
  std::unique_ptr<reconciliation::ReconciliationService> reconciliation_;
  std::unique_ptr<WorkforceService> service_;
  auth::Principal coordinator_, client_user_, other_;
  std::vector<int64_t> client_ids_;
  json programme_;
};

}  // namespace concord::workforce
