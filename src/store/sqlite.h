// SQLite backend: WAL journal, foreign keys on, a busy timeout, one connection per pooled slot.
#pragma once

#include "store/db.h"

namespace concord::store {

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, Options options) : Database(std::move(path), options) {}
  Dialect dialect() const override { return Dialect::kSqlite; }

 protected:
  Result<std::unique_ptr<Connection>> Connect() override;
};

}  // namespace concord::store
