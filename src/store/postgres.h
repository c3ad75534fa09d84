// PostgreSQL backend over libpq: text parameters and results, a pool of connections.
#pragma once

#include "store/db.h"

namespace concord::store {

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, Options options) : Database(std::move(url), options) {}
  Dialect dialect() const override { return Dialect::kPostgres; }

 protected:
  Result<std::unique_ptr<Connection>> Connect() override;
};

}  // namespace concord::store
