// The service desk on both store backends. Times are hand-computed on the calendar: New York,
// Monday–Friday 09:00–17:00, in March 2026 before DST (EST, UTC−5), so 09:00 local is 14:00Z.
#pragma once

#include "service/desk.h"

#include <gtest/gtest.h>

#include "mail/outbox.h"
#include "service/sla_test_util.h"
#include "service/desk_test_migrations.h"
#include "store/testing.h"

namespace concord::service {

using testing_util::H;
using testing_util::T;

class DeskTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    ASSERT_TRUE(store::Migrate(db(), testing::DeskTestMigrations()).ok());
    desk_ = std::make_unique<ServiceDesk>(db(), [this] { return now_; });
    manager_ = {.user_id = User("maria@x.test", "Maria Manager", "manager"), .name = "Maria Manager",
                .role = auth::Role::kManager};
    ana_ = User("ana@x.test", "Ana Agent", "coordinator");
    ben_ = User("ben@x.test", "Ben Agent", "coordinator");
    lee_ = User("lee@x.test", "Lee Lead", "coordinator");
    acme_ = Client("Acme Staffing");
    globex_ = Client("Globex");
    agent_ = {.user_id = ana_, .name = "Ana Agent", .role = auth::Role::kCoordinator};

    CalendarRecord cal;
    cal.name = "New York office";
    cal.calendar = BusinessCalendar::Weekdays("America/New_York", {H("09:00-17:00")});
    calendar_id_ = desk_->SaveCalendar(manager_, std::nullopt, std::nullopt, cal, "t").value().id;
    Queue l2;
    l2.name = "L2 account executives";
    l2.strategy = "least_loaded";
    l2.category = "compliance";  // not a catch-all: only escalations and compliance land here
    l2.members = {{lee_, "", {}, 10}};
    l2_queue_ = desk_->SaveQueue(manager_, std::nullopt, std::nullopt, l2, "t").value().id;
    Queue front;
    front.name = "Employer support";
    front.strategy = "round_robin";
    front.inbound_address = "Support@Concord.Test";
    front.members = {{ana_, "", {}, 10}, {ben_, "", {}, 10}};
    front_queue_ = desk_->SaveQueue(manager_, std::nullopt, std::nullopt, front, "t").value().id;
    PolicyRecord p;
    p.name = "Standard";
    p.calendar_id = calendar_id_;
    p.first_response_min = 60;
    p.resolution_min = 480;
    p.due_soon_min = 30;
    p.escalations = {{"resolution", 120, "raise_level", std::to_string(l2_queue_)}};
    policy_id_ = desk_->SavePolicy(manager_, std::nullopt, std::nullopt, p, "t").value().id;
  }

  store::Database& db() { return *fresh_->db; }

  int64_t User(const std::string& email, const std::string& name, const std::string& role) {
    auto conn = db().Acquire();
    return (*conn)
        ->Query("INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'x', "
                "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                {email, name, role})
        .value()
        .at(0)
        .Int(0);
  }
  int64_t Worker(const std::string& first, const std::string& last) {
    auto conn = db().Acquire();
    return (*conn)
        ->Query("INSERT INTO wf_workers (first_name, last_name, worker_type, created_at, updated_at) VALUES (?, ?, "
                "'w2', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                {first, last})
        .value()
        .at(0)
        .Int(0);
  }
  int64_t Client(const std::string& name) {
    auto conn = db().Acquire();
    return (*conn)
        ->Query("INSERT INTO clients (legal_name, status, created_at, updated_at) VALUES (?, 'active', "
                "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                {name})
        .value()
        .at(0)
        .Int(0);
  }
  int64_t Count(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne(sql, params).value().Int(0);
  }
  Case Open(const std::string& subject, std::optional<int64_t> client, const auth::Principal* who = nullptr) {
    CaseInput in;
    in.subject = subject;
    in.description = "Please help with " + subject;
    in.requester_name = "Pat Requester";
    in.requester_email = "pat@acme.test";
    in.client_id = client;
    in.category = "payroll";
    in.channel = "email";
    auto c = desk_->Create(who ? *who : agent_, in, "t");
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.value();
  }
  Entry Add(const Case& c, const std::string& kind, const std::string& body,
            std::optional<std::string> status = std::nullopt, const auth::Principal* who = nullptr) {
    EntryInput in;
    in.kind = kind;
    in.body = body;
    in.set_status = status;
    auto e = desk_->AddEntry(who ? *who : agent_, c.id, in, "t");
    EXPECT_TRUE(e.ok()) << e.error().message;
    return e.value();
  }

  Instant now_ = T("2026-03-02T14:00:00Z");  // Monday 09:00 in New York
  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  std::unique_ptr<ServiceDesk> desk_;
  auth::Principal manager_, agent_;
  int64_t ana_ = 0, ben_ = 0, lee_ = 0, acme_ = 0, globex_ = 0;
  int64_t calendar_id_ = 0, l2_queue_ = 0, front_queue_ = 0, policy_id_ = 0;
};

}  // namespace concord::service
