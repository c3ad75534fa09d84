// Reconciliation work's use cases: each runs in one transaction, applies the rules, saves, and appends
// the audit event. The caller's principal gives the scope (which clients) and the actor; permissions are
// checked by the api layer before a use case is called.
//
// A run is a job ("reconciliation.run"): it reads the two inputs, runs the engine, and in one
// transaction stores the counts and turns the exceptions into items. Items are identified per spec by
// (kind, key): a rerun links the items still reported to the newest run (never a second open item for
// the same difference) and resolves those no longer reported ("no longer differs in run N").
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "auth/principal.h"
#include "io/table.h"
#include "jobs/jobs.h"
#include "reconciliation/work_store.h"

namespace concord::reconciliation {

inline constexpr const char* kRunJob = "reconciliation.run";

struct UploadedFile {
  int64_t id = 0;
  std::string name;
  int64_t size = 0;
  std::string sha256;
};

struct ScheduleInput {
  std::string cron;       // five fields, UTC ("0 6 * * 1": Mondays 06:00)
  std::string left_path;  // absolute paths on the server, read when the schedule fires
  std::string right_path;
};

class ReconciliationService {
 public:
  // Past this many items a run fails instead of flooding the work queue (the spec likely pairs the
  // wrong columns).
  static constexpr size_t kMaxItems = 200000;

  explicit ReconciliationService(store::Database& db) : db_(db) {}

  Result<Page<SpecRecord>> ListSpecs(const auth::Principal& caller, const SpecQuery& query);
  Result<SpecRecord> GetSpec(const auth::Principal& caller, int64_t id);
  Result<SpecRecord> CreateSpec(const auth::Principal& caller, const SpecInput& input, const std::string& request_id);
  Result<SpecRecord> UpdateSpec(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                const SpecInput& input, const std::string& request_id);
  // The weekly audit: a cron schedule that runs the spec on files the server reads from `paths`.
  Result<SpecRecord> ScheduleSpec(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                  const ScheduleInput& input, const std::string& request_id,
                                  std::chrono::sys_seconds now);
  // Stops the schedule (the spec and its runs stay).
  Result<SpecRecord> UnscheduleSpec(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                    const std::string& request_id);

  // Stores an input file (raw bytes) for a later run; only its uploader may use it.
  Result<UploadedFile> Upload(const auth::Principal& caller, const std::string& name, std::string bytes,
                              std::optional<int64_t> client_id, const std::string& request_id);

  // Rows from concord's own records as a run's input (rows of a database query): a module registers a
  // named source that renders the caller's scoped rows as a table. A snapshot stores those rows as an
  // input file owned by the caller, so the run records exactly what it compared, with its checksum.
  using Source = std::function<Result<io::Table>(const auth::Principal& caller)>;
  void RegisterSource(const std::string& name, const std::string& description, Source source);
  std::vector<std::pair<std::string, std::string>> Sources() const;  // name, description
  Result<UploadedFile> SnapshotSource(const auth::Principal& caller, const std::string& name,
                                      const std::string& request_id);

  // Creates the run and enqueues its job in one transaction.
  Result<Run> StartRun(const auth::Principal& caller, int64_t spec_id, int64_t left_file_id, int64_t right_file_id,
                       const std::string& request_id);
  Result<Page<Run>> ListRuns(const auth::Principal& caller, const RunQuery& query);
  Result<Run> GetRun(const auth::Principal& caller, int64_t id);

  Result<Page<Item>> ListItems(const auth::Principal& caller, const ItemQuery& query);
  Result<Item> GetItem(const auth::Principal& caller, int64_t id);
  // Assigns to an internal user, or unassigns (nullopt).
  Result<Item> Assign(const auth::Principal& caller, int64_t id, int64_t expected_version,
                      std::optional<int64_t> assignee_id, const std::string& request_id);
  Result<Item> Resolve(const auth::Principal& caller, int64_t id, int64_t expected_version, const std::string& note,
                       const std::string& correction, const std::string& request_id);
  Result<Item> Reopen(const auth::Principal& caller, int64_t id, int64_t expected_version,
                      const std::string& request_id);
  Result<Item> Accept(const auth::Principal& caller, int64_t id, int64_t expected_version, const std::string& note,
                      const std::string& request_id);

  // Every item matching the query (no paging), as an export table.
  // The listed runs (no paging) as an export table.
  Result<io::Table> RunsExportTable(const Scope& scope, RunQuery query);
  Result<io::Table> ExportTable(const Scope& scope, ItemQuery query);

  // Registers the "reconciliation.run" job.
  void RegisterJobs(jobs::Registry& registry);
  // The job's work (public for tests that drive it without workers).
  Result<jobs::Outcome> ExecuteRun(const jobs::Job& job, jobs::Progress& progress);

 private:
  struct NamedSource {
    std::string description;
    Source render;
  };
  std::map<std::string, NamedSource> sources_;
  Result<Item> ChangeItem(const auth::Principal& caller, int64_t id, int64_t expected_version,
                          const std::string& action, const std::string& request_id,
                          const std::function<Status(store::Connection&, Item&)>& change);
  Result<Run> RunForJob(const jobs::Job& job);
  store::Database& db_;
};

}  // namespace concord::reconciliation
