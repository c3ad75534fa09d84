#include "reconciliation/work_store.h"

#include <algorithm>

#include "store/sql.h"
#include "store/time.h"

namespace concord::reconciliation {
namespace {

constexpr const char* kSpecColumns =
    "s.id, s.name, s.toml, s.client_id, s.schedule_cron, s.left_path, s.right_path, s.version, s.created_by, "
    "s.created_at, s.updated_at";
constexpr const char* kRunColumns =
    "r.id, r.spec_id, r.spec_version, r.spec_name, r.spec_toml, r.left_file_id, r.left_name, r.left_sha256, "
    "r.right_file_id, r.right_name, r.right_sha256, r.state, r.summary, r.error, r.job_id, r.client_id, r.created_by, "
    "r.created_at, r.started_at, r.finished_at";
constexpr const char* kItemColumns =
    "i.id, i.run_id, i.first_run_id, i.spec_id, i.client_id, i.item_key, i.kind, i.details, i.status, i.assignee_id, "
    "u.name, i.resolution_note, i.correction, i.resolved_by, i.resolved_at, i.version, i.created_at, i.updated_at";
// Rows per multi-row INSERT: few round trips, well under SQLite's 32,766 parameters.
constexpr size_t kInsertBatch = 200;

Error Stale(const std::string& what) {
  return {ErrorKind::kPreconditionFailed,
          what + ".stale",
          "Someone else saved this record since you opened it. Reload to see their changes.",
          {}};
}

// A LIKE pattern for search text: wildcards typed by the user are not wildcards.
std::string Pattern(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return "%" + out + "%";
}

nlohmann::json ParseJson(const std::string& text) {
  if (text.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(text, nullptr, false);
}

SpecRecord SpecFromRow(const store::Row& r) {
  SpecRecord s;
  s.id = r.Int(0);
  s.name = r.Text(1);
  s.toml = r.Text(2);
  s.client_id = r.OptInt(3);
  s.schedule_cron = r.Text(4);
  s.left_path = r.Text(5);
  s.right_path = r.Text(6);
  s.version = r.Int(7);
  s.created_by = r.OptInt(8);
  s.created_at = r.Text(9);
  s.updated_at = r.Text(10);
  return s;
}

Run RunFromRow(const store::Row& r) {
  Run run;
  run.id = r.Int(0);
  run.spec_id = r.Int(1);
  run.spec_version = r.Int(2);
  run.spec_name = r.Text(3);
  run.spec_toml = r.Text(4);
  run.left = {r.OptInt(5), r.Text(6), r.Text(7)};
  run.right = {r.OptInt(8), r.Text(9), r.Text(10)};
  run.state = r.Text(11);
  run.summary = ParseJson(r.Text(12));
  run.error = r.Text(13);
  run.job_id = r.OptInt(14);
  run.client_id = r.OptInt(15);
  run.created_by = r.OptInt(16);
  run.created_at = r.Text(17);
  run.started_at = r.Text(18);
  run.finished_at = r.Text(19);
  return run;
}

Item ItemFromRow(const store::Row& r) {
  Item i;
  i.id = r.Int(0);
  i.run_id = r.Int(1);
  i.first_run_id = r.Int(2);
  i.spec_id = r.Int(3);
  i.client_id = r.OptInt(4);
  i.key = r.Text(5);
  i.kind = r.Text(6);
  i.details = ParseJson(r.Text(7));
  i.status = r.Text(8);
  i.assignee_id = r.OptInt(9);
  i.assignee_name = r.Text(10);
  i.resolution_note = r.Text(11);
  i.correction = r.Text(12);
  i.resolved_by = r.OptInt(13);
  i.resolved_at = r.Text(14);
  i.version = r.Int(15);
  i.created_at = r.Text(16);
  i.updated_at = r.Text(17);
  return i;
}

std::string ItemSortExpression(const std::string& sort) {
  if (sort == "key") return "LOWER(i.item_key)";
  if (sort == "kind" || sort == "status" || sort == "updated_at") return "i." + sort;
  return "i.id";
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"0200_reconciliation", R"sql(
CREATE TABLE recon_specs (
  id {{pk}},
  name TEXT NOT NULL,
  toml TEXT NOT NULL,
  client_id {{int}} REFERENCES clients(id),
  schedule_cron TEXT NOT NULL DEFAULT '',
  left_path TEXT NOT NULL DEFAULT '',
  right_path TEXT NOT NULL DEFAULT '',
  last_applied_run_id {{int}} NOT NULL DEFAULT 0,
  version {{int}} NOT NULL DEFAULT 1,
  created_by {{int}},
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX recon_specs_name ON recon_specs (LOWER(name), id);
CREATE TABLE recon_runs (
  id {{pk}},
  spec_id {{int}} NOT NULL REFERENCES recon_specs(id),
  spec_version {{int}} NOT NULL,
  spec_name TEXT NOT NULL,
  spec_toml TEXT NOT NULL,
  left_file_id {{int}},
  left_name TEXT NOT NULL,
  left_sha256 TEXT NOT NULL DEFAULT '',
  right_file_id {{int}},
  right_name TEXT NOT NULL,
  right_sha256 TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}',
  error TEXT NOT NULL DEFAULT '',
  job_id {{int}},
  client_id {{int}},
  created_by {{int}},
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX recon_runs_spec ON recon_runs (spec_id, id);
CREATE INDEX recon_runs_job ON recon_runs (job_id);
CREATE TABLE recon_items (
  id {{pk}},
  run_id {{int}} NOT NULL REFERENCES recon_runs(id),
  first_run_id {{int}} NOT NULL REFERENCES recon_runs(id),
  spec_id {{int}} NOT NULL REFERENCES recon_specs(id),
  client_id {{int}},
  item_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL,
  assignee_id {{int}} REFERENCES users(id),
  resolution_note TEXT NOT NULL DEFAULT '',
  correction TEXT NOT NULL DEFAULT '',
  resolved_by {{int}},
  resolved_at TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX recon_items_live ON recon_items (spec_id, status, kind, item_key);
CREATE INDEX recon_items_run ON recon_items (run_id, id);
CREATE TABLE recon_item_runs (
  item_id {{int}} NOT NULL REFERENCES recon_items(id),
  run_id {{int}} NOT NULL REFERENCES recon_runs(id),
  PRIMARY KEY (run_id, item_id)
)
)sql"}};
}

// --- specs ---

Result<Page<SpecRecord>> ListSpecs(store::Connection& conn, const Scope& scope, const SpecQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(scope, "s.client_id", where, params);
  if (q.q && !q.q->empty()) {
    where += " AND LOWER(s.name) LIKE ?";
    params.emplace_back(Pattern(*q.q));
  }
  Page<SpecRecord> page;
  page.total = TRY(conn.QueryOne("SELECT COUNT(*) FROM recon_specs s" + where, params)).Int(0);
  std::string sql = std::string("SELECT ") + kSpecColumns + ", LOWER(s.name) FROM recon_specs s" + where;
  if (q.after_key && q.after_id) {
    sql += " AND (LOWER(s.name) > ? OR (LOWER(s.name) = ? AND s.id > ?))";
    params.insert(params.end(), {*q.after_key, *q.after_key, *q.after_id});
  }
  sql += " ORDER BY LOWER(s.name), s.id LIMIT ?";
  params.emplace_back(static_cast<int64_t>(q.limit));
  for (const auto& row : TRY(conn.Query(sql, params))) {
    page.items.push_back(SpecFromRow(row));
    page.sort_keys.push_back(row.Text(11));
  }
  return page;
}

Result<SpecRecord> LoadSpec(store::Connection& conn, const Scope& scope, int64_t id) {
  std::string sql = std::string("SELECT ") + kSpecColumns + " FROM recon_specs s WHERE s.id = ?";
  std::vector<store::Value> params{id};
  store::AppendScope(scope, "s.client_id", sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) return Error::NotFound("spec.not_found", "No reconciliation spec " + std::to_string(id) + ".");
  return SpecFromRow(rows.front());
}

Result<int64_t> InsertSpec(store::Connection& conn, const SpecRecord& s) {
  const std::string now = store::NowText();
  auto row = conn.QueryOne(
      "INSERT INTO recon_specs (name, toml, client_id, version, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, 1, ?, ?, ?) RETURNING id",
      {s.name, s.toml, store::Opt(s.client_id), store::Opt(s.created_by), now, now});
  if (!row.ok() && row.error().code == "store.foreign_key_violation") {
    return Error::Invalid("request.invalid", "The spec has errors; see the fields.",
                          {{"client_id", "spec.client_unknown", "No client has this id."}});
  }
  return TRY(std::move(row)).Int(0);
}

Status UpdateSpec(store::Connection& conn, const SpecRecord& s, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE recon_specs SET name = ?, toml = ?, schedule_cron = ?, left_path = ?, right_path = ?, "
      "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
      {s.name, s.toml, s.schedule_cron, s.left_path, s.right_path, store::NowText(), s.id, expected_version}));
  if (changed == 0) return Stale("spec");
  return {};
}

Result<int64_t> LockSpecForRun(store::Connection& conn, int64_t spec_id) {
  // A no-op write takes the row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers.
  TRY(conn.Execute("UPDATE recon_specs SET last_applied_run_id = last_applied_run_id WHERE id = ?", {spec_id}));
  return TRY(conn.QueryOne("SELECT last_applied_run_id FROM recon_specs WHERE id = ?", {spec_id}, "spec.not_found"))
      .Int(0);
}

Status SetLastAppliedRun(store::Connection& conn, int64_t spec_id, int64_t run_id) {
  TRY(conn.Execute("UPDATE recon_specs SET last_applied_run_id = ? WHERE id = ?", {run_id, spec_id}));
  return {};
}

// --- runs ---

Result<int64_t> InsertRun(store::Connection& conn, const Run& r) {
  auto row = TRY(conn.QueryOne(
      "INSERT INTO recon_runs (spec_id, spec_version, spec_name, spec_toml, left_file_id, left_name, left_sha256, "
      "right_file_id, right_name, right_sha256, state, summary, job_id, client_id, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?) RETURNING id",
      {r.spec_id, r.spec_version, r.spec_name, r.spec_toml, store::Opt(r.left.file_id), r.left.name, r.left.sha256,
       store::Opt(r.right.file_id), r.right.name, r.right.sha256, r.state, store::Opt(r.job_id),
       store::Opt(r.client_id), store::Opt(r.created_by), store::NowText()}));
  return row.Int(0);
}

Result<Run> LoadRun(store::Connection& conn, const Scope& scope, int64_t id) {
  std::string sql = std::string("SELECT ") + kRunColumns + " FROM recon_runs r WHERE r.id = ?";
  std::vector<store::Value> params{id};
  store::AppendScope(scope, "r.client_id", sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) return Error::NotFound("run.not_found", "No reconciliation run " + std::to_string(id) + ".");
  return RunFromRow(rows.front());
}

Result<std::optional<Run>> FindRunByJob(store::Connection& conn, int64_t job_id) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kRunColumns + " FROM recon_runs r WHERE r.job_id = ?", {job_id}));
  if (rows.empty()) return std::optional<Run>();
  return std::optional<Run>(RunFromRow(rows.front()));
}

