// Workforce-management use cases: queues, call-detail imports, interval history, forecast runs (a
// background job), staffing plans against the schedule. Each write runs in one transaction with its
// audit event. Permissions are checked by the api layer; WFM is internal, so there is no client scope.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "io/table.h"
#include "jobs/jobs.h"
#include "wfm/interval_history.h"
#include "wfm/queue.h"
#include "wfm/staffing_plan.h"
#include "wfm/wfm_store.h"

namespace concord::wfm {

// Contacts of other modules (the service desk's cases and logged calls) for a queue key, arriving in
// [from, to): registered by the app so the interval history counts every channel, not just imports.
using ContactSource =
    std::function<Result<std::vector<QueuedContact>>(const std::string& queue_key, Instant from, Instant to)>;

struct ImportReport {
  int64_t rows = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t queues_created = 0;
  bool dry_run = false;
  nlohmann::json ToJson() const;
};

struct ForecastInput {
  int holdout_days = 7;   // the last days of history held back to measure accuracy
  int horizon_days = 14;  // days forecast after the history
  int history_days = 84;  // at most this many days of history, ending at history_to
  std::optional<Date> history_to;  // the last local day of history; default: the day of the last contact
};

// One interval of a staffing plan, with the local day and start it belongs to.
struct PlanInterval {
  std::string day;
  int start_min = 0;
  double contacts = 0;
  double aht_s = 0;
  std::optional<double> actual;  // contacts that did arrive, once they have
  PlanRow row;
};

struct StaffingPlan {
  ForecastRun forecast;
  Queue queue;
  StaffingTargets targets;
  std::vector<PlanInterval> intervals;
  nlohmann::json Summary() const;
};

class WfmService {
 public:
  explicit WfmService(store::Database& db) : db_(db) {}

  void RegisterContactSource(ContactSource source) { sources_.push_back(std::move(source)); }
  void RegisterJobs(jobs::Registry& registry);

  Result<Page<Queue>> ListQueues(const ListArgs& args);
  Result<Queue> GetQueue(int64_t id);
  Result<Queue> CreateQueue(const auth::Principal& caller, const QueueInput& input, const std::string& request_id);
  Result<Queue> UpdateQueue(const auth::Principal& caller, int64_t id, int64_t expected_version,
                            const QueueInput& input, const std::string& request_id);

  Result<Page<StoredContact>> ListContacts(const ListArgs& args);
  // All or nothing, idempotent: calls match stored ones by (queue, call_id); unknown queue keys become
  // queues with default settings. Checks the whole file before anything is written.
  Result<ImportReport> ImportCallDetail(const audit::Actor& actor, const std::string& csv,
                                        const std::string& file_name, bool dry_run,
                                        jobs::Progress* progress = nullptr);
  // The same for calls already read (the demo, other modules): `source` names them in the audit trail.
  Result<ImportReport> ImportCalls(const audit::Actor& actor, const std::vector<CallDetail>& calls,
                                   const nlohmann::json& source, bool dry_run, jobs::Progress* progress = nullptr);
  // Checks the file now (errors name line and column), then imports it in a background job.
  Result<jobs::Job> StartImport(const auth::Principal& caller, const std::string& csv, const std::string& file_name,
                                const std::string& request_id);

  // Contacts per local interval of a queue over [first_day, first_day + days), from every source.
  Result<IntervalVolumes> History(const Queue& queue, Date first_day, int days, int interval_min);

  Result<Page<ForecastRun>> ListForecasts(const ListArgs& args);
  Result<ForecastRun> GetForecast(int64_t id);
  // Stores a queued run and (in_background) enqueues the job that fits it; otherwise the caller runs
  // ExecuteForecast itself.
  Result<ForecastRun> StartForecast(const auth::Principal& caller, int64_t queue_id, const ForecastInput& input,
                                    const std::string& request_id, bool in_background = true);
  // The job's work: fits, back-tests and forecasts on the input's history window (history_days 0: all);
  // stores the outcome (or the error) on the run.
  Result<ForecastRun> ExecuteForecast(int64_t run_id, const ForecastInput& input, std::optional<int64_t> job_id,
                                      jobs::Progress& progress);

  // Required staff per forecast interval for the queue's targets (overrides applied), beside the schedule.
  Result<StaffingPlan> Plan(int64_t forecast_id, const QueueInput& overrides);
  static io::Table PlanTable(const StaffingPlan& plan);

  // Positions scheduled per interval on local days [from, to]: a day with agents' shifts counts them
  // (shifts.h); other days keep the imported or edited figures.
  Result<std::vector<ScheduleEntry>> Schedule(int64_t queue_id, const std::string& from, const std::string& to);
  Result<std::vector<Shift>> Shifts(int64_t queue_id, const std::string& from, const std::string& to);
  // Roster CSV with columns agent, queue, date, start, end (HH:MM local; an end at or before the start
  // runs past midnight): each (queue, date) in the file gets exactly its rows. All or nothing, idempotent.
  Result<ImportReport> ImportShifts(const auth::Principal& caller, const std::string& csv,
                                    const std::string& file_name, const std::string& request_id);
  Result<int64_t> SetSchedule(const auth::Principal& caller, int64_t queue_id, const std::vector<ScheduleEntry>& entries,
                              const std::string& request_id);
  // CSV with columns queue, date, start (HH:MM local), scheduled; all or nothing, idempotent.
  Result<ImportReport> ImportSchedule(const auth::Principal& caller, const std::string& csv,
                                      const std::string& file_name, const std::string& request_id);

 private:
  store::Database& db_;
  std::vector<ContactSource> sources_;
};

}  // namespace concord::wfm
