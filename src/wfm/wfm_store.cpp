#include "wfm/wfm_store.h"

#include <fmt/format.h>

#include <functional>
#include <map>

#include "store/sql.h"
#include "store/time.h"

namespace concord::wfm {
namespace {

// Fractions and seconds are statistics, not money: kept as shortest round-trip text.
std::string Num(double x) { return fmt::format("{}", x); }
double ToDouble(const std::string& text) { return text.empty() ? 0.0 : std::stod(text); }

// What distinguishes one WFM list from another: its SELECT, searchable columns and sort columns.
struct ListSpec {
  std::string select;  // "SELECT <columns> FROM <tables>" (no WHERE)
  std::string from;    // "FROM <tables>" for the count
  std::string id_column;
  std::vector<std::string> search;            // columns matched case-insensitively by q
  std::map<std::string, std::string> sorts;   // sort name → SQL expression
  std::string default_sort;
};

template <class T>
Result<Page<T>> ListRows(store::Connection& conn, const ListSpec& spec, const ListArgs& args,
                         const std::function<T(const store::Row&)>& from_row) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  for (const auto& [clause, value] : args.where) {
    where += " AND " + clause;
    params.push_back(value);
  }
  if (args.q && !args.q->empty() && !spec.search.empty()) {
    std::string pattern;
    for (char ch : *args.q) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';  // search text, not wildcards (queue keys have _)
      pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern = "%" + pattern + "%";
    where += " AND (";
    for (size_t i = 0; i < spec.search.size(); ++i) {
      where += (i ? " OR LOWER(" : "LOWER(") + spec.search[i] + ") LIKE ? ESCAPE '\\'";
      params.emplace_back(pattern);
    }
    where += ")";
  }
  Page<T> page;
  page.total = TRY(conn.QueryOne("SELECT COUNT(*) " + spec.from + where, params)).Int(0);
  auto sort = spec.sorts.find(args.sort);
  const std::string key = sort != spec.sorts.end() ? sort->second : spec.sorts.at(spec.default_sort);
  std::string sql = spec.select + ", " + key + " AS sort_key " + spec.from + where;
  store::AppendKeysetPage(key, spec.id_column, args.descending, args.after_key, args.after_id, args.limit, sql,
                          params);
  const auto rows = TRY(conn.Query(sql, params));
  for (const auto& row : rows) {
    page.items.push_back(from_row(row));
    page.sort_keys.push_back(row.Text("sort_key"));
  }
  return page;
}

constexpr const char* kQueueColumns =
    "q.id, q.key, q.name, q.time_zone, q.interval_min, q.target_sl, q.target_s, q.max_occupancy, q.shrinkage, "
    "q.patience_s, q.max_abandonment, q.version, q.created_at, q.updated_at, "
    "(SELECT COUNT(*) FROM wfm_contacts c WHERE c.queue_id = q.id) AS contacts";

Queue QueueFromRow(const store::Row& r) {
  Queue q;
  q.id = r.Int(0);
  q.key = r.Text(1);
  q.name = r.Text(2);
  q.time_zone = r.Text(3);
  q.interval_min = static_cast<int>(r.Int(4));
  q.target_sl = ToDouble(r.Text(5));
  q.target_s = ToDouble(r.Text(6));
  q.max_occupancy = ToDouble(r.Text(7));
  q.shrinkage = ToDouble(r.Text(8));
  if (!r.IsNull(9)) q.patience_s = ToDouble(r.Text(9));
  q.max_abandonment = ToDouble(r.Text(10));
  q.version = r.Int(11);
  q.created_at = r.Text(12);
  q.updated_at = r.Text(13);
  q.contacts = r.Int(14);
  return q;
}

const ListSpec& QueueList() {
  static const ListSpec spec{std::string("SELECT ") + kQueueColumns,
                             "FROM wfm_queues q",
                             "q.id",
                             {"q.key", "q.name"},
                             {{"key", "q.key"}, {"name", "LOWER(q.name)"}, {"updated_at", "q.updated_at"}},
                             "name"};
  return spec;
}

StoredContact ContactFromRow(const store::Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6) != 0, r.Int(7)};
}

const ListSpec& ContactList() {
  static const ListSpec spec{
      "SELECT c.id, c.queue_id, q.key, c.call_id, c.arrived_at, c.handle_s, c.answered, c.wait_s",
      "FROM wfm_contacts c JOIN wfm_queues q ON q.id = c.queue_id",
      "c.id",
      {"c.call_id", "q.key"},
      {{"arrived_at", "c.arrived_at"}, {"handle_s", "c.handle_s"}, {"wait_s", "c.wait_s"}, {"call_id", "c.call_id"}},
      "arrived_at"};
  return spec;
}

