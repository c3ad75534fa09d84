#include "app/demo.h"

#include <gtest/gtest.h>

#include <set>

#include "store/testing.h"

namespace concord::app {
namespace {

std::vector<std::string> ClientNames(uint64_t seed) {
  auto fresh = store::testing::MakeFreshDatabase("sqlite");
  setenv("CONCORD_KEY", crypto::FieldKey::Generate().ToBase64().c_str(), 1);
  auto platform = OpenPlatform(Config{fresh->url, ""}, true).value();
  unsetenv("CONCORD_KEY");
  EXPECT_TRUE(GenerateDemo(*platform, seed, DemoSize::kSmall).ok());
  auth::Principal admin{.user_id = 1, .role = auth::Role::kAdmin};
  clients::ListQuery q;
  q.limit = 500;
  q.archived = "all";
  auto page = platform->clients->List(admin, q).value();
  std::vector<std::string> names;
  for (const auto& c : page.items) names.push_back(c.legal_name + "|" + c.status + "|" + c.addresses[0].city);
  // A reconciliation run waits for the workers, and running it finds the planted disagreements.
  EXPECT_TRUE(jobs::RunOne(*platform->db, platform->jobs, "test").value_or(false));
  auth::Principal coordinator{.user_id = 3, .role = auth::Role::kCoordinator};
  auto runs = platform->reconciliation->ListRuns(coordinator, reconciliation::RunQuery{}).value();
  // The CRM run, and the workforce demo's two VMS audits (demo_workforce.cpp).
  EXPECT_EQ(runs.items.size(), 3u);
  std::erase_if(runs.items, [](const auto& run) { return run.spec_name != "Client master list: CRM vs concord"; });
  EXPECT_EQ(runs.items.size(), 1u);
  if (!runs.items.empty()) {
    const auto& summary = runs.items[0].summary;
    EXPECT_EQ(runs.items[0].state, "succeeded");
    // 60 clients: one renamed and one with another status (mismatched), one missing from the CRM
    // (only right), one in the CRM only (only left), one in other capitals and spacing (matched).
    EXPECT_EQ(summary.value("matched", 0), 57);
    EXPECT_EQ(summary.value("mismatched", 0), 2);
    EXPECT_EQ(summary.value("only_left", 0), 1);
    EXPECT_EQ(summary.value("only_right", 0), 1);
  }
  // Workforce: six programmes, hundreds of assignments in every state, PSRs waiting, a worker login.
  auto all = platform->workforce->All(admin, workforce::AssignmentTable(), {}).value();
  EXPECT_EQ(all.size(), 240u);
  std::set<std::string> states;
  for (const auto& a : all) states.insert(a["status"].get<std::string>());
  EXPECT_EQ(states, (std::set<std::string>{"requested", "onboarding", "ready", "active", "ending", "ended",
                                            "offboarded", "cancelled"}));
  EXPECT_EQ(platform->workforce->List(admin, workforce::ProgrammeTable(), {}).value().total, 6);
  EXPECT_GE(platform->workforce->List(admin, workforce::PsrTable(), {}).value().total, 12);
  EXPECT_TRUE(platform->accounts->FindUser("worker@concord.test").ok());
  // The demo client user sees exactly one client.
  auto user = platform->accounts->FindUser("client@concord.test").value();
  EXPECT_EQ(user.role, auth::Role::kClientUser);
  return names;
}

TEST(Demo, SameSeedSameDataOtherSeedOtherData) {
  const auto a = ClientNames(42);
  EXPECT_EQ(a.size(), 60u);
  EXPECT_EQ(a, ClientNames(42));
  EXPECT_NE(a, ClientNames(7));
}

}  // namespace
}  // namespace concord::app