Result<Page<Run>> ListRuns(store::Connection& conn, const Scope& scope, const RunQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(scope, "r.client_id", where, params);
  if (q.spec_id) {
    where += " AND r.spec_id = ?";
    params.emplace_back(*q.spec_id);
  }
  if (q.state) {
    where += " AND r.state = ?";
    params.emplace_back(*q.state);
  }
  if (q.q && !q.q->empty()) {
    where += " AND (LOWER(r.spec_name) LIKE ? OR LOWER(r.left_name) LIKE ? OR LOWER(r.right_name) LIKE ?)";
    const std::string pattern = Pattern(*q.q);
    params.insert(params.end(), {pattern, pattern, pattern});
  }
  Page<Run> page;
  page.total = TRY(conn.QueryOne("SELECT COUNT(*) FROM recon_runs r" + where, params)).Int(0);
  const std::string key = q.sort == "spec_name" ? "LOWER(r.spec_name)"
                          : q.sort == "state" || q.sort == "created_at" ? "r." + q.sort
                                                                        : std::string("r.id");
  std::string sql = std::string("SELECT ") + kRunColumns + ", " + key + " FROM recon_runs r" + where;
  store::AppendKeysetPage(key, "r.id", q.descending, q.after_key, q.after_id, q.limit, sql, params);
  for (const auto& row : TRY(conn.Query(sql, params))) {
    page.items.push_back(RunFromRow(row));
    page.sort_keys.push_back(row.Text(20));
  }
  return page;
}

