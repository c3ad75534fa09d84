#include "app/demo.h"

#include <gtest/gtest.h>

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
