// The store: one small interface over SQLite (embedded default) and PostgreSQL (shared, scale-out).
// SQL is written once with `?` placeholders; the PostgreSQL backend numbers them ($1, $2, ...).
// Values cross the boundary as text or integers; NULL is std::monostate. Every error from the
// databases becomes an Error: unique violations are kConflict ("store.unique_violation"), the rest
// kInternal, so callers never see a driver exception.
//
// Thread safety: Database is safe to share; a Connection is used by one thread at a time (Acquire one
// from the pool per unit of work).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace concord::store {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::monostate, int64_t, std::string>;

inline Value Null() { return std::monostate{}; }
inline Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Null(); }
inline Value Opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Null(); }

class Row {
 public:
  Row(std::vector<std::optional<std::string>> cells, std::shared_ptr<const std::vector<std::string>> names)
      : cells_(std::move(cells)), names_(std::move(names)) {}
  bool IsNull(int i) const { return !cells_.at(i).has_value(); }
  // Text of a column; "" when NULL.
  const std::string& Text(int i) const;
  std::optional<std::string> OptText(int i) const { return cells_.at(i); }
  int64_t Int(int i) const;  // 0 when NULL
  std::optional<int64_t> OptInt(int i) const;
  bool Bool(int i) const { return Int(i) != 0; }
  // By column name (linear search over the few columns of a row).
  int Index(std::string_view name) const;
  const std::string& Text(std::string_view name) const { return Text(Index(name)); }
  int64_t Int(std::string_view name) const { return Int(Index(name)); }
  std::optional<std::string> OptText(std::string_view name) const { return OptText(Index(name)); }
  std::optional<int64_t> OptInt(std::string_view name) const { return OptInt(Index(name)); }
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
  std::shared_ptr<const std::vector<std::string>> names_;
};

using Rows = std::vector<Row>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement and returns its rows (empty for statements without RETURNING).
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs several statements separated by semicolons, without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  // Begins a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Convenience: the first row, or a kNotFound error with `code`.
  Result<Row> QueryOne(std::string_view sql, const std::vector<Value>& params, std::string code = "store.not_found");
  bool is_postgres() const { return dialect() == Dialect::kPostgres; }
};

class Database;

// A connection borrowed from the pool, returned when destroyed.
class PooledConnection {
 public:
  PooledConnection(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  PooledConnection(PooledConnection&&) = default;
  PooledConnection& operator=(PooledConnection&&) = default;
  ~PooledConnection();
  Connection* operator->() { return conn_.get(); }
  Connection& operator*() { return *conn_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

struct Options {
  int pool_size = 8;
  int busy_timeout_ms = 10000;  // SQLite: wait this long for a lock before failing
};

class Database {
 public:
  // `url`: a file path (SQLite; created if missing) or "postgresql://..." / "postgres://..." (PostgreSQL).
  static Result<std::unique_ptr<Database>> Open(const std::string& url, Options options = {});
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  const std::string& url() const { return url_; }

  // Borrows a connection; blocks while all pool_size connections are in use.
  Result<PooledConnection> Acquire();

  // Runs `work` in one write transaction: commits when it returns ok, rolls back otherwise.
  // SQLite "database is locked" and PostgreSQL serialization failures are retried a few times.
  template <class T>
  Result<T> Transact(const std::function<Result<T>(Connection&)>& work);
  Status TransactStatus(const std::function<Status(Connection&)>& work);

 protected:
  explicit Database(std::string url, Options options) : url_(std::move(url)), options_(options) {}
  virtual Result<std::unique_ptr<Connection>> Connect() = 0;

 private:
  friend class PooledConnection;
  void Release(std::unique_ptr<Connection> conn);
  struct Pool;
  std::string url_;
  Options options_;
  std::shared_ptr<Pool> pool_;
};

template <class T>
Result<T> Database::Transact(const std::function<Result<T>(Connection&)>& work) {
  std::optional<T> out;
  Status status = TransactStatus([&](Connection& c) -> Status {
    auto r = work(c);
    if (!r.ok()) return std::move(r).error();
    out.emplace(std::move(r).value());
    return {};
  });
  if (!status.ok()) return std::move(status).error();
  return std::move(*out);
}

// Translates `?` placeholders to `$1..$n` outside quoted strings (PostgreSQL).
std::string NumberPlaceholders(std::string_view sql);

}  // namespace concord::store
