#include "jobs/jobs.h"

#include <algorithm>

#include "crypto/crypto.h"
#include "store/time.h"

namespace concord::jobs {
namespace {

using store::FormatInstant;
using store::SysClock;

constexpr const char* kColumns =
    "id, kind, state, payload, result, done, total, message, attempts, max_attempts, created_by, client_id, file_id, "
    "created_at, updated_at";

Job FromRow(const store::Row& row) {
  Job job;
  job.id = row.Int("id");
  job.kind = row.Text("kind");
  job.state = row.Text("state");
  job.payload = nlohmann::json::parse(row.Text("payload"), nullptr, false);
  const auto& result = row.Text("result");
  job.result = result.empty() ? nlohmann::json() : nlohmann::json::parse(result, nullptr, false);
  job.done = row.Int("done");
  job.total = row.Int("total");
  job.message = row.Text("message");
  job.attempts = static_cast<int>(row.Int("attempts"));
  job.max_attempts = static_cast<int>(row.Int("max_attempts"));
  job.created_by = row.OptInt("created_by");
  job.client_id = row.OptInt("client_id");
  job.file_id = row.OptInt("file_id");
  job.created_at = row.Text("created_at");
  job.updated_at = row.Text("updated_at");
  return job;
}

class StoredProgress final : public Progress {
 public:
  StoredProgress(store::Database& db, int64_t id) : db_(db), id_(id) {}
  void Update(int64_t done, int64_t total, const std::string& message) override {
    const auto now = SysClock::now();
    if (now - last_ < std::chrono::milliseconds(250) && done < total) return;
    last_ = now;
    auto conn = db_.Acquire();
    if (!conn.ok()) return;
    (void)(*conn)->Execute("UPDATE jobs SET done = ?, total = ?, message = ?, updated_at = ? WHERE id = ?",
                           {done, total, message, FormatInstant(now), id_});
  }

