#include "jobs/schedules.h"

#include "jobs/cron.h"
#include "jobs/jobs.h"
#include "store/time.h"

namespace concord::jobs {

Status PutSchedule(store::Connection& conn, const std::string& name, const std::string& cron_text,
                   const std::string& job_kind, const nlohmann::json& payload, std::chrono::sys_seconds now) {
  const Cron cron = TRY(Cron::Parse(cron_text));
  const std::string next = store::FormatInstant(cron.Next(now));
  auto existing = TRY(conn.Query("SELECT cron FROM schedules WHERE name = ?", {name}));
  if (existing.empty()) {
    TRY(conn.Execute("INSERT INTO schedules (name, cron, job_kind, payload, next_run_at) VALUES (?, ?, ?, ?, ?)",
                     {name, cron_text, job_kind, payload.dump(), next}));
  } else if (existing.front().Text(0) != cron_text) {
    TRY(conn.Execute("UPDATE schedules SET cron = ?, job_kind = ?, payload = ?, next_run_at = ? WHERE name = ?",
                     {cron_text, job_kind, payload.dump(), next, name}));
  }
  return {};
}

Status RemoveSchedule(store::Connection& conn, const std::string& name) {
  TRY(conn.Execute("DELETE FROM schedules WHERE name = ?", {name}));
  return {};
}

Result<int> FireDueSchedules(store::Database& db, std::chrono::sys_seconds now) {
  const std::string now_text = store::FormatInstant(now);
  store::Rows due;
  {
    auto conn = TRY(db.Acquire());
    due = TRY(conn->Query(
        "SELECT name, cron, job_kind, payload, next_run_at FROM schedules WHERE enabled = 1 AND next_run_at <= ?",
        {now_text}));
  }
  int fired = 0;
  for (const auto& row : due) {
    auto cron = Cron::Parse(row.Text("cron"));
    if (!cron.ok()) continue;
    Status status = db.TransactStatus([&](store::Connection& c) -> Status {
      const int64_t won = TRY(c.Execute(
          "UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE name = ? AND next_run_at = ?",
          {store::FormatInstant(cron->Next(now)), now_text, row.Text("name"), row.Text("next_run_at")}));
      if (won == 0) return {};  // another instance fired it
      NewJob job{row.Text("job_kind"), nlohmann::json::parse(row.Text("payload"), nullptr, false)};
      job.payload["schedule"] = row.Text("name");
      TRY(Enqueue(c, job));
      ++fired;
      return {};
    });
    if (!status.ok()) return std::move(status).error();
  }
  return fired;
}

}  // namespace concord::jobs
