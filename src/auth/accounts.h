// Users, login sessions and API tokens, kept in the database so any number of `concord serve`
// instances share them.
//
// Login throttling: five consecutive wrong passwords lock an account for 15 minutes; twenty failures
// from one address within 15 minutes refuse further attempts from it for the rest of that window
// (OWASP Authentication Cheat Sheet, "Account Lockout"). Unknown emails and wrong passwords get the
// same answer and take the same time, so logins cannot be used to discover accounts.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::auth {

std::vector<store::Migration> Migrations();

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::kCoordinator;
  std::string password;
  std::vector<int64_t> client_ids;     // required for client_user
  std::optional<int64_t> worker_id;    // required for worker
};

struct UserSummary {
  int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::kCoordinator;
  std::vector<int64_t> client_ids;
  bool disabled = false;
};

class Accounts {
 public:
  explicit Accounts(store::Database& db) : db_(db) {}

  Result<UserSummary> AddUser(const NewUser& user, const audit::Actor& actor);
  Status SetPassword(const std::string& email, const std::string& password, const audit::Actor& actor);
  Result<std::vector<UserSummary>> ListUsers(std::optional<Role> role);
  Result<UserSummary> FindUser(const std::string& email);

  struct Session {
    std::string token;  // goes into the cookie; only its hash is stored
    Principal principal;
  };
  // Checks the password and opens a session. Errors: auth.invalid_credentials (401),
  // auth.locked / auth.throttled (429).
  Result<Session> Login(const std::string& email, const std::string& password, const std::string& remote,
                        const std::string& request_id);
  Status Logout(const std::string& token, const audit::Actor& actor);
  // The principal of a live session, or auth.unauthenticated.
  Result<Principal> Authenticate(const std::string& session_token);

  // Creates an API token for a user; the plain token is returned once and stored hashed.
  Result<std::string> CreateApiToken(const std::string& email, const std::string& name, const audit::Actor& actor);
  Result<Principal> AuthenticateApiToken(const std::string& token);

  static constexpr std::chrono::hours kSessionLifetime{12};
  static constexpr int kMaxFailedLogins = 5;
  static constexpr std::chrono::minutes kLockout{15};
  static constexpr int kMaxFailuresPerAddress = 20;

 private:
  Result<Principal> LoadPrincipal(store::Connection& conn, int64_t user_id);
  store::Database& db_;
};

}  // namespace concord::auth
