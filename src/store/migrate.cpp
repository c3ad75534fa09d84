#include "store/migrate.h"

#include <algorithm>
#include <set>

#include "store/time.h"

namespace concord::store {
namespace {

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

constexpr int64_t kMigrationLockKey = 0x636f6e636f7264;  // "concord"

// Keeps the {{sqlite}}…{{/sqlite}} and {{pg}}…{{/pg}} sections of the connection's own dialect and drops
// the other's: for the rare change the two spell differently (adding a foreign key to an existing table).
void KeepDialectSections(std::string& sql, bool pg) {
  for (const auto& [tag, keep] : {std::pair<std::string, bool>{"sqlite", !pg}, std::pair<std::string, bool>{"pg", pg}}) {
    const std::string open = "{{" + tag + "}}", close = "{{/" + tag + "}}";
    for (size_t at; (at = sql.find(open)) != std::string::npos;) {
      const size_t end = sql.find(close, at);
      if (end == std::string::npos) break;  // unbalanced: left for the database to reject
      if (keep) {
        sql.erase(end, close.size());
        sql.erase(at, open.size());
      } else {
        sql.erase(at, end + close.size() - at);
      }
    }
  }
}

}  // namespace

std::string Dialectize(std::string_view sql, Dialect dialect) {
  std::string out(sql);
  const bool pg = dialect == Dialect::kPostgres;
  KeepDialectSections(out, pg);
  ReplaceAll(out, "{{pk}}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  ReplaceAll(out, "{{int}}", pg ? "BIGINT" : "INTEGER");
  return out;
}

Result<std::vector<std::string>> Migrate(Database& db, std::vector<Migration> migrations) {
  std::sort(migrations.begin(), migrations.end(), [](auto& a, auto& b) { return a.id < b.id; });
  auto conn = TRY(db.Acquire());
  const bool pg = conn->is_postgres();
  if (pg) TRY(conn->Execute("SELECT pg_advisory_lock(?)", {kMigrationLockKey}));
  std::vector<std::string> applied_now;
  Status status = [&]() -> Status {
    TRY(conn->ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"));
    for (const auto& migration : migrations) {
      TRY(conn->Begin());
      Status step = [&]() -> Status {
        auto done = TRY(conn->Query("SELECT id FROM schema_migrations WHERE id = ?", {migration.id}));
        if (!done.empty()) return {};
        TRY(conn->ExecuteScript(Dialectize(migration.sql, conn->dialect())));
        TRY(conn->Execute("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)",
                          {migration.id, NowText()}));
        applied_now.push_back(migration.id);
        return {};
      }();
      if (!step.ok()) {
        (void)conn->Rollback();
        Error error = std::move(step).error();
        error.message = "Migration " + migration.id + " failed: " + error.message;
        return error;
      }
      TRY(conn->Commit());
    }
    return {};
  }();
  if (pg) (void)conn->Execute("SELECT pg_advisory_unlock(?)", {kMigrationLockKey});
  if (!status.ok()) return std::move(status).error();
  return applied_now;
}

}  // namespace concord::store