Status SetRunJob(store::Connection& conn, int64_t run_id, int64_t job_id) {
  TRY(conn.Execute("UPDATE recon_runs SET job_id = ? WHERE id = ?", {job_id, run_id}));
  return {};
}

Status MarkRunRunning(store::Connection& conn, int64_t run_id, const std::string& left_sha256,
                      const std::string& right_sha256) {
  TRY(
      conn.Execute("UPDATE recon_runs SET state = 'running', left_sha256 = ?, right_sha256 = ?, started_at = ?, "
                   "error = '' WHERE id = ?",
                   {left_sha256, right_sha256, store::NowText(), run_id}));
  return {};
}

Status FinishRun(store::Connection& conn, int64_t run_id, const std::string& state, const nlohmann::json& summary,
                 const std::string& error) {
  TRY(conn.Execute("UPDATE recon_runs SET state = ?, summary = ?, error = ?, finished_at = ? WHERE id = ?",
                   {state, summary.dump(), error, store::NowText(), run_id}));
  return {};
}

// --- items ---

Result<Page<Item>> ListItems(store::Connection& conn, const Scope& scope, const ItemQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(scope, "i.client_id", where, params);
  if (q.run_id) {
    where += " AND EXISTS (SELECT 1 FROM recon_item_runs ir WHERE ir.item_id = i.id AND ir.run_id = ?)";
    params.emplace_back(*q.run_id);
  }
  if (q.spec_id) {
    where += " AND i.spec_id = ?";
    params.emplace_back(*q.spec_id);
  }
  if (q.status) {
    where += " AND i.status = ?";
    params.emplace_back(*q.status);
  }
  if (q.kind) {
    where += " AND i.kind = ?";
    params.emplace_back(*q.kind);
  }
  if (q.assignee_id) {
    if (*q.assignee_id == 0) {
      where += " AND i.assignee_id IS NULL";
    } else {
      where += " AND i.assignee_id = ?";
      params.emplace_back(*q.assignee_id);
    }
  }
  if (q.q && !q.q->empty()) {
    where += " AND LOWER(i.item_key) LIKE ?";
    params.emplace_back(Pattern(*q.q));
  }
  Page<Item> page;
  page.total = TRY(conn.QueryOne("SELECT COUNT(*) FROM recon_items i" + where, params)).Int(0);

  const std::string key = ItemSortExpression(q.sort);
  std::string sql = std::string("SELECT ") + kItemColumns + ", " + key +
                    " FROM recon_items i LEFT JOIN users u ON u.id = i.assignee_id" + where;
  store::AppendKeysetPage(key, "i.id", q.descending, q.after_key, q.after_id, q.limit, sql, params);
  for (const auto& row : TRY(conn.Query(sql, params))) {
    page.items.push_back(ItemFromRow(row));
    page.sort_keys.push_back(row.Text(18));
  }
  return page;
}

