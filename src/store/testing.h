// Test support: the databases every integration test runs on. SQLite always; PostgreSQL when
// CONCORD_TEST_PG_URL names a server (scripts/test starts a throwaway one). Under CI=true a missing
// PostgreSQL is a failure (see store_test's PostgresIsAvailableInCi), never a silent skip.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/db.h"

namespace concord::store::testing {

// "sqlite" and, when configured, "postgres".
std::vector<std::string> Backends();

// A fresh, empty database of that backend: a new SQLite file in a temp dir, or a new PostgreSQL schema.
// Dropped/removed when the returned handle dies.
struct FreshDatabase {
  std::unique_ptr<Database> db;
  std::string url;
  std::function<void()> cleanup;
  ~FreshDatabase() {
    db.reset();
    if (cleanup) cleanup();
  }
};
std::unique_ptr<FreshDatabase> MakeFreshDatabase(const std::string& backend);

}  // namespace concord::store::testing
