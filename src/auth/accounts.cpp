#include "auth/accounts.h"

#include <algorithm>
#include <cctype>

#include "auth/password.h"
#include "crypto/crypto.h"
#include "store/time.h"

namespace concord::auth {
namespace {

using store::FormatInstant;
using store::SysClock;

std::string NormaliseEmail(std::string email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.pop_back();
  email.erase(0, email.find_first_not_of(" \t"));
  std::transform(email.begin(), email.end(), email.begin(), [](unsigned char c) { return std::tolower(c); });
  return email;
}

Error InvalidCredentials() {
  return Error::Unauthorized("auth.invalid_credentials", "The email or password is not correct.");
}

// Verifying against a real hash of nothing keeps an unknown email as slow as a wrong password.
const std::string& DummyHash() {
  static const std::string hash = HashPassword("concord-timing-equaliser").value();
  return hash;
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"0020_auth", R"sql(
CREATE TABLE users (
  id {{pk}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  worker_id {{int}},
  failed_logins {{int}} NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled {{int}} NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE user_clients (
  user_id {{int}} NOT NULL REFERENCES users(id),
  client_id {{int}} NOT NULL,
  PRIMARY KEY (user_id, client_id)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{int}} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE TABLE api_tokens (
  id {{pk}},
  user_id {{int}} NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE login_failures (
  id {{pk}},
  address TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_address ON login_failures (address, at)
)sql"}};
}

Result<UserSummary> Accounts::AddUser(const NewUser& input, const audit::Actor& actor) {
  std::vector<FieldError> fields;
  const std::string email = NormaliseEmail(input.email);
  if (email.find('@') == std::string::npos) fields.push_back({"email", "user.email_invalid", "Enter an email address."});
  if (input.name.empty()) fields.push_back({"name", "user.name_required", "Enter a name."});
  if (input.role == Role::kClientUser && input.client_ids.empty()) {
    fields.push_back({"client_ids", "user.client_required", "A client user belongs to at least one client."});
  }
  if (input.role == Role::kWorker && !input.worker_id) {
    fields.push_back({"worker_id", "user.worker_required", "A worker user is bound to one worker record."});
  }
  if (auto strong = CheckPasswordStrength(input.password); !strong.ok()) fields.push_back(strong.error().fields.front());
  if (!fields.empty()) return Error::Invalid("user.invalid", "The user cannot be saved.", std::move(fields));
  const std::string hash = TRY(HashPassword(input.password));
  return db_.Transact<UserSummary>([&](store::Connection& c) -> Result<UserSummary> {
    const std::string now = store::NowText();
    auto inserted = c.Query(
        "INSERT INTO users (email, name, role, password_hash, worker_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {email, input.name, std::string(RoleName(input.role)), hash, store::Opt(input.worker_id), now, now});
    if (!inserted.ok()) {
      if (inserted.error().code == "store.unique_violation") {
        return Error::Invalid("user.email_taken", "A user with this email exists.",
                              {{"email", "user.email_taken", "Already in use."}});
      }
      return std::move(inserted).error();
    }
    UserSummary user{inserted->front().Int(0), email, input.name, input.role, input.client_ids, false};
    for (int64_t client : input.client_ids) {
      TRY(c.Execute("INSERT INTO user_clients (user_id, client_id) VALUES (?, ?)", {user.id, client}));
    }
    nlohmann::json after = {{"email", email}, {"name", input.name}, {"role", RoleName(input.role)},
                            {"client_ids", input.client_ids}};
    TRY(audit::Append(c, actor, {"user", std::to_string(user.id), std::nullopt, "create", nullptr, after}));
    return user;
  });
}

Status Accounts::SetPassword(const std::string& email, const std::string& password, const audit::Actor& actor) {
  TRY(CheckPasswordStrength(password));
  const std::string hash = TRY(HashPassword(password));
  return db_.TransactStatus([&](store::Connection& c) -> Status {
    auto row = TRY(c.QueryOne("SELECT id FROM users WHERE email = ?", {NormaliseEmail(email)}, "user.not_found"));
    const int64_t id = row.Int(0);
    TRY(c.Execute("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? "
                  "WHERE id = ?",
                  {hash, store::NowText(), id}));
    // A new password ends every open session of that user.
    TRY(c.Execute("DELETE FROM sessions WHERE user_id = ?", {id}));
    return audit::Append(c, actor, {"user", std::to_string(id), std::nullopt, "set_password", nullptr, nullptr});
  });
}

static UserSummary SummaryFromRow(const store::Row& row) {
  return {row.Int("id"), row.Text("email"), row.Text("name"), ParseRole(row.Text("role")).value_or(Role::kWorker),
          {}, row.Int("disabled") != 0};
}

Result<std::vector<UserSummary>> Accounts::ListUsers(std::optional<Role> role) {
  auto conn = TRY(db_.Acquire());
  std::string sql = "SELECT id, email, name, role, disabled FROM users";
  std::vector<store::Value> params;
  if (role) {
    sql += " WHERE role = ?";
    params.emplace_back(std::string(RoleName(*role)));
  }
  sql += " ORDER BY name, id";
  auto rows = TRY(conn->Query(sql, params));
  std::vector<UserSummary> out;
  for (const auto& row : rows) out.push_back(SummaryFromRow(row));
  return out;
}

Result<UserSummary> Accounts::FindUser(const std::string& email) {
  auto conn = TRY(db_.Acquire());
  auto row = TRY(conn->QueryOne("SELECT id, email, name, role, disabled FROM users WHERE email = ?",
                                {NormaliseEmail(email)}, "user.not_found"));
  return SummaryFromRow(row);
}

Result<Principal> Accounts::LoadPrincipal(store::Connection& c, int64_t user_id) {
  auto row = TRY(c.QueryOne("SELECT id, email, name, role, worker_id, disabled FROM users WHERE id = ?", {user_id},
                            "auth.unauthenticated"));
  if (row.Int("disabled")) return Error::Unauthorized("auth.disabled", "This account is disabled.");
  Principal p;
  p.user_id = row.Int("id");
  p.email = row.Text("email");
  p.name = row.Text("name");
  p.role = ParseRole(row.Text("role")).value_or(Role::kWorker);
  p.worker_id = row.OptInt("worker_id");
  auto clients = TRY(c.Query("SELECT client_id FROM user_clients WHERE user_id = ? ORDER BY client_id", {user_id}));
  for (const auto& client : clients) p.client_ids.push_back(client.Int(0));
  return p;
}

Result<Accounts::Session> Accounts::Login(const std::string& email_in, const std::string& password,
                                          const std::string& remote, const std::string& request_id) {
  const std::string email = NormaliseEmail(email_in);
  const auto now = SysClock::now();
  const std::string now_text = FormatInstant(now);
  const std::string window_start = FormatInstant(now - kLockout);

  // Read what we need, verify the password outside any transaction (argon2 takes tens of ms), then write.
  std::optional<store::Row> user;
  {
    auto conn = TRY(db_.Acquire());
    auto failures = TRY(conn->QueryOne("SELECT COUNT(*) FROM login_failures WHERE address = ? AND at > ?",
                                       {remote, window_start}));
    if (failures.Int(0) >= kMaxFailuresPerAddress) {
      return Error{ErrorKind::kTooManyRequests, "auth.throttled",
                   "Too many failed logins from your address. Try again in 15 minutes.", {}};
    }
    auto rows = TRY(conn->Query(
        "SELECT id, password_hash, failed_logins, locked_until, disabled FROM users WHERE email = ?", {email}));
    if (!rows.empty()) user = rows.front();
  }
  if (user && !user->Text("locked_until").empty() && user->Text("locked_until") > now_text) {
    return Error{ErrorKind::kTooManyRequests, "auth.locked",
                 "This account is locked after repeated failed logins until " + user->Text("locked_until") +
                     " (UTC). An administrator can reset the password to unlock it.",
                 {}};
  }
  const bool valid = user ? VerifyPassword(user->Text("password_hash"), password)
                          : (VerifyPassword(DummyHash(), password), false);
  if (!valid || (user && user->Int("disabled"))) {
    Status recorded = db_.TransactStatus([&](store::Connection& c) -> Status {
      TRY(c.Execute("INSERT INTO login_failures (address, at) VALUES (?, ?)", {remote, now_text}));
      if (!user) return {};
      const int64_t failed = user->Int("failed_logins") + 1;
      const bool lock = failed >= kMaxFailedLogins;
      TRY(c.Execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                    {lock ? int64_t{0} : failed, lock ? store::Value(FormatInstant(now + kLockout)) : store::Null(),
                     user->Int("id")}));
      return audit::Append(c, audit::Actor{std::nullopt, email, request_id},
                           {"user", std::to_string(user->Int("id")), std::nullopt, lock ? "locked" : "login_failed",
                            nullptr, {{"address", remote}}});
    });
    if (!recorded.ok()) return std::move(recorded).error();
    return InvalidCredentials();
  }
  const int64_t user_id = user->Int("id");
  Session session;
  session.token = crypto::RandomToken();
  return db_.Transact<Session>([&](store::Connection& c) -> Result<Session> {
    session.principal = TRY(LoadPrincipal(c, user_id));
    session.principal.csrf_token = crypto::RandomToken();
    TRY(c.Execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                  {crypto::Sha256Hex(session.token), user_id, session.principal.csrf_token, now_text,
                   FormatInstant(now + kSessionLifetime)}));
    TRY(c.Execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", {user_id}));
    TRY(c.Execute("DELETE FROM sessions WHERE expires_at < ?", {now_text}));
    TRY(audit::Append(c, session.principal.Actor(request_id),
                      {"user", std::to_string(user_id), std::nullopt, "login", nullptr, {{"address", remote}}}));
    return session;
  });
}

Status Accounts::Logout(const std::string& token, const audit::Actor& actor) {
  return db_.TransactStatus([&](store::Connection& c) -> Status {
    const int64_t removed = TRY(c.Execute("DELETE FROM sessions WHERE token_hash = ?", {crypto::Sha256Hex(token)}));
    if (removed == 0 || !actor.user_id) return {};
    return audit::Append(c, actor, {"user", std::to_string(*actor.user_id), std::nullopt, "logout", nullptr, nullptr});
  });
}

Result<Principal> Accounts::Authenticate(const std::string& token) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(conn->Query("SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?",
                              {crypto::Sha256Hex(token)}));
  if (rows.empty() || rows.front().Text(2) < store::NowText()) {
    return Error::Unauthorized("auth.unauthenticated", "Log in to continue.");
  }
  Principal p = TRY(LoadPrincipal(*conn, rows.front().Int(0)));
  p.csrf_token = rows.front().Text(1);
  return p;
}

Result<std::string> Accounts::CreateApiToken(const std::string& email, const std::string& name,
                                             const audit::Actor& actor) {
  const std::string token = "ck_" + crypto::RandomToken();
  return db_.Transact<std::string>([&](store::Connection& c) -> Result<std::string> {
    auto user = TRY(c.QueryOne("SELECT id FROM users WHERE email = ?", {NormaliseEmail(email)}, "user.not_found"));
    auto row = TRY(c.QueryOne(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        {user.Int(0), name, crypto::Sha256Hex(token), store::NowText()}));
    TRY(audit::Append(c, actor, {"api_token", std::to_string(row.Int(0)), std::nullopt, "create", nullptr,
                                 {{"user_id", user.Int(0)}, {"name", name}}}));
    return token;
  });
}

Result<Principal> Accounts::AuthenticateApiToken(const std::string& token) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(conn->Query("SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                              {crypto::Sha256Hex(token)}));
  if (rows.empty()) return Error::Unauthorized("auth.unauthenticated", "The API token is not valid.");
  Principal p = TRY(LoadPrincipal(*conn, rows.front().Int(0)));
  p.via_api_token = true;
  return p;
}

}  // namespace concord::auth