Result<Item> LoadItem(store::Connection& conn, const Scope& scope, int64_t id) {
  std::string sql = std::string("SELECT ") + kItemColumns +
                    " FROM recon_items i LEFT JOIN users u ON u.id = i.assignee_id WHERE i.id = ?";
  std::vector<store::Value> params{id};
  store::AppendScope(scope, "i.client_id", sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) return Error::NotFound("item.not_found", "No reconciliation item " + std::to_string(id) + ".");
  return ItemFromRow(rows.front());
}

Result<std::vector<int64_t>> ItemRunIds(store::Connection& conn, int64_t item_id) {
  std::vector<int64_t> out;
  for (const auto& row : TRY(conn.Query("SELECT run_id FROM recon_item_runs WHERE item_id = ? ORDER BY run_id",
                                        {item_id}))) {
    out.push_back(row.Int(0));
  }
  return out;
}

Status UpdateItem(store::Connection& conn, const Item& i, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE recon_items SET status = ?, assignee_id = ?, resolution_note = ?, correction = ?, resolved_by = ?, "
      "resolved_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
      {i.status, store::Opt(i.assignee_id), i.resolution_note, i.correction, store::Opt(i.resolved_by),
       i.resolved_at.empty() ? store::Null() : store::Value(i.resolved_at), store::NowText(), i.id, expected_version}));
  if (changed == 0) return Stale("item");
  return {};
}