constexpr const char* kForecastColumns =
    "f.id, f.queue_id, q.key, q.name, f.state, f.job_id, f.interval_min, f.holdout_days, f.horizon_days, "
    "f.history_from, f.history_to, f.forecast_from, f.accuracy, f.params, f.series, f.error, f.created_by, "
    "f.created_at, f.updated_at";

nlohmann::json ParseJson(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json::object() : j;
}

ForecastRun ForecastFromRow(const store::Row& r, bool with_series) {
  ForecastRun f;
  f.id = r.Int(0);
  f.queue_id = r.Int(1);
  f.queue_key = r.Text(2);
  f.queue_name = r.Text(3);
  f.state = r.Text(4);
  f.job_id = r.OptInt(5);
  f.interval_min = static_cast<int>(r.Int(6));
  f.holdout_days = static_cast<int>(r.Int(7));
  f.horizon_days = static_cast<int>(r.Int(8));
  f.history_from = r.Text(9);
  f.history_to = r.Text(10);
  f.forecast_from = r.Text(11);
  f.accuracy = ParseJson(r.Text(12));
  f.params = ParseJson(r.Text(13));
  if (with_series) f.series = ParseJson(r.Text(14));
  f.error = r.Text(15);
  f.created_by = r.OptInt(16);
  f.created_at = r.Text(17);
  f.updated_at = r.Text(18);
  return f;
}

const ListSpec& ForecastList() {
  static const ListSpec spec{std::string("SELECT ") + kForecastColumns,
                             "FROM wfm_forecasts f JOIN wfm_queues q ON q.id = f.queue_id",
                             "f.id",
                             {"q.key", "q.name", "f.state"},
                             {{"created_at", "f.created_at"}, {"queue", "q.key"}, {"state", "f.state"}},
                             "created_at"};
  return spec;
}

Error QueueStale() {
  return {ErrorKind::kPreconditionFailed, "wfm.queue_stale",
          "Someone else saved this queue since you opened it. Reload to see their changes.", {}};
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"0400_wfm", R"sql(
CREATE TABLE wfm_queues (
  id {{pk}},
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  interval_min {{int}} NOT NULL,
  target_sl TEXT NOT NULL,
  target_s TEXT NOT NULL,
  max_occupancy TEXT NOT NULL,
  shrinkage TEXT NOT NULL,
  patience_s TEXT,
  max_abandonment TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX wfm_queues_name ON wfm_queues (LOWER(name), id);
CREATE TABLE wfm_contacts (
  id {{pk}},
  queue_id {{int}} NOT NULL REFERENCES wfm_queues(id),
  call_id TEXT NOT NULL,
  arrived_at TEXT NOT NULL,
  handle_s {{int}} NOT NULL,
  answered {{int}} NOT NULL,
  wait_s {{int}} NOT NULL,
  UNIQUE (queue_id, call_id)
);
CREATE INDEX wfm_contacts_arrived ON wfm_contacts (queue_id, arrived_at, id);
CREATE TABLE wfm_forecasts (
  id {{pk}},
  queue_id {{int}} NOT NULL REFERENCES wfm_queues(id),
  state TEXT NOT NULL,
  job_id {{int}},
  interval_min {{int}} NOT NULL,
  holdout_days {{int}} NOT NULL,
  horizon_days {{int}} NOT NULL,
  history_from TEXT NOT NULL DEFAULT '',
  history_to TEXT NOT NULL DEFAULT '',
  forecast_from TEXT NOT NULL DEFAULT '',
  accuracy TEXT NOT NULL DEFAULT '{}',
  params TEXT NOT NULL DEFAULT '{}',
  series TEXT NOT NULL DEFAULT '{}',
  error TEXT NOT NULL DEFAULT '',
  created_by {{int}},
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX wfm_forecasts_created ON wfm_forecasts (created_at, id);
CREATE TABLE wfm_schedule (
  queue_id {{int}} NOT NULL REFERENCES wfm_queues(id),
  day TEXT NOT NULL,
  start_min {{int}} NOT NULL,
  scheduled {{int}} NOT NULL,
  PRIMARY KEY (queue_id, day, start_min)
)
)sql"},
          // Named agents and their shifts: "scheduled" per interval can come from who is rostered.
          {"0401_wfm_shifts", R"sql(
CREATE TABLE wfm_agents (
  id {{pk}},
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE wfm_shifts (
  id {{pk}},
  queue_id {{int}} NOT NULL REFERENCES wfm_queues(id),
  agent_id {{int}} NOT NULL REFERENCES wfm_agents(id),
  day TEXT NOT NULL,
  start_min {{int}} NOT NULL,
  end_min {{int}} NOT NULL,
  UNIQUE (queue_id, agent_id, day, start_min)
);
CREATE INDEX wfm_shifts_day ON wfm_shifts (queue_id, day)
)sql"}};
}

Result<Page<Queue>> ListQueues(store::Connection& conn, const ListArgs& args) {
  return ListRows<Queue>(conn, QueueList(), args, QueueFromRow);
}

Result<Queue> LoadQueue(store::Connection& conn, int64_t id) {
  auto row = TRY(conn.QueryOne(std::string("SELECT ") + kQueueColumns + " FROM wfm_queues q WHERE q.id = ?", {id},
                               "wfm.queue_not_found"));
  return QueueFromRow(row);
}

Result<std::optional<Queue>> FindQueueByKey(store::Connection& conn, const std::string& key) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kQueueColumns + " FROM wfm_queues q WHERE q.key = ?", {key}));
  if (rows.empty()) return std::optional<Queue>();
  return std::optional<Queue>(QueueFromRow(rows.front()));
}

