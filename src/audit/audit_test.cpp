#include "audit/audit.h"

#include <gtest/gtest.h>

#include "store/testing.h"

namespace concord::audit {
namespace {

class AuditTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    ASSERT_TRUE(store::Migrate(*fresh_->db, Migrations()).ok());
    for (int i = 1; i <= 5; ++i) {
      Status s = fresh_->db->TransactStatus([&](store::Connection& c) {
        return Append(c, Actor{7, "Ana Reyes", "req-" + std::to_string(i)},
                      Change{"client", std::to_string(i % 2 + 1), i % 2 + 1, i == 1 ? "create" : "update",
                             i == 1 ? nlohmann::json() : nlohmann::json{{"n", i - 1}}, nlohmann::json{{"n", i}}});
      });
      ASSERT_TRUE(s.ok()) << s.error().message;
    }
  }
  VerifyReport VerifyNow() {
    auto conn = fresh_->db->Acquire();
    auto report = Verify(**conn);
    EXPECT_TRUE(report.ok());
    return report.value();
  }
  void Exec(const std::string& sql) {
    auto conn = fresh_->db->Acquire();
    ASSERT_TRUE((*conn)->ExecuteScript(sql).ok());
  }
  std::unique_ptr<store::testing::FreshDatabase> fresh_;
};

TEST_P(AuditTest, IntactChainVerifies) {
  VerifyReport report = VerifyNow();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.events, 5);
}

TEST_P(AuditTest, EditedEventIsDetected) {
  Exec("UPDATE audit_events SET after_json = '{\"n\":99}' WHERE seq = 3");
  VerifyReport report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 3);
}

TEST_P(AuditTest, EditedActorIsDetected) {
  Exec("UPDATE audit_events SET actor_name = 'Someone Else' WHERE seq = 2");
  EXPECT_EQ(VerifyNow().first_bad_seq, 2);
}

TEST_P(AuditTest, DeletedMiddleEventIsDetected) {
  Exec("DELETE FROM audit_events WHERE seq = 2");
  VerifyReport report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 2);
}

TEST_P(AuditTest, DeletedLastEventIsDetected) {
  Exec("DELETE FROM audit_events WHERE seq = 5");
  VerifyReport report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.problem.find("deleted"), std::string::npos);
}

TEST_P(AuditTest, RehashedEditIsDetectedByTheSuccessor) {
  // An attacker who edits event 3 and recomputes its own hash still breaks event 4's link.
  Exec("UPDATE audit_events SET hash = 'ffff' WHERE seq = 3");
  EXPECT_EQ(VerifyNow().first_bad_seq, 3);
}

TEST_P(AuditTest, ListsByEntityNewestFirstAndByScope) {
  auto conn = fresh_->db->Acquire();
  auto events = List(**conn, Query{.entity = "client", .entity_id = "2"});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);  // i = 1, 3, 5
  EXPECT_EQ((*events)[0].seq, 5);
  EXPECT_EQ((*events)[0].before["n"], 4);
  auto scoped = List(**conn, Query{.client_ids = std::vector<int64_t>{1}});
  EXPECT_EQ(scoped->size(), 2u);
  auto none = List(**conn, Query{.client_ids = std::vector<int64_t>{}});
  EXPECT_TRUE(none->empty());
}

TEST_P(AuditTest, FiltersByActionActorDaySearchAndReportsVerifyProgress) {
  Status s = fresh_->db->TransactStatus([&](store::Connection& c) {
    return Append(c, Actor{8, "Ben Okafor", "req-ben"}, Change{"user", "8", std::nullopt, "login", nullptr, nullptr});
  });
  ASSERT_TRUE(s.ok());
  auto conn = fresh_->db->Acquire();
  auto seqs = [&](const Query& q) {
    std::vector<int64_t> out;
    const std::vector<Event> events = List(**conn, q).value();
    for (const Event& e : events) out.push_back(e.seq);
    return out;
  };
  EXPECT_EQ(seqs({.action = "create"}), std::vector<int64_t>{1});
  EXPECT_EQ(seqs({.actor_id = 8}), std::vector<int64_t>{6});
  EXPECT_EQ(seqs({.q = "bEn"}), std::vector<int64_t>{6});       // part of the actor's name, any case
  EXPECT_EQ(seqs({.q = "req-3"}), std::vector<int64_t>{3});     // a request id
  EXPECT_EQ(seqs({.entity = "client", .q = "1"}), (std::vector<int64_t>{4, 2}));  // a record id, newest first
  // Days are UTC and both ends are included: every event was written today.
  const std::string today = List(**conn, {.limit = 1}).value().at(0).at.substr(0, 10);
  EXPECT_EQ(seqs({.from = today, .to = today}).size(), 6u);
  EXPECT_TRUE(seqs({.to = "2000-01-01"}).empty());
  EXPECT_TRUE(seqs({.from = "2999-01-01"}).empty());
  // Pages follow the chosen order: oldest first after event 2 gives 3, 4.
  EXPECT_EQ(seqs({.after_seq = 2, .oldest_first = true, .limit = 2}), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(seqs({.after_seq = 4, .limit = 2}), (std::vector<int64_t>{3, 2}));

  std::vector<std::pair<int64_t, int64_t>> pages;
  auto report = Verify(**conn, [&](int64_t checked, int64_t total) { pages.emplace_back(checked, total); });
  ASSERT_TRUE(report.ok() && report->ok);
  EXPECT_EQ(pages, (std::vector<std::pair<int64_t, int64_t>>{{6, 6}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::audit
