#include "reconciliation/service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "auth/accounts.h"
#include "clients/service.h"
#include "crypto/crypto.h"
#include "jobs/schedules.h"
#include "reconciliation/test_data.h"
#include "store/testing.h"

namespace concord::reconciliation {
namespace {

namespace data = testdata;

class ReconciliationServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list :
         {audit::Migrations(), auth::Migrations(), jobs::Migrations(), clients::Migrations(), Migrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    service_ = std::make_unique<ReconciliationService>(db());
    service_->RegisterJobs(registry_);
    auth::Accounts accounts(db());
    const auto system = audit::Actor::System("test");
    auto casey = accounts.AddUser(
        {"casey@example.test", "Casey Coordinator", auth::Role::kCoordinator, "correct horse battery staple"}, system);
    ASSERT_TRUE(casey.ok()) << casey.error().message;
    coordinator_ = {.user_id = casey->id, .name = casey->name, .role = auth::Role::kCoordinator};
    clients::ClientService clients(db(), key_);
    for (const char* name : {"Harborview Logistics", "Pinecrest Analytics"}) {
      clients::ClientInput in;
      in.legal_name = name;
      client_ids_.push_back(clients.Create(coordinator_, in, "t").value().id);
    }
  }
  store::Database& db() { return *fresh_->db; }

  SpecRecord MakeSpec(std::optional<int64_t> client_id) {
    auto spec = service_->CreateSpec(coordinator_, {"weekly VMS audit", data::kSpec, client_id}, "t");
    EXPECT_TRUE(spec.ok()) << spec.error().message;
    return spec.value();
  }
  int64_t Upload(const std::string& text, const std::string& name) {
    return service_->Upload(coordinator_, name, text, std::nullopt, "t").value().id;
  }
  // Starts a run on the two texts and works its job to the end.
  reconciliation::Run RunSpec(const SpecRecord& spec, const std::string& left, const std::string& right) {
    auto run =
        service_->StartRun(coordinator_, spec.id, Upload(left, "vms.csv"), Upload(right, "assignments.csv"), "t");
    EXPECT_TRUE(run.ok()) << run.error().message;
    EXPECT_TRUE(jobs::RunOne(db(), registry_, "w").value());
    return service_->GetRun(coordinator_, run->id).value();
  }
  std::vector<Item> Items(ItemQuery query = {}) {
    query.limit = 500;
    return service_->ListItems(coordinator_, query).value().items;
  }
  static const Item* Find(const std::vector<Item>& items, const std::string& kind, const std::string& key) {
    for (const auto& item : items) {
      if (item.kind == kind && item.key == key) return &item;
    }
    return nullptr;
  }
  int64_t AuditCount(const std::string& action) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne("SELECT COUNT(*) FROM audit_events WHERE action = ?", {action}).value().Int(0);
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  crypto::FieldKey key_ = crypto::FieldKey::Generate();
  std::unique_ptr<ReconciliationService> service_;
  jobs::Registry registry_;
  auth::Principal coordinator_;
  std::vector<int64_t> client_ids_;
};

// The VMS side saved as .xlsx by another program (tests/fixtures/xlsx/vms-audit.xlsx: date cells, numeric
// rates) gives the worked example's classes: 2 matched, 2 mismatched, 1 only in the VMS, 1 duplicate.
TEST_P(ReconciliationServiceTest, AnXlsxSideIsReadAsItsFirstSheet) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/xlsx/vms-audit.xlsx", std::ios::binary);
  const std::string workbook(std::istreambuf_iterator<char>(in), {});
  const auto upload = service_->Upload(coordinator_, "vms.xlsx", workbook, std::nullopt, "t");
  ASSERT_TRUE(upload.ok()) << upload.error().message;
  EXPECT_EQ(upload->sha256, crypto::Sha256Hex(workbook));
  const SpecRecord spec = MakeSpec(client_ids_[0]);
  auto started = service_->StartRun(coordinator_, spec.id, upload->id, Upload(data::kAssignments, "a.csv"), "t");
  ASSERT_TRUE(started.ok()) << started.error().message;
  ASSERT_TRUE(jobs::RunOne(db(), registry_, "w").value());
  const reconciliation::Run run = service_->GetRun(coordinator_, started->id).value();
  ASSERT_EQ(run.state, "succeeded") << run.error;
  EXPECT_EQ(run.summary["left_rows"], 5);
  EXPECT_EQ(run.summary["matched"], 2);
  EXPECT_EQ(run.summary["mismatched"], 2);
  EXPECT_EQ(run.summary["only_left"], 1);
  EXPECT_EQ(run.summary["duplicate_keys"], 1);

