#include "auth/accounts.h"

#include <gtest/gtest.h>

#include "auth/password.h"
#include "store/testing.h"

namespace concord::auth {
namespace {

class AccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    auto migrations = audit::Migrations();
    for (auto& m : Migrations()) migrations.push_back(m);
    ASSERT_TRUE(store::Migrate(*fresh_->db, migrations).ok());
    accounts_ = std::make_unique<Accounts>(*fresh_->db);
    auto user = accounts_->AddUser({"Ana@Example.test", "Ana Reyes", Role::kClientUser, "correct horse battery",
                                    {11, 12}, std::nullopt},
                                   audit::Actor::System("test"));
    ASSERT_TRUE(user.ok()) << user.error().message;
  }
  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsTest, LoginOpensASessionWithScope) {
  auto session = accounts_->Login("ana@example.test", "correct horse battery", "10.0.0.1", "r1");
  ASSERT_TRUE(session.ok()) << session.error().message;
  auto principal = accounts_->Authenticate(session->token);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->role, Role::kClientUser);
  EXPECT_EQ(principal->client_ids, (std::vector<int64_t>{11, 12}));
  EXPECT_EQ(principal->csrf_token, session->principal.csrf_token);
  EXPECT_TRUE(principal->CanSeeClient(12));
  EXPECT_FALSE(principal->CanSeeClient(13));
}

TEST_P(AccountsTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  auto wrong = accounts_->Login("ana@example.test", "nope", "10.0.0.1", "r1");
  auto unknown = accounts_->Login("who@example.test", "nope", "10.0.0.1", "r2");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, "auth.invalid_credentials");
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
  EXPECT_EQ(HttpStatus(wrong.error().kind), 401);
}

TEST_P(AccountsTest, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  for (int i = 0; i < Accounts::kMaxFailedLogins; ++i) {
    EXPECT_EQ(accounts_->Login("ana@example.test", "nope", "10.0.0.2", "r").error().code, "auth.invalid_credentials");
  }
  auto locked = accounts_->Login("ana@example.test", "correct horse battery", "10.0.0.2", "r");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, "auth.locked");
  EXPECT_EQ(HttpStatus(locked.error().kind), 429);
  // An administrator's password reset unlocks it.
  ASSERT_TRUE(accounts_->SetPassword("ana@example.test", "another long secret", audit::Actor::System("t")).ok());
  EXPECT_TRUE(accounts_->Login("ana@example.test", "another long secret", "10.0.0.2", "r").ok());
}

TEST_P(AccountsTest, ManyFailuresFromOneAddressAreThrottled) {
  for (int i = 0; i < Accounts::kMaxFailuresPerAddress; ++i) {
    (void)accounts_->Login("user" + std::to_string(i) + "@example.test", "x", "10.9.9.9", "r");
  }
  auto throttled = accounts_->Login("ana@example.test", "correct horse battery", "10.9.9.9", "r");
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, "auth.throttled");
  EXPECT_TRUE(accounts_->Login("ana@example.test", "correct horse battery", "10.0.0.3", "r").ok());
}

TEST_P(AccountsTest, LogoutAndPasswordChangeEndSessions) {
  auto a = accounts_->Login("ana@example.test", "correct horse battery", "10.0.0.1", "r");
  auto b = accounts_->Login("ana@example.test", "correct horse battery", "10.0.0.1", "r");
  ASSERT_TRUE(accounts_->Logout(a->token, a->principal.Actor("r")).ok());
  EXPECT_FALSE(accounts_->Authenticate(a->token).ok());
  EXPECT_TRUE(accounts_->Authenticate(b->token).ok());
  ASSERT_TRUE(accounts_->SetPassword("ana@example.test", "a brand new secret", audit::Actor::System("t")).ok());
  EXPECT_FALSE(accounts_->Authenticate(b->token).ok());
}

TEST_P(AccountsTest, ApiTokensAuthenticateAndAreStoredHashed) {
  auto token = accounts_->CreateApiToken("ana@example.test", "integration", audit::Actor::System("t"));
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(token->starts_with("ck_"));
  auto principal = accounts_->AuthenticateApiToken(*token);
  ASSERT_TRUE(principal.ok());
  EXPECT_TRUE(principal->via_api_token);
  EXPECT_FALSE(accounts_->AuthenticateApiToken(*token + "x").ok());
  auto conn = fresh_->db->Acquire();
  auto rows = (*conn)->Query("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?", {*token});
  EXPECT_EQ(rows->front().Int(0), 0);
}

TEST_P(AccountsTest, AddUserValidatesAndRefusesDuplicates) {
  auto bad = accounts_->AddUser({"nobody", "", Role::kClientUser, "short", {}, std::nullopt}, audit::Actor::System("t"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 4u);
  auto dup = accounts_->AddUser({"ANA@example.test", "Ana", Role::kAdmin, "long enough pass", {}, std::nullopt},
                                audit::Actor::System("t"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, "user.email_taken");
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

TEST(Password, Argon2idHashesVerifyAndUsePhcFormat) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
}

}  // namespace
}  // namespace concord::auth