Result<std::vector<LiveItem>> LiveItems(store::Connection& conn, int64_t spec_id) {
  auto rows = TRY(
      conn.Query("SELECT id, kind, item_key, status, details FROM recon_items WHERE spec_id = ? AND status IN ('open', "
                 "'accepted') ORDER BY id",
                 {spec_id}));
  std::vector<LiveItem> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  return out;
}

Status SeeItem(store::Connection& conn, const LiveItem& item, int64_t run_id, const std::string& details) {
  if (details == item.details) {
    TRY(conn.Execute("UPDATE recon_items SET run_id = ? WHERE id = ?", {run_id, item.id}));
  } else {
    TRY(
        conn.Execute("UPDATE recon_items SET run_id = ?, details = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ?",
                     {run_id, details, store::NowText(), item.id}));
  }
  return {};
}

Status InsertItems(store::Connection& conn, const Run& run, const std::vector<const ItemDraft*>& drafts) {
  const std::string now = store::NowText();
  for (size_t start = 0; start < drafts.size(); start += kInsertBatch) {
    const size_t end = std::min(drafts.size(), start + kInsertBatch);
    std::string sql =
        "INSERT INTO recon_items (run_id, first_run_id, spec_id, client_id, item_key, kind, details, status, "
        "version, created_at, updated_at) VALUES ";
    std::vector<store::Value> params;
    params.reserve((end - start) * 9);
    for (size_t i = start; i < end; ++i) {
      sql += i == start ? "(?, ?, ?, ?, ?, ?, ?, 'open', 1, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, 'open', 1, ?, ?)";
      params.insert(params.end(), {run.id, run.id, run.spec_id, store::Opt(run.client_id), drafts[i]->key,
                                   drafts[i]->kind, drafts[i]->details.dump(), now, now});
    }
    TRY(conn.Execute(sql, params));
  }
  return {};
}

Status LinkItemsToRun(store::Connection& conn, int64_t run_id) {
  TRY(conn.Execute("INSERT INTO recon_item_runs (item_id, run_id) SELECT id, run_id FROM recon_items WHERE run_id = ?",
                   {run_id}));
  return {};
}

}  // namespace concord::reconciliation
