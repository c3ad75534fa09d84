// A durable job queue in the database. Long work (exports, imports, reconciliations) is enqueued
// and run by the workers of any `concord serve` instance; progress (done/total/message) is stored so the
// API and the UI can show a progress bar. On PostgreSQL a job is claimed with FOR UPDATE SKIP LOCKED,
// so two instances never run the same job; on SQLite the write lock does the same.
// Failed attempts are retried with exponential backoff (10 s, 20 s, 40 s, ...) up to max_attempts.
// Files a job produces are kept in the files table and downloaded through the job's result.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::jobs {

std::vector<store::Migration> Migrations();

struct Job {
  int64_t id = 0;
  std::string kind;
  std::string state;  // queued, running, succeeded, failed
  nlohmann::json payload;
  nlohmann::json result;
  int64_t done = 0;
  int64_t total = 0;
  std::string message;
  int attempts = 0;
  int max_attempts = 3;
  std::optional<int64_t> created_by;
  std::optional<int64_t> client_id;  // the tenant whose data it touches, for scoped reads
  std::optional<int64_t> file_id;    // the file it produced
  std::string created_at;
  std::string updated_at;
  nlohmann::json ToJson() const;
};

struct NewJob {
  std::string kind;
  nlohmann::json payload = nlohmann::json::object();
  std::optional<int64_t> created_by;
  std::optional<int64_t> client_id;
  int max_attempts = 3;
};

// Enqueues inside the caller's transaction (so a job exists only if the write that asked for it does).
Result<int64_t> Enqueue(store::Connection& conn, const NewJob& job);
Result<Job> Get(store::Connection& conn, int64_t id);
// Counts by state, for /metrics.
Result<std::map<std::string, int64_t>> CountByState(store::Connection& conn);

// A stored file (job results now; documents later).
struct File {
  int64_t id = 0;
  std::string name;
  std::string content_type;
  std::string content;  // bytes
  std::optional<int64_t> created_by;
  std::optional<int64_t> client_id;
};
Result<int64_t> SaveFile(store::Connection& conn, const File& file);
Result<File> LoadFile(store::Connection& conn, int64_t id);

// Progress reported by a running job; writes are rate-limited to a few per second.
class Progress {
 public:
  virtual ~Progress() = default;
  virtual void Update(int64_t done, int64_t total, const std::string& message) = 0;
};

// What a handler returns: a JSON result and optionally a file to attach.
struct Outcome {
  nlohmann::json result = nlohmann::json::object();
  std::optional<File> file;
};
using Handler = std::function<Result<Outcome>(const Job& job, Progress& progress)>;

class Registry {
 public:
  void Register(const std::string& kind, Handler handler) { handlers_[kind] = std::move(handler); }
  const Handler* Find(const std::string& kind) const {
    auto it = handlers_.find(kind);
    return it == handlers_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, Handler> handlers_;
};

// Claims the oldest due job, runs it, and records the outcome. Returns false when nothing was due.
Result<bool> RunOne(store::Database& db, const Registry& registry, const std::string& worker_name);

// A job still "running" whose worker stopped updating it for `stale` is returned to the queue
// (its instance died); returns how many.
Result<int64_t> RequeueStale(store::Database& db, std::chrono::seconds stale);

}  // namespace concord::jobs