Result<int64_t> InsertQueue(store::Connection& conn, const Queue& q) {
  auto row = TRY(conn.QueryOne(
      "INSERT INTO wfm_queues (key, name, time_zone, interval_min, target_sl, target_s, max_occupancy, shrinkage, "
      "patience_s, max_abandonment, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {q.key, q.name, q.time_zone, int64_t{q.interval_min}, Num(q.target_sl), Num(q.target_s), Num(q.max_occupancy),
       Num(q.shrinkage), q.patience_s ? store::Value(Num(*q.patience_s)) : store::Null(), Num(q.max_abandonment),
       q.created_at, q.updated_at}));
  return row.Int(0);
}

Status UpdateQueue(store::Connection& conn, const Queue& q, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE wfm_queues SET name = ?, time_zone = ?, interval_min = ?, target_sl = ?, target_s = ?, "
      "max_occupancy = ?, shrinkage = ?, patience_s = ?, max_abandonment = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      {q.name, q.time_zone, int64_t{q.interval_min}, Num(q.target_sl), Num(q.target_s), Num(q.max_occupancy),
       Num(q.shrinkage), q.patience_s ? store::Value(Num(*q.patience_s)) : store::Null(), Num(q.max_abandonment),
       q.updated_at, q.id, expected_version}));
  if (changed == 0) return QueueStale();
  return {};
}

Result<Page<StoredContact>> ListContacts(store::Connection& conn, const ListArgs& args) {
  return ListRows<StoredContact>(conn, ContactList(), args, ContactFromRow);
}

Result<UpsertCounts> UpsertContacts(store::Connection& conn, int64_t queue_id, const std::vector<CallDetail>& calls) {
  UpsertCounts counts;
  const int64_t before = TRY(conn.QueryOne("SELECT COUNT(*) FROM wfm_contacts WHERE queue_id = ?", {queue_id})).Int(0);
  int64_t changed = 0;
  constexpr size_t kBatch = 200;  // rows per statement: far fewer round trips, well under parameter limits
  for (size_t start = 0; start < calls.size(); start += kBatch) {
    const size_t end = std::min(calls.size(), start + kBatch);
    std::string sql = "INSERT INTO wfm_contacts (queue_id, call_id, arrived_at, handle_s, answered, wait_s) VALUES ";
    std::vector<store::Value> params;
    for (size_t i = start; i < end; ++i) {
      const CallDetail& c = calls[i];
      sql += i > start ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {queue_id, c.call_id, c.arrived.ToString(), c.handle_s,
                                   int64_t{c.answered ? 1 : 0}, c.wait_s});
    }
    sql +=
        " ON CONFLICT (queue_id, call_id) DO UPDATE SET arrived_at = excluded.arrived_at, handle_s = "
        "excluded.handle_s, answered = excluded.answered, wait_s = excluded.wait_s "
        "WHERE wfm_contacts.arrived_at <> excluded.arrived_at OR wfm_contacts.handle_s <> excluded.handle_s "
        "OR wfm_contacts.answered <> excluded.answered OR wfm_contacts.wait_s <> excluded.wait_s";
    changed += TRY(conn.Execute(sql, params));
  }
  const int64_t after = TRY(conn.QueryOne("SELECT COUNT(*) FROM wfm_contacts WHERE queue_id = ?", {queue_id})).Int(0);
  counts.created = after - before;
  counts.updated = changed - counts.created;
  return counts;
}

