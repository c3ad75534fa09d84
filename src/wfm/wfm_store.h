// SQL for workforce management: queues, their contact records, stored forecast runs and the staff
// scheduled per interval. WFM is internal (no client scope): the api layer admits internal roles only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/migrate.h"
#include "wfm/call_detail.h"
#include "wfm/interval_history.h"

namespace concord::wfm {

std::vector<store::Migration> Migrations();

// A queue as WFM plans it. `key` is the join with other modules' queues (the service desk's).
struct Queue {
  int64_t id = 0;
  std::string key;
  std::string name;
  std::string time_zone = "America/New_York";  // IANA; intervals are local wall-clock
  int interval_min = 30;                        // 15, 30 or 60
  double target_sl = 0.8;                       // X % answered …
  double target_s = 20;                         // … within Y seconds
  double max_occupancy = 0.85;
  double shrinkage = 0.3;
  std::optional<double> patience_s;             // known: staffing uses Erlang A
  double max_abandonment = 0.05;                // Erlang A only
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  int64_t contacts = 0;  // stored contact records (read-only, from the list)
};

struct StoredContact {
  int64_t id = 0;
  int64_t queue_id = 0;
  std::string queue_key;
  std::string call_id;
  std::string arrived_at;  // ISO-8601 UTC
  int64_t handle_s = 0;
  bool answered = true;
  int64_t wait_s = 0;
};

struct ForecastRun {
  int64_t id = 0;
  int64_t queue_id = 0;
  std::string queue_key;
  std::string queue_name;
  std::string state = "queued";  // queued, running, succeeded, failed
  std::optional<int64_t> job_id;
  int interval_min = 30;
  int holdout_days = 7;
  int horizon_days = 14;
  std::string history_from;   // local dates of the history used
  std::string history_to;
  std::string forecast_from;  // first local day forecast
  nlohmann::json accuracy = nlohmann::json::object();  // interval and daily MAPE/WAPE on the held-back days
  nlohmann::json params = nlohmann::json::object();    // Holt-Winters α, β, γ, trend
  nlohmann::json series = nlohmann::json::object();    // forecast, aht, backtest actual/forecast arrays
  std::string error;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

// One scheduled-staff figure: positions scheduled in the queue's interval starting at `start_min`
// minutes after local midnight of `day`.
struct ScheduleEntry {
  std::string day;  // YYYY-MM-DD, local
  int start_min = 0;
  int scheduled = 0;
};

// One agent's shift on a queue (shifts.h turns them into scheduled positions per interval).
struct Shift {
  std::string agent;
  std::string day;    // local YYYY-MM-DD the shift starts on
  int start_min = 0;  // minutes after local midnight, 0..1439
  int end_min = 0;    // after start; past 1440 runs over midnight into the next day (at most 24 h long)
  friend bool operator==(const Shift&, const Shift&) = default;
};

// A page of any WFM list: search over some columns, equality filters, a sort column and a keyset cursor.
struct ListArgs {
  std::optional<std::string> q;
  std::vector<std::pair<std::string, store::Value>> where;  // "column op ?" clauses with their value
  std::string sort;                                         // a key of the list's sort map
  bool descending = false;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::vector<std::string> sort_keys;
  int64_t total = 0;
};

Result<Page<Queue>> ListQueues(store::Connection& conn, const ListArgs& args);
Result<Queue> LoadQueue(store::Connection& conn, int64_t id);
Result<std::optional<Queue>> FindQueueByKey(store::Connection& conn, const std::string& key);
Result<int64_t> InsertQueue(store::Connection& conn, const Queue& queue);
Status UpdateQueue(store::Connection& conn, const Queue& queue, int64_t expected_version);

Result<Page<StoredContact>> ListContacts(store::Connection& conn, const ListArgs& args);
// Inserts new calls and rewrites changed ones (matched by queue and call id). Returns how many rows
// were inserted and how many changed.
struct UpsertCounts {
  int64_t created = 0;
  int64_t updated = 0;
};
Result<UpsertCounts> UpsertContacts(store::Connection& conn, int64_t queue_id, const std::vector<CallDetail>& calls);
// A queue's contacts arriving in [from, to), oldest first, as the interval history counts them.
Result<std::vector<QueuedContact>> QueueContacts(store::Connection& conn, const std::string& queue_key,
                                                 int64_t queue_id, Instant from, Instant to);
// First and last arrival of a queue's contacts, or nullopt when it has none.
Result<std::optional<std::pair<std::string, std::string>>> ContactSpan(store::Connection& conn, int64_t queue_id);

Result<Page<ForecastRun>> ListForecasts(store::Connection& conn, const ListArgs& args);
Result<ForecastRun> LoadForecast(store::Connection& conn, int64_t id);
Result<int64_t> InsertForecast(store::Connection& conn, const ForecastRun& run);
Status SaveForecast(store::Connection& conn, const ForecastRun& run);

// Entries of a queue on local days [from, to].
Result<std::vector<ScheduleEntry>> LoadSchedule(store::Connection& conn, int64_t queue_id, const std::string& from,
                                                const std::string& to);
// Shifts of a queue starting on local days [from, to], by day, start and agent.
Result<std::vector<Shift>> LoadShifts(store::Connection& conn, int64_t queue_id, const std::string& from,
                                      const std::string& to);
// Makes the queue's shifts on `day` exactly `shifts` (agents created by name); returns whether anything changed.
Result<bool> ReplaceShiftDay(store::Connection& conn, int64_t queue_id, const std::string& day,
                             const std::vector<Shift>& shifts);

// Sets each entry (insert or replace); returns how many changed.
Result<int64_t> UpsertSchedule(store::Connection& conn, int64_t queue_id, const std::vector<ScheduleEntry>& entries);

}  // namespace concord::wfm
