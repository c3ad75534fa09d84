// WFM use cases on both databases, against the hand-worked fixture in tests/fixtures/wfm/README.md.
#include "wfm/service.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "auth/accounts.h"
#include "store/testing.h"

namespace concord::wfm {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/wfm/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class NoProgress : public jobs::Progress {
 public:
  void Update(int64_t done, int64_t total, const std::string&) override {
    last_done = done;
    last_total = total;
  }
  int64_t last_done = -1, last_total = -1;
};

class WfmServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), Migrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    service_ = std::make_unique<WfmService>(db());
    manager_ = {.user_id = 1, .name = "Morgan Manager", .role = auth::Role::kManager};
  }
  store::Database& db() { return *fresh_->db; }
  int64_t Count(const std::string& sql) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne(sql, {}).value().Int(0);
  }
  ImportReport ImportFixture() {
    auto report = service_->ImportCallDetail(manager_.Actor("t"), Fixture("calls.csv"), "calls.csv", false);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.value_or(ImportReport{});
  }
  Queue FixtureQueue() {
    ListArgs args;
    args.q = "employer_line";
    auto page = service_->ListQueues(args);
    EXPECT_TRUE(page.ok() && page->items.size() == 1);
    return page->items.at(0);
  }
  ForecastRun Forecast(int64_t queue_id) {
    auto run = service_->StartForecast(manager_, queue_id, {7, 14, 84}, "t");
    EXPECT_TRUE(run.ok()) << run.error().message;
    EXPECT_EQ(run->state, "queued");
    NoProgress progress;
    auto done = service_->ExecuteForecast(run->id, {7, 14, 84}, run->job_id, progress);
    EXPECT_TRUE(done.ok()) << done.error().message;
    EXPECT_EQ(progress.last_done, 4);
    return done.value();
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  std::unique_ptr<WfmService> service_;
  auth::Principal manager_;
};

TEST_P(WfmServiceTest, ImportIsIdempotentAndCreatesTheQueue) {
  ImportReport first = ImportFixture();
  EXPECT_EQ(first.rows, 1290);
  EXPECT_EQ(first.created, 1290);
  EXPECT_EQ(first.queues_created, 1);
  const Queue queue = FixtureQueue();
  EXPECT_EQ(queue.contacts, 1290);
  EXPECT_EQ(queue.interval_min, 30);

  NoProgress progress;
  auto again_result =
      service_->ImportCallDetail(manager_.Actor("t"), Fixture("calls.csv"), "calls.csv", false, &progress);
  ASSERT_TRUE(again_result.ok());
  EXPECT_EQ(progress.last_done, 1290);
  EXPECT_EQ(progress.last_total, 1290);
  const ImportReport again = *again_result;
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 1290);
  EXPECT_EQ(again.queues_created, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wfm_contacts"), 1290);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'wfm_import'"), 2);

  // One call's handle time corrected at the source: the same file again updates just that row.
  std::string csv = Fixture("calls.csv");
  csv.replace(csv.find("EL-00001,employer_line,2026-01-05T09:05:00-05:00,answered,180"),
              std::string("EL-00001,employer_line,2026-01-05T09:05:00-05:00,answered,180").size(),
              "EL-00001,employer_line,2026-01-05T09:05:00-05:00,answered,181");
  auto fixed = service_->ImportCallDetail(manager_.Actor("t"), csv, "calls.csv", false);
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(fixed->updated, 1);
  EXPECT_EQ(fixed->unchanged, 1289);
}

TEST_P(WfmServiceTest, AnImportWithOneBadRowWritesNothing) {
  std::string csv = Fixture("calls.csv");
  csv += "EL-99999,employer_line,yesterday,answered,100,5,agent1\n";
  auto report = service_->ImportCallDetail(manager_.Actor("t"), csv, "calls.csv", false);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().fields.at(0).field, "calls.csv, line 1292, column 3 (arrived_at)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wfm_contacts"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wfm_queues"), 0);
}

TEST_P(WfmServiceTest, HistoryCountsEveryIntervalByHand) {
  ImportFixture();
  const Queue queue = FixtureQueue();
  // Monday 2026-01-05: 3 calls in each interval 09:00 (18) … 16:30 (33); the 16:30 interval has one
  // abandoned call, so AHT (180 + 240)/2 = 210 s; otherwise (180 + 240 + 300)/3 = 240 s.
  auto v = service_->History(queue, Date::Parse("2026-01-05").value(), 7, 30);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->contacts[17], 0);
  EXPECT_EQ(v->contacts[18], 3);
  EXPECT_EQ(v->aht_s[18], 240);
  EXPECT_EQ(v->contacts[33], 3);
  EXPECT_EQ(v->aht_s[33], 210);
  double week = 0;
  for (double c : v->contacts) week += c;
  EXPECT_EQ(week, 5 * 48 + 12 + 6);
}

