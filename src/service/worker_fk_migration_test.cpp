// Migration 0502 on both backends: cases.requester_worker_id gains its foreign key to wf_workers, and
// existing rows that named no worker are set aside (case_orphaned_worker_refs) rather than lost.
#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "clients/client_store.h"
#include "reconciliation/work_store.h"
#include "service/case_store.h"
#include "store/testing.h"
#include "workforce/service.h"

namespace concord::service {
namespace {

class WorkerFkMigration : public ::testing::TestWithParam<std::string> {
 protected:
  static std::vector<store::Migration> All() {
    std::vector<store::Migration> out;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), clients::Migrations(),
                      reconciliation::Migrations(), workforce::Migrations(), Migrations()})
      out.insert(out.end(), list.begin(), list.end());
    return out;
  }
  Status Exec(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = TRY(fresh_->db->Acquire());
    TRY(conn->Execute(sql, params));
    return {};
  }
  int64_t Int(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = fresh_->db->Acquire().value();
    return conn->QueryOne(sql, params).value().Int(0);
  }
  Status InsertCase(int64_t id, std::optional<int64_t> worker) {
    return Exec(
        "INSERT INTO cases (id, subject, requester_kind, requester_worker_id, category, priority, status, level, "
        "channel, survey_token, created_at, updated_at) VALUES (?, 'Pay question', 'worker', ?, 'payroll', 'normal', "
        "'new', 'l1', 'portal', 't', '2026-03-02T14:00:00Z', '2026-03-02T14:00:00Z')",
        {id, store::Opt(worker)});
  }
  std::unique_ptr<store::testing::FreshDatabase> fresh_ = store::testing::MakeFreshDatabase(GetParam());
};

TEST_P(WorkerFkMigration, KeepsGoodReferencesSetsAsideDanglingOnesAndEnforcesFromThenOn) {
  auto before = All();
  std::erase_if(before, [](const store::Migration& m) { return m.id == "0502_service_worker_fk"; });
  ASSERT_TRUE(store::Migrate(*fresh_->db, before).ok());
  ASSERT_TRUE(Exec("INSERT INTO wf_workers (id, first_name, last_name, worker_type, created_at, updated_at) VALUES "
                   "(7, 'Ana', 'Ruiz', 'w2', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
                  .ok());
  // Before the migration nothing stops a case from naming a worker that does not exist.
  ASSERT_TRUE(InsertCase(1, 7).ok());
  ASSERT_TRUE(InsertCase(2, 99999).ok());
  ASSERT_TRUE(InsertCase(3, std::nullopt).ok());

  auto applied = store::Migrate(*fresh_->db, All());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied.value(), std::vector<std::string>{"0502_service_worker_fk"});
  EXPECT_EQ(Int("SELECT requester_worker_id FROM cases WHERE id = 1"), 7);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM cases WHERE id = 2 AND requester_worker_id IS NULL"), 1);
  EXPECT_EQ(Int("SELECT worker_id FROM case_orphaned_worker_refs WHERE case_id = 2"), 99999);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM case_orphaned_worker_refs"), 1);

  // From now on the database refuses a dangling worker, and a worker a case names cannot be deleted.
  EXPECT_FALSE(InsertCase(4, 88888).ok());
  EXPECT_TRUE(InsertCase(5, 7).ok());
  EXPECT_FALSE(Exec("UPDATE cases SET requester_worker_id = 88888 WHERE id = 3").ok());
  EXPECT_FALSE(Exec("DELETE FROM wf_workers WHERE id = 7").ok());
  // A fresh connection sees the same schema (SQLite reloads it; PostgreSQL has the constraint).
  EXPECT_FALSE(InsertCase(6, 77777).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkerFkMigration, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::service