  const auto broken = service_->Upload(coordinator_, "vms.xlsx", workbook.substr(0, 600), std::nullopt, "t");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("vms.xlsx"), std::string::npos) << broken.error().message;
}

TEST_P(ReconciliationServiceTest, ARunClassifiesTheWorkedExampleAndOpensItsItems) {
  const SpecRecord spec = MakeSpec(client_ids_[0]);
  const reconciliation::Run run = RunSpec(spec, data::kVms, data::kAssignments);
  ASSERT_EQ(run.state, "succeeded") << run.error;
  EXPECT_EQ(run.summary["left_rows"], 5);
  EXPECT_EQ(run.summary["right_rows"], 6);
  EXPECT_EQ(run.summary["matched"], 2);     // W-1001, W-1003
  EXPECT_EQ(run.summary["mismatched"], 2);  // W-1002 start date, W-1004 bill rate
  EXPECT_EQ(run.summary["only_left"], 1);   // W-1006
  EXPECT_EQ(run.summary["only_right"], 0);
  EXPECT_EQ(run.summary["duplicate_keys"], 1);  // W-1005, two assignment rows
  EXPECT_EQ(run.summary["duplicate_right_rows"], 2);
  EXPECT_EQ(run.summary["items_opened"], 4);
  EXPECT_EQ(run.left.sha256, crypto::Sha256Hex(data::kVms));
  EXPECT_EQ(run.right.sha256, crypto::Sha256Hex(data::kAssignments));
  EXPECT_EQ(run.client_id, client_ids_[0]);
  EXPECT_FALSE(run.finished_at.empty());

  const auto items = Items();
  ASSERT_EQ(items.size(), 4u);
  const Item* date = Find(items, "mismatched", "W-1002");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->details["diffs"][0]["right_column"], "start_date");
  ASSERT_NE(Find(items, "mismatched", "W-1004"), nullptr);
  ASSERT_NE(Find(items, "only_left", "W-1006"), nullptr);
  const Item* dup = Find(items, "duplicate", "W-1005");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->details["rows"].size(), 2u);
  for (const auto& item : items) {
    EXPECT_EQ(item.status, "open");
    EXPECT_EQ(item.run_id, run.id);
    EXPECT_EQ(item.first_run_id, run.id);
  }
  auto conn = db().Acquire();
  auto job = jobs::Get(**conn, *run.job_id).value();
  EXPECT_EQ(job.state, "succeeded");
  EXPECT_EQ(job.done, job.total);
  EXPECT_EQ(job.result["run_id"], run.id);
}

