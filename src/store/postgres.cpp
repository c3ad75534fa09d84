#include "store/postgres.h"

#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

namespace concord::store {
namespace {

Error PgError(PGresult* result, PGconn* conn, std::string_view sql) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (state) {
    if (std::strcmp(state, "23505") == 0) return Error::Conflict("store.unique_violation", message);
    if (std::strcmp(state, "23503") == 0) return Error::Conflict("store.foreign_key_violation", message);
    if (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0) {
      return {ErrorKind::kUnavailable, "store.serialization", message, {}};
    }
  }
  return Error::Internal("store.postgres", message + " in: " + std::string(sql.substr(0, 200)));
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    auto result = TRY(Run(sql, params));
    Rows rows;
    const int n = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    if (n == 0) return rows;
    auto names = std::make_shared<std::vector<std::string>>();
    for (int c = 0; c < columns; ++c) names->emplace_back(PQfname(result.get(), c));
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          cells.emplace_back(std::nullopt);
        } else {
          cells.emplace_back(std::string(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
        }
      }
      rows.emplace_back(std::move(cells), names);
    }
    return rows;
  }

  Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params) override {
    auto result = TRY(Run(sql, params));
    const char* tuples = PQcmdTuples(result.get());
    return static_cast<int64_t>(tuples && *tuples ? std::atoll(tuples) : 0);
  }

  Status ExecuteScript(std::string_view sql) override {
    std::string text(sql);
    PgResult result(PQexec(conn_, text.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return PgError(result.get(), conn_, sql);
    return {};
  }

  Status Begin() override { return ExecuteScript("BEGIN"); }
  Status Commit() override { return ExecuteScript("COMMIT"); }
  Status Rollback() override { return ExecuteScript("ROLLBACK"); }

 private:
  // Prepares each distinct statement once per connection (named s1, s2, ...), then executes it.
  Result<PgResult> Run(std::string_view sql, const std::vector<Value>& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s";
      name += std::to_string(prepared_.size() + 1);
      std::string numbered = NumberPlaceholders(sql);
      PgResult prep(PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr));
      if (PQresultStatus(prep.get()) != PGRES_COMMAND_OK) return PgError(prep.get(), conn_, sql);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<int64_t>(&params[i])) {
        storage[i] = std::to_string(*n);
        values[i] = storage[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    PgResult result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                   nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return PgError(result.get(), conn_, sql);
    return result;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

Result<std::unique_ptr<Connection>> PostgresDatabase::Connect() {
  PGconn* conn = PQconnectdb(url().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return Error{ErrorKind::kUnavailable, "store.open", "Cannot connect to PostgreSQL: " + message, {}};
  }
  PgResult quiet(PQexec(conn, "SET client_min_messages TO warning"));
  return std::unique_ptr<Connection>(std::make_unique<PostgresConnection>(conn));
}

}  // namespace concord::store
