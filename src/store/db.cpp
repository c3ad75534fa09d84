#include "store/db.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "store/postgres.h"
#include "store/sqlite.h"

namespace concord::store {

const std::string& Row::Text(int i) const {
  static const std::string kEmpty;
  const auto& cell = cells_.at(i);
  return cell ? *cell : kEmpty;
}

int64_t Row::Int(int i) const {
  const auto& cell = cells_.at(i);
  return cell && !cell->empty() ? std::stoll(*cell) : 0;
}

std::optional<int64_t> Row::OptInt(int i) const {
  const auto& cell = cells_.at(i);
  if (!cell || cell->empty()) return std::nullopt;
  return std::stoll(*cell);
}

int Row::Index(std::string_view name) const {
  for (size_t i = 0; i < names_->size(); ++i) {
    if ((*names_)[i] == name) return static_cast<int>(i);
  }
  throw std::out_of_range("no column " + std::string(name));
}

Result<Row> Connection::QueryOne(std::string_view sql, const std::vector<Value>& params, std::string code) {
  auto rows = TRY(Query(sql, params));
  if (rows.empty()) return Error::NotFound(std::move(code), "Not found.");
  return std::move(rows.front());
}

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::deque<std::unique_ptr<Connection>> idle;
  int open = 0;
};

PooledConnection::~PooledConnection() {
  if (conn_ && db_) db_->Release(std::move(conn_));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, Options options) {
  std::unique_ptr<Database> db;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    db = std::make_unique<PostgresDatabase>(url, options);
  } else {
    db = std::make_unique<SqliteDatabase>(url, options);
  }
  db->pool_ = std::make_shared<Pool>();
  // Connect once now so a wrong URL or path fails at startup, not on the first request.
  auto first = TRY(db->Connect());
  db->pool_->idle.push_back(std::move(first));
  db->pool_->open = 1;
  return db;
}

Result<PooledConnection> Database::Acquire() {
  std::unique_lock lock(pool_->mutex);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto conn = std::move(pool_->idle.front());
      pool_->idle.pop_front();
      return PooledConnection(this, std::move(conn));
    }
    if (pool_->open < options_.pool_size) {
      ++pool_->open;
      lock.unlock();
      auto conn = Connect();
      if (!conn.ok()) {
        std::lock_guard again(pool_->mutex);
        --pool_->open;
        return std::move(conn).error();
      }
      return PooledConnection(this, std::move(conn).value());
    }
    pool_->available.wait(lock);
  }
}

void Database::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(pool_->mutex);
  pool_->idle.push_back(std::move(conn));
  pool_->available.notify_one();
}

Status Database::TransactStatus(const std::function<Status(Connection&)>& work) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    auto conn = TRY(Acquire());
    Status status = conn->Begin();
    if (status.ok()) {
      status = work(*conn);
      if (status.ok()) {
        status = conn->Commit();
        if (status.ok()) return {};
      }
      (void)conn->Rollback();
    }
    const bool retryable = status.error().code == "store.busy" || status.error().code == "store.serialization";
    if (!retryable || attempt == kAttempts) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
  }
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace concord::store