TEST_P(WfmServiceTest, OtherSourcesAddToTheHistory) {
  ImportFixture();
  const Queue queue = FixtureQueue();
  service_->RegisterContactSource([](const std::string& key, Instant, Instant) -> Result<std::vector<QueuedContact>> {
    // A case logged by the service desk at 08:10 local (13:10Z) on Monday 2026-01-05, for this queue only.
    if (key != "employer_line") return std::vector<QueuedContact>{};
    return std::vector<QueuedContact>{{key, Instant::Parse("2026-01-05T13:10:00Z").value(), std::chrono::seconds(600)}};
  });
  auto v = service_->History(queue, Date::Parse("2026-01-05").value(), 1, 30);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->contacts[16], 1);
  EXPECT_EQ(v->aht_s[16], 600);
}

TEST_P(WfmServiceTest, ForecastOfARepeatingWeekIsExact) {
  ImportFixture();
  const ForecastRun run = Forecast(FixtureQueue().id);
  EXPECT_EQ(run.state, "succeeded");
  EXPECT_EQ(run.history_from, "2026-01-05");
  EXPECT_EQ(run.history_to, "2026-02-08");
  EXPECT_EQ(run.forecast_from, "2026-02-09");
  EXPECT_NEAR(run.accuracy["interval"]["wape"].get<double>(), 0.0, 0.01);
  EXPECT_NEAR(run.accuracy["daily"]["mape"].get<double>(), 0.0, 0.01);
  EXPECT_EQ(run.accuracy["daily"]["points"], 7);
  const auto& contacts = run.series["forecast"]["contacts"];
  ASSERT_EQ(contacts.size(), 14u * 48);
  EXPECT_NEAR(contacts[18].get<double>(), 3.0, 0.01);  // Monday 09:00
  EXPECT_NEAR(contacts[17].get<double>(), 0.0, 0.01);  // Monday 08:30
  EXPECT_NEAR(run.series["forecast"]["aht_s"][18].get<double>(), 240.0, 0.01);
  EXPECT_NEAR(run.series["forecast"]["daily"][5].get<double>(), 12.0, 0.01);  // Saturday
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'wfm_forecast'"), 2);  // create, succeeded
}

TEST_P(WfmServiceTest, AForecastWithoutHistoryFailsAndSaysWhy) {
  auto queue = service_->CreateQueue(manager_, {.key = "empty", .name = "Empty"}, "t");
  ASSERT_TRUE(queue.ok()) << queue.error().message;
  auto run = service_->StartForecast(manager_, queue->id, {}, "t");
  ASSERT_TRUE(run.ok());
  NoProgress progress;
  auto done = service_->ExecuteForecast(run->id, {}, run->job_id, progress);
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, "wfm.no_history");
  EXPECT_EQ(service_->GetForecast(run->id)->state, "failed");
  EXPECT_EQ(service_->Plan(run->id, {}).error().code, "wfm.forecast_not_ready");
}

TEST_P(WfmServiceTest, PlanShowsRequiredScheduledAndGaps) {
  ImportFixture();
  const ForecastRun run = Forecast(FixtureQueue().id);
  auto imported = service_->ImportSchedule(manager_, Fixture("schedule.csv"), "schedule.csv", "t");
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->rows, 16);
  auto plan = service_->Plan(run.id, {});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_EQ(plan->intervals.size(), 14u * 48);
  const auto& nine = plan->intervals[18];
  EXPECT_EQ(nine.day, "2026-02-09");
  EXPECT_EQ(nine.start_min, 540);
  EXPECT_EQ(nine.row.required.agents, 2);  // README: A = 0.4, SL(1) = 0.6195, SL(2) = 0.9417
  EXPECT_EQ(nine.row.required.positions, 3);
  EXPECT_NEAR(nine.row.required.service_level, 0.9417, 5e-5);
  EXPECT_EQ(nine.row.scheduled, 3);
  EXPECT_EQ(nine.row.gap, 0);
  EXPECT_EQ(plan->intervals[24].row.gap, 1);  // 12:00, two scheduled for lunch
  EXPECT_EQ(plan->intervals[25].row.gap, 1);  // 12:30
  EXPECT_EQ(plan->intervals[17].row.required.positions, 0);
  EXPECT_EQ(plan->intervals[17].row.gap, 0);
  EXPECT_FALSE(nine.actual.has_value());  // 2026-02-09 has not happened in the fixture
  // Tuesday has no schedule: each open interval is short by its 3 positions.
  EXPECT_EQ(plan->intervals[48 + 18].row.gap, 3);
  EXPECT_EQ(plan->Summary()["understaffed_intervals"], 2 + 9 * 16 + 2 * 4 + 2 * 2);
  const io::Table table = WfmService::PlanTable(*plan);
  EXPECT_EQ(table.rows[18][1], "09:00");
  EXPECT_EQ(table.rows[18][12], "0");

  // A stricter target from the request, not the queue: 95 % in 10 s.
  QueueInput strict;
  strict.target_sl = 0.95;
  strict.target_s = 10;
  auto stricter = service_->Plan(run.id, strict);
  ASSERT_TRUE(stricter.ok());
  EXPECT_GE(stricter->intervals[18].row.required.agents, 2);
  // The same schedule again changes nothing.
  auto again = service_->ImportSchedule(manager_, Fixture("schedule.csv"), "schedule.csv", "t");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->updated, 0);
}