TEST_P(ReconciliationServiceTest, ARerunClosesWhatNoLongerDiffersAndKeepsTheRest) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  const reconciliation::Run first = RunSpec(spec, data::kVms, data::kAssignments);
  const auto before = Items();
  const Item* known = Find(before, "only_left", "W-1006");
  ASSERT_TRUE(service_->Accept(coordinator_, known->id, known->version, "W-1006 is billed outside the VMS", "t").ok());

  const reconciliation::Run second = RunSpec(spec, data::kVms, data::kAssignmentsFixed);
  ASSERT_EQ(second.state, "succeeded") << second.error;
  EXPECT_EQ(second.summary["mismatched"], 1);
  EXPECT_EQ(second.summary["items_opened"], 0);
  EXPECT_EQ(second.summary["items_linked"], 3);
  EXPECT_EQ(second.summary["items_closed"], 1);

  const auto after = Items();
  ASSERT_EQ(after.size(), 4u) << "no second item for a difference that is still there";
  const Item* fixed = Find(after, "mismatched", "W-1004");
  EXPECT_EQ(fixed->status, "resolved");
  EXPECT_EQ(fixed->resolution_note, "no longer differs in run " + std::to_string(second.id));
  EXPECT_EQ(fixed->run_id, first.id);
  for (const char* key : {"W-1002", "W-1005", "W-1006"}) {
    const Item* kept = nullptr;
    for (const auto& item : after) {
      if (item.key == key) kept = &item;
    }
    ASSERT_NE(kept, nullptr) << key;
    EXPECT_EQ(kept->run_id, second.id) << key;
    EXPECT_EQ(kept->first_run_id, first.id) << key;
    EXPECT_NE(kept->status, "resolved") << key;
  }
  const Item* accepted = Find(after, "only_left", "W-1006");
  EXPECT_EQ(accepted->status, "accepted");
  const Item date = service_->GetItem(coordinator_, Find(after, "mismatched", "W-1002")->id).value();
  EXPECT_EQ(date.run_ids, (std::vector<int64_t>{first.id, second.id}));
  auto reopened = service_->Reopen(coordinator_, accepted->id, accepted->version, "t");
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ(reopened->status, "open");
  EXPECT_EQ(reopened->resolution_note, "");
  EXPECT_EQ(HttpStatus(service_->Reopen(coordinator_, accepted->id, reopened->version, "t").error().kind), 409);
  EXPECT_EQ(AuditCount("auto_resolve"), 1);

  // History: each run still lists what it reported.
  ItemQuery in_first;
  in_first.run_id = first.id;
  EXPECT_EQ(Items(in_first).size(), 4u);
  ItemQuery in_second;
  in_second.run_id = second.id;
  EXPECT_EQ(Items(in_second).size(), 3u);
  ItemQuery open;
  open.status = "open";
  EXPECT_EQ(Items(open).size(), 3u);  // W-1002, W-1005, and W-1006 reopened above
}

TEST_P(ReconciliationServiceTest, ResolveNeedsANoteAndACorrection) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  RunSpec(spec, data::kVms, data::kAssignments);
  const Item item = *Find(Items(), "mismatched", "W-1004");
  auto bare = service_->Resolve(coordinator_, item.id, item.version, "", "", "t");
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(HttpStatus(bare.error().kind), 422);
  EXPECT_EQ(bare.error().fields.at(0).field, "note");
  auto resolved = service_->Resolve(coordinator_, item.id, item.version, "Rate keyed wrong in IES",
                                    "IES assignment W-1004: bill rate 36.00 -> 38.00", "req-7");
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  EXPECT_EQ(resolved->status, "resolved");
  EXPECT_EQ(resolved->resolved_by, coordinator_.user_id);
  EXPECT_EQ(resolved->version, item.version + 1);
  auto conn = db().Acquire();
  auto events =
      audit::List(**conn, {.entity = "recon_item", .entity_id = std::to_string(item.id), .limit = 10}).value();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "resolve");
  EXPECT_EQ(events[0].before["status"], "open");
  EXPECT_EQ(events[0].after["correction"], "IES assignment W-1004: bill rate 36.00 -> 38.00");
  // A resolved item is closed; a recurrence opens a new one.
  EXPECT_EQ(HttpStatus(service_->Accept(coordinator_, item.id, resolved->version, "x", "t").error().kind), 409);
  RunSpec(spec, data::kVms, data::kAssignments);
  ItemQuery mine;
  mine.q = "w-1004";
  auto both = Items(mine);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].status, "open");
}

TEST_P(ReconciliationServiceTest, AStaleVersionIsRefused) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  RunSpec(spec, data::kVms, data::kAssignments);
  const Item item = *Find(Items(), "mismatched", "W-1002");
  ASSERT_TRUE(service_->Assign(coordinator_, item.id, item.version, coordinator_.user_id, "t").ok());
  auto stale = service_->Resolve(coordinator_, item.id, item.version, "note", "fixed", "t");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(HttpStatus(stale.error().kind), 412);
  EXPECT_EQ(service_->GetItem(coordinator_, item.id)->status, "open");
  EXPECT_EQ(service_->GetItem(coordinator_, item.id)->assignee_name, "Casey Coordinator");
  auto nobody = service_->Assign(coordinator_, item.id, item.version + 1, 999, "t");
  EXPECT_EQ(HttpStatus(nobody.error().kind), 422);
  ItemQuery assigned;
  assigned.assignee_id = coordinator_.user_id;
  EXPECT_EQ(Items(assigned).size(), 1u);
}

