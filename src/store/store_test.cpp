#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "store/db.h"
#include "store/migrate.h"
#include "store/testing.h"

namespace concord::store {
namespace {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fresh_ = testing::MakeFreshDatabase(GetParam()); }
  Database& db() { return *fresh_->db; }
  std::unique_ptr<testing::FreshDatabase> fresh_;
};

const std::vector<Migration> kSchema = {
    {"0001_items", "CREATE TABLE items (id {{pk}}, name TEXT NOT NULL UNIQUE, qty {{int}})"},
    {"0002_notes", "CREATE TABLE notes (id {{pk}}, item_id {{int}} NOT NULL REFERENCES items(id), body TEXT)"},
};

TEST_P(StoreTest, MigratesOnceAndRecordsVersions) {
  auto first = Migrate(db(), kSchema);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->size(), 2u);
  auto again = Migrate(db(), kSchema);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
}

TEST_P(StoreTest, InsertReturningQueryAndNulls) {
  ASSERT_TRUE(Migrate(db(), kSchema).ok());
  auto conn = db().Acquire();
  ASSERT_TRUE(conn.ok());
  auto rows = (*conn)->Query("INSERT INTO items (name, qty) VALUES (?, ?) RETURNING id", {std::string("a'?b"), Null()});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  const int64_t id = rows->front().Int(0);
  auto row = (*conn)->QueryOne("SELECT name, qty FROM items WHERE id = ?", {id});
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->Text("name"), "a'?b");
  EXPECT_TRUE(row->IsNull(1));
  EXPECT_FALSE(row->OptInt("qty").has_value());
}

TEST_P(StoreTest, UniqueViolationIsConflict) {
  ASSERT_TRUE(Migrate(db(), kSchema).ok());
  auto conn = db().Acquire();
  ASSERT_TRUE((*conn)->Execute("INSERT INTO items (name) VALUES (?)", {std::string("x")}).ok());
  auto dup = (*conn)->Execute("INSERT INTO items (name) VALUES (?)", {std::string("x")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(dup.error().code, "store.unique_violation");
}

TEST_P(StoreTest, ForeignKeysAreEnforced) {
  ASSERT_TRUE(Migrate(db(), kSchema).ok());
  auto conn = db().Acquire();
  auto bad = (*conn)->Execute("INSERT INTO notes (item_id, body) VALUES (?, ?)", {int64_t{999}, std::string("x")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "store.foreign_key_violation");
}

TEST_P(StoreTest, TransactionRollsBackOnError) {
  ASSERT_TRUE(Migrate(db(), kSchema).ok());
  Status status = db().TransactStatus([](Connection& c) -> Status {
    TRY(c.Execute("INSERT INTO items (name) VALUES (?)", {std::string("kept?")}));
    return Error::Invalid("test.fail", "stop");
  });
  EXPECT_FALSE(status.ok());
  auto conn = db().Acquire();
  auto rows = (*conn)->Query("SELECT COUNT(*) FROM items");
  EXPECT_EQ(rows->front().Int(0), 0);
}

TEST_P(StoreTest, ConcurrentWritersAllCommit) {
  ASSERT_TRUE(Migrate(db(), kSchema).ok());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Status s = db().TransactStatus([&](Connection& c) -> Status {
          TRY(c.Execute("INSERT INTO items (name, qty) VALUES (?, ?)",
                        {"t" + std::to_string(t) + "_" + std::to_string(i), int64_t{i}}));
          return {};
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto conn = db().Acquire();
  EXPECT_EQ((*conn)->Query("SELECT COUNT(*) FROM items")->front().Int(0), 100);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

TEST(Store, PostgresIsAvailableInCi) {
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") {
    EXPECT_EQ(testing::Backends().size(), 2u) << "CI must run the integration tests on PostgreSQL too";
  }
}

TEST(Store, NumberPlaceholdersSkipsQuotedText) {
  EXPECT_EQ(NumberPlaceholders("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ?"),
            "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b = $2");
}

}  // namespace
}  // namespace concord::store

namespace concord::store {
namespace {

TEST(Store, DialectSectionsKeepOnlyTheConnectionsOwn) {
  const std::string sql = "CREATE TABLE t (id {{pk}});{{pg}} ALTER TABLE t ADD c BIGINT;{{/pg}}{{sqlite}} PRAGMA x;{{/sqlite}}";
  EXPECT_EQ(Dialectize(sql, Dialect::kPostgres), "CREATE TABLE t (id BIGSERIAL PRIMARY KEY); ALTER TABLE t ADD c BIGINT;");
  EXPECT_EQ(Dialectize(sql, Dialect::kSqlite), "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT); PRAGMA x;");
}

}  // namespace
}  // namespace concord::store
