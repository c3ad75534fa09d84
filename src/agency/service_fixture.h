// The agency services' test fixture (both backends): a fresh database with two agency clients (Acme, Beta),
// an admin, a lead, a coordinator, a client user of Acme, the design rate and a controllable clock. Shared
// by service_test.cpp and the account side's tests.
#pragma once

#include "agency/meetings.h"
#include "agency/service.h"

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "clients/service.h"
#include "crypto/crypto.h"
#include "store/testing.h"

namespace concord::agency {

inline Instant At(const char* text) { return Instant::Parse(text).value(); }
inline Date D(const char* text) { return Date::Parse(text).value(); }
inline Money Usd(const char* amount) { return Money::Parse(amount, "USD").value(); }

class AgencyServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), clients::Migrations(), Migrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    clients_ = std::make_unique<clients::ClientService>(db(), key_);
    service_ = std::make_unique<AgencyService>(db(), Clock{[this] { return now_; }});
    meetings_ = std::make_unique<MeetingService>(db(), *service_);
    auth::Accounts accounts(db());
    auto add = [&](const char* email, const char* name, auth::Role role, std::vector<int64_t> clients = {}) {
      return accounts.AddUser({email, name, role, "correct horse battery", std::move(clients), std::nullopt},
                              audit::Actor::System("t"))
          .value()
          .id;
    };
    const int64_t admin_id = add("admin@a.test", "Ada Admin", auth::Role::kAdmin);
    admin_ = {.user_id = admin_id, .name = "Ada Admin", .role = auth::Role::kAdmin};
    lead_id_ = add("lead@a.test", "Lee Lead", auth::Role::kManager);
    const int64_t coordinator_id = add("ac@a.test", "Cory Coordinator", auth::Role::kCoordinator);
    coordinator_ = {.user_id = coordinator_id, .name = "Cory Coordinator", .role = auth::Role::kCoordinator};
    acme_ = MakeClient("Acme Foods", "ACME");
    beta_ = MakeClient("Beta Motors", "BETA");
    const int64_t client_user_id = add("buyer@acme.test", "Bea Buyer", auth::Role::kClientUser, {acme_});
    acme_user_ = {.user_id = client_user_id, .name = "Bea Buyer", .role = auth::Role::kClientUser,
                  .client_ids = {acme_}};
    RateInput design{std::nullopt, "design", D("2026-01-01"), Usd("150.00")};
    ASSERT_TRUE(service_->AddRate(admin_, design, "t").ok());
  }

  store::Database& db() { return *fresh_->db; }

  int64_t MakeClient(const std::string& name, const std::string& code) {
    clients::ClientInput in;
    in.legal_name = name;
    const int64_t id = clients_->Create(admin_, in, "t").value().id;
    AccountInput account;
    account.client_code = code;
    account.industry = "Retail Trade";
    account.team = std::vector<TeamSeat>{{lead_id_, "lead", coordinator_.user_id, "", ""},
                                         {coordinator_.user_id, "coordinator", lead_id_, "", ""}};
    auto saved = service_->SaveAccount(admin_, id, std::nullopt, account, "t");
    EXPECT_TRUE(saved.ok()) << saved.error().message;
    return id;
  }

  JobView Open(int64_t client, const char* title = "Spring catalogue") {
    JobInput in;
    in.client_id = client;
    in.title = title;
    in.due_date = std::optional<Date>(D("2026-04-30"));
    auto job = service_->OpenJob(coordinator_, in, "t");
    EXPECT_TRUE(job.ok()) << job.error().message;
    return job.value();
  }

  // 10 h of design at the card's 150.00 (1500.00) + printing 200.00 marked up 15 % (230.00) = 1730.00.
  EstimateRecord Draft(int64_t job_id, const char* hours = "10") {
    EstimateInput in;
    in.lines = std::vector<EstimateLine>{
        {LineKind::kLabor, "design", "Layouts", Decimal::Parse(hours).value(), Usd("0"), Usd("0"), Decimal()},
        {LineKind::kExpense, "printing", "Proofs", Decimal(), Usd("0"), Usd("200.00"), Decimal::FromInt(15)}};
    in.terms = "Net 30";
    in.close_probability_percent = Decimal::FromInt(60);
    in.expected_close = std::optional<Date>(D("2026-03-20"));
    auto e = service_->CreateEstimate(coordinator_, job_id, in, "t");
    EXPECT_TRUE(e.ok()) << e.error().message;
    return e.value();
  }

  EstimateRecord SendAndApprove(const EstimateRecord& draft) {
    auto sent = service_->SendEstimate(coordinator_, draft.id, draft.version, "t");
    EXPECT_TRUE(sent.ok()) << sent.error().message;
    auto approved = service_->ApproveEstimate(acme_user_, sent->id, sent->version, {}, "t");
    EXPECT_TRUE(approved.ok()) << approved.error().message;
    return approved.value();
  }

  TimeRecord Enter(int64_t job_id, const char* work_date, int64_t minutes, const char* entered_at) {
    now_ = At(entered_at);
    TimeInput in;
    in.job_id = job_id;
    in.service = "design";
    in.work_date = D(work_date);
    in.minutes = minutes;
    auto t = service_->EnterTime(coordinator_, in, "t");
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.value();
  }

  int64_t AuditCount(const std::string& entity) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne("SELECT COUNT(*) FROM audit_events WHERE entity = ?", {entity}).value().Int(0);
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  crypto::FieldKey key_ = crypto::FieldKey::Generate();
  std::unique_ptr<clients::ClientService> clients_;
  std::unique_ptr<AgencyService> service_;
  std::unique_ptr<MeetingService> meetings_;
  Instant now_ = At("2026-03-05T15:00:00Z");  // Thursday 5 March 2026, 10:00 in New York
  auth::Principal admin_, coordinator_, acme_user_;
  int64_t lead_id_ = 0, acme_ = 0, beta_ = 0;
};

}  // namespace concord::agency