TEST_P(ReconciliationServiceTest, AClientUserSeesOnlyTheirClientsRuns) {
  const reconciliation::Run mine = RunSpec(MakeSpec(client_ids_[0]), data::kVms, data::kAssignments);
  const reconciliation::Run theirs = RunSpec(MakeSpec(client_ids_[1]), data::kVms, data::kAssignments);
  const reconciliation::Run internal = RunSpec(MakeSpec(std::nullopt), data::kVms, data::kAssignments);
  auth::Principal client_user{.user_id = 99, .role = auth::Role::kClientUser, .client_ids = {client_ids_[0]}};
  EXPECT_TRUE(service_->GetRun(client_user, mine.id).ok());
  EXPECT_EQ(HttpStatus(service_->GetRun(client_user, theirs.id).error().kind), 404);
  EXPECT_EQ(HttpStatus(service_->GetRun(client_user, internal.id).error().kind), 404);
  EXPECT_EQ(HttpStatus(service_->GetSpec(client_user, theirs.spec_id).error().kind), 404);
  auto runs = service_->ListRuns(client_user, {}).value();
  ASSERT_EQ(runs.total, 1);
  EXPECT_EQ(runs.items[0].id, mine.id);
  auto items = service_->ListItems(client_user, {}).value();
  EXPECT_EQ(items.total, 4);
  for (const auto& item : items.items) EXPECT_EQ(item.client_id, client_ids_[0]);
  ItemQuery other;
  other.run_id = theirs.id;
  const int64_t their_item = Items(other).front().id;
  EXPECT_EQ(HttpStatus(service_->GetItem(client_user, their_item).error().kind), 404);
  EXPECT_EQ(service_->ExportTable(client_user.ClientScope(), {}).value().rows.size(), 4u);
  EXPECT_EQ(HttpStatus(service_->StartRun(client_user, theirs.spec_id, 1, 2, "t").error().kind), 404);
}

TEST_P(ReconciliationServiceTest, ABadSpecIsRefusedWithTheKeyNamed) {
  auto bad = service_->CreateSpec(coordinator_,
                                  {"x",
                                   "[left]\nkey = [\"id\"]\n[right]\n[[columns]]\nleft = \"a\"\n"
                                   "tolerance = 0.01\n",
                                   std::nullopt},
                                  "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(HttpStatus(bad.error().kind), 422);
  EXPECT_EQ(bad.error().fields.at(0).field, "toml/columns[0].tolerance");
  EXPECT_EQ(service_->ListSpecs(coordinator_, {}).value().total, 0);
}

TEST_P(ReconciliationServiceTest, OnlyTheUploaderMayUseAFile) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  const int64_t left = Upload(data::kVms, "vms.csv");
  const int64_t right = Upload(data::kAssignments, "assignments.csv");
  auth::Principal other{.user_id = coordinator_.user_id + 50, .name = "Other", .role = auth::Role::kCoordinator};
  auto refused = service_->StartRun(other, spec.id, left, right, "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.size(), 2u);
}

TEST_P(ReconciliationServiceTest, AScheduleRunsTheSpecOnServerFiles) {
  const auto dir = std::filesystem::temp_directory_path() / ("recon-" + std::to_string(::getpid()) + GetParam());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "vms.csv") << data::kVms;
  std::ofstream(dir / "assignments.csv") << data::kAssignments;
  const SpecRecord spec = MakeSpec(std::nullopt);
  const auto monday = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23};
  const auto now = std::chrono::sys_seconds{monday};
  auto relative =
      service_->ScheduleSpec(coordinator_, spec.id, spec.version, {"0 6 * * 1", "vms.csv", "x.csv"}, "t", now);
  EXPECT_EQ(HttpStatus(relative.error().kind), 422);
  auto badcron = service_->ScheduleSpec(
      coordinator_, spec.id, spec.version,
      {"every monday", (dir / "vms.csv").string(), (dir / "assignments.csv").string()}, "t", now);
  ASSERT_FALSE(badcron.ok());
  EXPECT_EQ(badcron.error().fields.at(0).field, "cron");
  auto scheduled =
      service_->ScheduleSpec(coordinator_, spec.id, spec.version,
                             {"0 6 * * 1", (dir / "vms.csv").string(), (dir / "assignments.csv").string()}, "t", now);
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  EXPECT_EQ(scheduled->schedule_cron, "0 6 * * 1");
  ASSERT_EQ(jobs::FireDueSchedules(db(), now + std::chrono::hours(7)).value(), 1);
  ASSERT_TRUE(jobs::RunOne(db(), registry_, "w").value());
  auto runs = service_->ListRuns(coordinator_, {}).value();
  ASSERT_EQ(runs.total, 1);
  EXPECT_EQ(runs.items[0].state, "succeeded") << runs.items[0].error;
  EXPECT_EQ(runs.items[0].left.name, (dir / "vms.csv").string());
  EXPECT_EQ(runs.items[0].right.sha256, crypto::Sha256Hex(data::kAssignments));
  EXPECT_EQ(Items().size(), 4u);
  std::filesystem::remove_all(dir);
}