TEST_P(WfmServiceTest, ScheduleErrorsNameLineAndColumn) {
  ImportFixture();
  const std::string csv =
      "queue,date,start,scheduled\n"
      "employer_line,2026-02-09,09:15,3\n"  // not on a 30-minute boundary
      "nowhere,2026-02-09,09:00,3\n"
      "employer_line,2026-02-30,09:00,x\n";
  auto report = service_->ImportSchedule(manager_, csv, "s.csv", "t");
  ASSERT_FALSE(report.ok());
  const auto& f = report.error().fields;
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].field, "s.csv, line 2, column 3 (start)");
  EXPECT_EQ(f[1].field, "s.csv, line 3, column 1 (queue)");
  EXPECT_EQ(f[2].field, "s.csv, line 4, column 2 (date)");
  EXPECT_EQ(f[3].field, "s.csv, line 4, column 4 (scheduled)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wfm_schedule"), 0);
}

TEST_P(WfmServiceTest, QueueChangesAreCheckedVersionedAndAudited) {
  auto queue = service_->CreateQueue(manager_, {.key = "payroll", .name = "Payroll questions"}, "t");
  ASSERT_TRUE(queue.ok());
  QueueInput bad;
  bad.target_sl = 80;  // a percentage where a fraction belongs
  bad.time_zone = "Mars/Olympus";
  auto rejected = service_->UpdateQueue(manager_, queue->id, queue->version, bad, "t");
  ASSERT_FALSE(rejected.ok());
  ASSERT_EQ(rejected.error().fields.size(), 2u);
  EXPECT_EQ(rejected.error().fields[0].field, "time_zone");
  EXPECT_EQ(rejected.error().fields[1].field, "target_sl");
  QueueInput patient;
  patient.patience_s = 300.0;
  auto saved = service_->UpdateQueue(manager_, queue->id, queue->version, patient, "t");
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->patience_s, 300.0);
  EXPECT_EQ(service_->UpdateQueue(manager_, queue->id, queue->version, patient, "t").error().kind,
            ErrorKind::kPreconditionFailed);
  EXPECT_EQ(service_->CreateQueue(manager_, {.key = "payroll"}, "t").error().code, "wfm.key_taken");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'wfm_queue'"), 2);
  EXPECT_EQ(service_->GetQueue(999).error().kind, ErrorKind::kNotFound);
}

TEST_P(WfmServiceTest, ARosterOfNamedAgentsReplacesTheImportedCountOnItsDays) {
  ImportFixture();
  const Queue q = FixtureQueue();  // 30-minute intervals
  ASSERT_TRUE(service_->ImportSchedule(manager_, Fixture("schedule.csv"), "schedule.csv", "t").ok());
  const std::string roster =
      "agent,queue,date,start,end\n"
      "Ana Ruiz,employer_line,2026-02-09,09:00,17:00\n"
      "Ben Okafor,employer_line,2026-02-09,09:10,13:00\n"  // on for whole half hours from 09:30
      "Cy Park,employer_line,2026-02-09,22:00,06:00\n";     // overnight into the 10th
  auto report = service_->ImportShifts(manager_, roster, "roster.csv", "t");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 3);
  auto at = [&](const std::string& day, int start) {
    const std::vector<ScheduleEntry> schedule = service_->Schedule(q.id, "2026-02-09", "2026-02-10").value();
    for (const auto& e : schedule)
      if (e.day == day && e.start_min == start) return e.scheduled;
    return 0;
  };
  EXPECT_EQ(at("2026-02-09", 540), 1);  // the imported 3 give way to who is rostered: Ana
  EXPECT_EQ(at("2026-02-09", 570), 2);  // Ana and Ben
  EXPECT_EQ(at("2026-02-09", 780), 1);  // 13:00: Ben is off
  EXPECT_EQ(at("2026-02-09", 1350), 1);  // 22:30: Cy
  EXPECT_EQ(at("2026-02-10", 330), 1);  // 05:30 on the 10th: Cy's last half hour
  EXPECT_EQ(at("2026-02-10", 360), 0);
  EXPECT_EQ(service_->Shifts(q.id, "2026-02-09", "2026-02-09")->size(), 3u);
  EXPECT_EQ(service_->ImportShifts(manager_, roster, "roster.csv", "t")->updated, 0);  // idempotent
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'wfm_shifts'"), 2);

  auto bad = service_->ImportShifts(manager_, "agent,queue,date,start,end\nAna,employer_line,2026-02-09,9am,25:00\n",
                                    "bad.csv", "t");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "bad.csv, line 2, column 5 (end)");
  EXPECT_EQ(bad.error().fields[1].field, "bad.csv, line 2, column 4 (start)");
  EXPECT_EQ(service_->Shifts(q.id, "2026-02-09", "2026-02-09")->size(), 3u);  // nothing written
}

INSTANTIATE_TEST_SUITE_P(Backends, WfmServiceTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::wfm
