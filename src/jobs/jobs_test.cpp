#include "jobs/jobs.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "jobs/schedules.h"
#include "store/testing.h"

namespace concord::jobs {
namespace {

class JobsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    auto migrations = audit::Migrations();
    for (auto& m : Migrations()) migrations.push_back(m);
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
  }
  store::Database& db() { return *fresh_->db; }
  int64_t Add(const std::string& kind, int max_attempts = 3) {
    return db().Transact<int64_t>([&](store::Connection& c) {
      return Enqueue(c, NewJob{kind, {{"n", 1}}, 7, 3, max_attempts});
    }).value();
  }
  Job Load(int64_t id) {
    auto conn = db().Acquire();
    return Get(**conn, id).value();
  }
  std::unique_ptr<store::testing::FreshDatabase> fresh_;
};

TEST_P(JobsTest, RunsAJobWithProgressAndAFile) {
  Registry registry;
  registry.Register("export", [](const Job& job, Progress& progress) -> Result<Outcome> {
    for (int i = 1; i <= 4; ++i) progress.Update(i, 4, "row " + std::to_string(i));
    return Outcome{{{"rows", job.payload["n"]}}, File{0, "out.csv", "text/csv", std::string("a,b\n\0x", 6), {}, {}}};
  });
  const int64_t id = Add("export");
  EXPECT_EQ(Load(id).state, "queued");
  ASSERT_TRUE(RunOne(db(), registry, "w").value());
  Job job = Load(id);
  EXPECT_EQ(job.state, "succeeded");
  EXPECT_EQ(job.done, 4);
  EXPECT_EQ(job.total, 4);
  EXPECT_EQ(job.result["rows"], 1);
  ASSERT_TRUE(job.file_id.has_value());
  auto conn = db().Acquire();
  File file = LoadFile(**conn, *job.file_id).value();
  EXPECT_EQ(file.content, std::string("a,b\n\0x", 6));
  EXPECT_EQ(file.client_id, 3);
  EXPECT_FALSE(RunOne(db(), registry, "w").value());  // nothing left
}

TEST_P(JobsTest, FailuresRetryWithBackoffThenFail) {
  Registry registry;
  registry.Register("flaky", [](const Job&, Progress&) -> Result<Outcome> {
    return Error::Internal("test.boom", "boom");
  });
  const int64_t id = Add("flaky", 2);
  ASSERT_TRUE(RunOne(db(), registry, "w").value());
  EXPECT_EQ(Load(id).state, "queued");
  EXPECT_EQ(Load(id).attempts, 1);
  // The retry waits for its backoff: not due yet.
  EXPECT_FALSE(RunOne(db(), registry, "w").value());
  {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("UPDATE jobs SET run_at = '2000-01-01T00:00:00Z'").ok());
  }
  ASSERT_TRUE(RunOne(db(), registry, "w").value());
  Job job = Load(id);
  EXPECT_EQ(job.state, "failed");
  EXPECT_EQ(job.message, "boom");
}

TEST_P(JobsTest, TwoWorkersNeverRunTheSameJob) {
  std::mutex mutex;
  std::multiset<int64_t> ran;
  Registry registry;
  registry.Register("count", [&](const Job& job, Progress&) -> Result<Outcome> {
    std::lock_guard lock(mutex);
    ran.insert(job.id);
    return Outcome{};
  });
  for (int i = 0; i < 30; ++i) Add("count");
  auto work = [&] {
    while (RunOne(db(), registry, "w").value_or(false)) {
    }
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_EQ(ran.size(), 30u);
  for (int64_t id : ran) EXPECT_EQ(ran.count(id), 1u) << "job " << id << " ran twice";
}

TEST_P(JobsTest, ScheduleFiresOnceAcrossInstances) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(PutSchedule(**conn, "weekly-audit", "0 6 * * 1", "audit", {}, now - std::chrono::hours(24 * 8)).ok());
  }
  std::atomic<int> fired{0};
  std::thread a([&] { fired += FireDueSchedules(db(), now).value_or(0); });
  std::thread b([&] { fired += FireDueSchedules(db(), now).value_or(0); });
  a.join();
  b.join();
  EXPECT_EQ(fired.load(), 1);
  auto conn = db().Acquire();
  EXPECT_EQ((*conn)->Query("SELECT COUNT(*) FROM jobs WHERE kind = 'audit'")->front().Int(0), 1);
  EXPECT_EQ(FireDueSchedules(db(), now).value(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, JobsTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::jobs