TEST_P(ReconciliationServiceTest, AStoppedScheduleNoLongerFiresAndOtherClientsCannotStopOne) {
  const SpecRecord spec = MakeSpec(client_ids_[0]);
  const auto now = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}};
  const SpecRecord scheduled =
      service_->ScheduleSpec(coordinator_, spec.id, spec.version, {"0 6 * * 1", "/srv/a.csv", "/srv/b.csv"}, "t", now)
          .value();
  auth::Principal other{.user_id = 99, .role = auth::Role::kClientUser, .client_ids = {client_ids_[1]}};
  EXPECT_EQ(HttpStatus(service_->UnscheduleSpec(other, spec.id, scheduled.version, "t").error().kind), 404);
  EXPECT_EQ(HttpStatus(service_->UnscheduleSpec(coordinator_, spec.id, spec.version, "t").error().kind), 412);
  const SpecRecord stopped = service_->UnscheduleSpec(coordinator_, spec.id, scheduled.version, "t").value();
  EXPECT_TRUE(stopped.schedule_cron.empty());
  EXPECT_TRUE(stopped.left_path.empty());
  EXPECT_EQ(jobs::FireDueSchedules(db(), now + std::chrono::hours(24 * 8)).value(), 0);  // a week on: nothing
  auto conn = db().Acquire();
  EXPECT_EQ((*conn)->Query("SELECT COUNT(*) FROM audit_events WHERE entity = 'recon_spec' AND action = 'unschedule'")
                .value()
                .at(0)
                .Int(0),
            1);
}

TEST_P(ReconciliationServiceTest, ARunThatCannotReadItsInputsFailsWithTheReason) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  const std::string renamed = "Worker,Worker Name,Assignment Start,Bill Rate,Status\nW-1001,A,03/04/2024,$1.00,Active\n";
  const reconciliation::Run run = RunSpec(spec, renamed, data::kAssignments);
  EXPECT_EQ(run.state, "failed");
  EXPECT_NE(run.error.find("Worker ID"), std::string::npos) << run.error;
  auto conn = db().Acquire();
  EXPECT_EQ(jobs::Get(**conn, *run.job_id).value().state, "failed");
  EXPECT_TRUE(Items().empty());
}

// A run that finishes after a newer run of the same spec must not undo what the newer one decided.
TEST_P(ReconciliationServiceTest, AnOlderRunFinishingLastLeavesTheItemsAlone) {
  const SpecRecord spec = MakeSpec(std::nullopt);
  auto older = service_->StartRun(coordinator_, spec.id, Upload(data::kVms, "vms.csv"),
                                  Upload(data::kAssignments, "assignments.csv"), "t");
  auto newer = service_->StartRun(coordinator_, spec.id, Upload(data::kVms, "vms.csv"),
                                  Upload(data::kAssignmentsFixed, "assignments.csv"), "t");
  struct Quiet final : jobs::Progress {
    void Update(int64_t, int64_t, const std::string&) override {}
  } quiet;
  auto job = [&](const reconciliation::Run& run) {
    auto conn = db().Acquire();
    return jobs::Get(**conn, *run.job_id).value();
  };
  ASSERT_TRUE(service_->ExecuteRun(job(*newer), quiet).ok());
  ASSERT_TRUE(service_->ExecuteRun(job(*older), quiet).ok());
  EXPECT_EQ(service_->GetRun(coordinator_, older->id)->summary["superseded"], true);
  const auto items = Items();
  EXPECT_EQ(items.size(), 3u);
  EXPECT_EQ(Find(items, "mismatched", "W-1004"), nullptr);
  for (const auto& item : items) EXPECT_EQ(item.run_id, newer->id);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReconciliationServiceTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::reconciliation