Result<std::vector<QueuedContact>> QueueContacts(store::Connection& conn, const std::string& queue_key,
                                                 int64_t queue_id, Instant from, Instant to) {
  const auto rows = TRY(conn.Query(
      "SELECT arrived_at, handle_s, answered FROM wfm_contacts WHERE queue_id = ? AND arrived_at >= ? "
      "AND arrived_at < ? ORDER BY arrived_at, id",
      {queue_id, from.ToString(), to.ToString()}));
  std::vector<QueuedContact> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({queue_key, TRY(Instant::Parse(r.Text(0))), std::chrono::seconds(r.Int(1)), r.Int(2) != 0});
  }
  return out;
}

Result<std::optional<std::pair<std::string, std::string>>> ContactSpan(store::Connection& conn, int64_t queue_id) {
  const auto row =
      TRY(conn.QueryOne("SELECT MIN(arrived_at), MAX(arrived_at) FROM wfm_contacts WHERE queue_id = ?", {queue_id}));
  if (row.IsNull(0)) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>(std::pair{row.Text(0), row.Text(1)});
}

Result<Page<ForecastRun>> ListForecasts(store::Connection& conn, const ListArgs& args) {
  return ListRows<ForecastRun>(conn, ForecastList(), args,
                               [](const store::Row& r) { return ForecastFromRow(r, false); });
}

Result<ForecastRun> LoadForecast(store::Connection& conn, int64_t id) {
  auto row = TRY(conn.QueryOne(std::string("SELECT ") + kForecastColumns +
                                   " FROM wfm_forecasts f JOIN wfm_queues q ON q.id = f.queue_id WHERE f.id = ?",
                               {id}, "wfm.forecast_not_found"));
  return ForecastFromRow(row, true);
}

Result<int64_t> InsertForecast(store::Connection& conn, const ForecastRun& f) {
  auto row = TRY(conn.QueryOne(
      "INSERT INTO wfm_forecasts (queue_id, state, interval_min, holdout_days, horizon_days, created_by, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.queue_id, f.state, int64_t{f.interval_min}, int64_t{f.holdout_days}, int64_t{f.horizon_days},
       store::Opt(f.created_by), f.created_at, f.updated_at}));
  return row.Int(0);
}

Status SaveForecast(store::Connection& conn, const ForecastRun& f) {
  TRY(conn.Execute(
      "UPDATE wfm_forecasts SET state = ?, job_id = ?, history_from = ?, history_to = ?, forecast_from = ?, "
      "accuracy = ?, params = ?, series = ?, error = ?, updated_at = ? WHERE id = ?",
      {f.state, store::Opt(f.job_id), f.history_from, f.history_to, f.forecast_from, f.accuracy.dump(),
       f.params.dump(), f.series.dump(), f.error, store::NowText(), f.id}));
  return {};
}

Result<std::vector<ScheduleEntry>> LoadSchedule(store::Connection& conn, int64_t queue_id, const std::string& from,
                                                const std::string& to) {
  const auto rows = TRY(conn.Query(
      "SELECT day, start_min, scheduled FROM wfm_schedule WHERE queue_id = ? AND day >= ? AND day <= ? "
      "ORDER BY day, start_min",
      {queue_id, from, to}));
  std::vector<ScheduleEntry> out;
  for (const auto& r : rows) out.push_back({r.Text(0), static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2))});
  return out;
}

Result<int64_t> UpsertSchedule(store::Connection& conn, int64_t queue_id, const std::vector<ScheduleEntry>& entries) {
  int64_t changed = 0;
  for (const auto& e : entries) {
    changed += TRY(conn.Execute(
        "INSERT INTO wfm_schedule (queue_id, day, start_min, scheduled) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (queue_id, day, start_min) DO UPDATE SET scheduled = excluded.scheduled "
        "WHERE wfm_schedule.scheduled <> excluded.scheduled",
        {queue_id, e.day, int64_t{e.start_min}, int64_t{e.scheduled}}));
  }
  return changed;
}

}  // namespace concord::wfm
