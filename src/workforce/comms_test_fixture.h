// A small workforce for the communication tests, on every backend: two clients, each with a programme,
// a worker (with an e-mail) and an assignment; a coordinator, each client's user and each worker's user.
#pragma once

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "clients/service.h"
#include "jobs/jobs.h"
#include "mail/outbox.h"
#include "reconciliation/service.h"
#include "store/testing.h"
#include "workforce/comms.h"
#include "workforce/service.h"

namespace concord::workforce {

class CommsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), mail::Migrations(),
                      clients::Migrations(), reconciliation::Migrations(), Migrations(), CommsMigrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    coordinator_ = {.user_id = 1, .name = "Casey Coordinator", .role = auth::Role::kCoordinator};
    service_ = std::make_unique<WorkforceService>(db(), key_);
    comms_ = std::make_unique<Comms>(db());
    clients::ClientService clients(db(), key_);
    const char* names[] = {"Harborview Logistics", "Pinecrest Analytics"};
    const char* people[][3] = {{"Maria", "Garcia", "maria.garcia@example.test"},
                               {"Wei", "Chen", "wei.chen@example.test"}};
    for (int i = 0; i < 2; ++i) {
      clients::ClientInput in;
      in.legal_name = names[i];
      const int64_t client = clients.Create(coordinator_, in, "t").value().id;
      const json programme = Ok(service_->CreateProgramme(
          coordinator_, {{"client_id", client}, {"name", std::string(names[i]) + " programme"}, {"vms", "fieldglass"}},
          "t"));
      const json worker = Ok(service_->CreateWorker(
          coordinator_, {{"first_name", people[i][0]}, {"last_name", people[i][1]}, {"email", people[i][2]},
                         {"worker_type", "w2_employee"}, {"home_state", "CA"}},
          "t"));
      const json assignment = Ok(service_->CreateAssignment(
          coordinator_, {{"worker_id", worker["id"]}, {"programme_id", programme["id"]}, {"title", "Payroll Analyst"},
                         {"start_date", "2026-11-02"}, {"pay_rate", "45.00"}, {"bill_rate", "61.20"},
                         {"work_state", "CA"}},
          "t"));
      client_ids_.push_back(client);
      workers_.push_back(worker);
      assignments_.push_back(assignment);
      client_users_.push_back({.user_id = 90 + i, .name = std::string("Client user ") + names[i],
                               .role = auth::Role::kClientUser, .client_ids = {client}});
      worker_users_.push_back({.user_id = 80 + i, .name = people[i][0], .role = auth::Role::kWorker,
                               .worker_id = worker["id"].get<int64_t>()});
    }
  }
  store::Database& db() { return *fresh_->db; }
  template <class T>
  T Ok(Result<T> result) {
    EXPECT_TRUE(result.ok()) << result.error().code << ": " << result.error().message;
    return std::move(result).value();
  }
  int64_t Count(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne(sql, params).value().Int(0);
  }
  int64_t WorkerId(int i) const { return workers_[i]["id"].get<int64_t>(); }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  crypto::FieldKey key_ = crypto::FieldKey::Generate();
  std::unique_ptr<WorkforceService> service_;
  std::unique_ptr<Comms> comms_;
  auth::Principal coordinator_;
  std::vector<int64_t> client_ids_;
  std::vector<json> workers_, assignments_;
  std::vector<auth::Principal> client_users_, worker_users_;
};

}  // namespace concord::workforce
