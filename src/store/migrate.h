// Versioned schema migrations, written once for both dialects. Each module contributes its own list;
// `concord migrate` and `concord serve` apply the pending ones in id order, each in its own transaction,
// and record them in schema_migrations. Several instances starting at once are safe (PostgreSQL advisory
// lock; SQLite's write lock).
//
// Dialect tokens in the SQL: {{pk}} an auto-increment integer primary key; {{int}} a 64-bit integer;
// {{now}} the current UTC time as ISO-8601 text. Instants are stored as ISO-8601 UTC text in both
// dialects ("2026-11-22T03:58:00Z"): sortable, exact, and the same on both.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace concord::store {

struct Migration {
  std::string id;   // "0001_auth": sorted as text, so zero-pad
  std::string sql;  // statements separated by semicolons
};

std::string Dialectize(std::string_view sql, Dialect dialect);

// Applies every migration not yet recorded. Returns the ids applied now.
Result<std::vector<std::string>> Migrate(Database& db, std::vector<Migration> migrations);

}  // namespace concord::store