 private:
  store::Database& db_;
  int64_t id_;
  SysClock::time_point last_{};
};

}  // namespace

nlohmann::json Job::ToJson() const {
  nlohmann::json out = {{"id", id},       {"kind", kind},     {"state", state},           {"done", done},
                        {"total", total}, {"message", message}, {"attempts", attempts},     {"result", result},
                        {"created_at", created_at}, {"updated_at", updated_at}};
  out["result_url"] = file_id ? nlohmann::json("/api/v1/jobs/" + std::to_string(id) + "/result") : nlohmann::json();
  return out;
}

std::vector<store::Migration> Migrations() {
  return {{"0030_jobs", R"sql(
CREATE TABLE files (
  id {{pk}},
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  content_hex TEXT NOT NULL,
  created_by {{int}},
  client_id {{int}},
  created_at TEXT NOT NULL
);
CREATE TABLE jobs (
  id {{pk}},
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  payload TEXT NOT NULL,
  result TEXT,
  done {{int}} NOT NULL DEFAULT 0,
  total {{int}} NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  attempts {{int}} NOT NULL DEFAULT 0,
  max_attempts {{int}} NOT NULL DEFAULT 3,
  run_at TEXT NOT NULL,
  locked_by TEXT,
  created_by {{int}},
  client_id {{int}},
  file_id {{int}} REFERENCES files(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (state, run_at, id);
CREATE TABLE schedules (
  name TEXT PRIMARY KEY,
  cron TEXT NOT NULL,
  job_kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  next_run_at TEXT NOT NULL,
  last_run_at TEXT,
  enabled {{int}} NOT NULL DEFAULT 1
)
)sql"}};
}

Result<int64_t> Enqueue(store::Connection& conn, const NewJob& job) {
  const std::string now = store::NowText();
  auto row = TRY(conn.QueryOne(
      "INSERT INTO jobs (kind, state, payload, max_attempts, run_at, created_by, client_id, created_at, updated_at) "
      "VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {job.kind, job.payload.dump(), int64_t{job.max_attempts}, now, store::Opt(job.created_by),
       store::Opt(job.client_id), now, now}));
  return row.Int(0);
}

Result<Job> Get(store::Connection& conn, int64_t id) {
  auto row = TRY(conn.QueryOne(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?", {id}, "job.not_found"));
  return FromRow(row);
}

Result<std::map<std::string, int64_t>> CountByState(store::Connection& conn) {
  auto rows = TRY(conn.Query("SELECT state, COUNT(*) FROM jobs GROUP BY state"));
  std::map<std::string, int64_t> out{{"queued", 0}, {"running", 0}, {"succeeded", 0}, {"failed", 0}};
  for (const auto& row : rows) out[row.Text(0)] = row.Int(1);
  return out;
}

// Bytes are stored as hex text: the same column type on both databases, and files here are reports of
// at most a few megabytes.
static std::string ToHex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 15];
  }
  return out;
}

static std::string FromHex(const std::string& hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return out;
}

Result<int64_t> SaveFile(store::Connection& conn, const File& file) {
  auto row = TRY(conn.QueryOne(
      "INSERT INTO files (name, content_type, size, sha256, content_hex, created_by, client_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {file.name, file.content_type, static_cast<int64_t>(file.content.size()), crypto::Sha256Hex(file.content),
       ToHex(file.content), store::Opt(file.created_by), store::Opt(file.client_id), store::NowText()}));
  return row.Int(0);
}

Result<File> LoadFile(store::Connection& conn, int64_t id) {
  auto row = TRY(conn.QueryOne(
      "SELECT id, name, content_type, content_hex, created_by, client_id FROM files WHERE id = ?", {id},
      "file.not_found"));
  return File{row.Int(0), row.Text(1), row.Text(2), FromHex(row.Text(3)), row.OptInt(4), row.OptInt(5)};
}

static Result<std::optional<Job>> Claim(store::Database& db, const std::string& worker) {
  return db.Transact<std::optional<Job>>([&](store::Connection& c) -> Result<std::optional<Job>> {
    const std::string now = store::NowText();
    const char* pick = c.is_postgres()
                           ? "SELECT id FROM jobs WHERE state = 'queued' AND run_at <= ? ORDER BY run_at, id "
                             "LIMIT 1 FOR UPDATE SKIP LOCKED"
                           : "SELECT id FROM jobs WHERE state = 'queued' AND run_at <= ? ORDER BY run_at, id LIMIT 1";
    auto rows = TRY(c.Query(pick, {now}));
    if (rows.empty()) return std::optional<Job>();
    const int64_t id = rows.front().Int(0);
    TRY(c.Execute("UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ?, updated_at = ? "
                  "WHERE id = ?",
                  {worker, now, id}));
    return std::optional<Job>(TRY(Get(c, id)));
  });
}

Result<bool> RunOne(store::Database& db, const Registry& registry, const std::string& worker_name) {
  auto claimed = TRY(Claim(db, worker_name));
  if (!claimed) return false;
  const Job& job = *claimed;
  StoredProgress progress(db, job.id);
  const Handler* handler = registry.Find(job.kind);
  Result<Outcome> outcome = handler ? (*handler)(job, progress)
                                    : Result<Outcome>(Error::Internal("job.unknown_kind", "No handler for " + job.kind));
  Status saved = db.TransactStatus([&](store::Connection& c) -> Status {
    const auto now = SysClock::now();
    const audit::Actor actor = audit::Actor::System("job:" + std::to_string(job.id));
    if (outcome.ok()) {
      std::optional<int64_t> file_id;
      if (outcome->file) {
        File file = *outcome->file;
        file.created_by = job.created_by;
        file.client_id = job.client_id;
        file_id = TRY(SaveFile(c, file));
      }
      TRY(c.Execute("UPDATE jobs SET state = 'succeeded', result = ?, file_id = ?, done = total, locked_by = NULL, "
                    "message = CASE WHEN message = '' THEN 'Done' ELSE message END, updated_at = ? WHERE id = ?",
                    {outcome->result.dump(), store::Opt(file_id), FormatInstant(now), job.id}));
      return audit::Append(c, actor, {"job", std::to_string(job.id), job.client_id, "succeeded", nullptr,
                                      {{"kind", job.kind}, {"result", outcome->result}}});
    }
    const bool retry = job.attempts < job.max_attempts;
    const auto backoff = std::chrono::seconds(10) * (1 << std::min(job.attempts - 1, 10));
    TRY(c.Execute("UPDATE jobs SET state = ?, message = ?, run_at = ?, locked_by = NULL, updated_at = ? WHERE id = ?",
                  {std::string(retry ? "queued" : "failed"), outcome.error().message, FormatInstant(now + backoff),
                   FormatInstant(now), job.id}));
    return audit::Append(c, actor, {"job", std::to_string(job.id), job.client_id, retry ? "retry" : "failed", nullptr,
                                    {{"kind", job.kind}, {"error", outcome.error().message}}});
  });
  if (!saved.ok()) return std::move(saved).error();
  return true;
}

Result<int64_t> RequeueStale(store::Database& db, std::chrono::seconds stale) {
  return db.Transact<int64_t>([&](store::Connection& c) -> Result<int64_t> {
    const auto now = SysClock::now();
    return c.Execute("UPDATE jobs SET state = 'queued', locked_by = NULL, updated_at = ? "
                     "WHERE state = 'running' AND updated_at < ?",
                     {FormatInstant(now), FormatInstant(now - stale)});
  });
}

}  // namespace concord::jobs
