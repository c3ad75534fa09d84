#include "audit/audit.h"

#include <cctype>

#include "crypto/crypto.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::audit {
namespace {

const std::string kGenesis(64, '0');

std::string JsonText(const nlohmann::json& j) { return j.is_null() ? std::string() : j.dump(); }

// The hashed content: every stored field, unit-separated, so no field can change unnoticed.
std::string HashOf(const Event& e) {
  std::string text = e.prev_hash;
  for (const std::string& part :
       {std::to_string(e.seq), e.at, e.actor_id ? std::to_string(*e.actor_id) : std::string(), e.actor_name,
        e.request_id, e.entity, e.entity_id, e.client_id ? std::to_string(*e.client_id) : std::string(), e.action,
        JsonText(e.before), JsonText(e.after)}) {
    text += '\x1f';
    text += part;
  }
  return crypto::Sha256Hex(text);
}

Event FromRow(const store::Row& row) {
  Event e;
  e.seq = row.Int("seq");
  e.at = row.Text("at");
  e.actor_id = row.OptInt("actor_id");
  e.actor_name = row.Text("actor_name");
  e.request_id = row.Text("request_id");
  e.entity = row.Text("entity");
  e.entity_id = row.Text("entity_id");
  e.client_id = row.OptInt("client_id");
  e.action = row.Text("action");
  const auto& before = row.Text("before_json");
  const auto& after = row.Text("after_json");
  e.before = before.empty() ? nlohmann::json() : nlohmann::json::parse(before);
  e.after = after.empty() ? nlohmann::json() : nlohmann::json::parse(after);
  e.prev_hash = row.Text("prev_hash");
  e.hash = row.Text("hash");
  return e;
}

constexpr const char* kColumns =
    "seq, at, actor_id, actor_name, request_id, entity, entity_id, client_id, action, before_json, after_json, "
    "prev_hash, hash";

}  // namespace

nlohmann::json Event::ToJson() const {
  nlohmann::json actor = actor_id ? nlohmann::json{{"id", *actor_id}, {"name", actor_name}}
                                  : nlohmann::json{{"id", nullptr}, {"name", actor_name}};
  return {{"id", seq},        {"at", at},         {"actor", actor},   {"request_id", request_id},
          {"entity", entity}, {"entity_id", entity_id}, {"client_id", client_id ? nlohmann::json(*client_id) : nlohmann::json()},
          {"action", action}, {"before", before}, {"after", after},   {"hash", hash}};
}

std::vector<store::Migration> Migrations() {
  return {{"0010_audit", R"sql(
CREATE TABLE audit_events (
  seq {{int}} PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id {{int}},
  actor_name TEXT NOT NULL,
  request_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  client_id {{int}},
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id, seq);
CREATE INDEX audit_events_client ON audit_events (client_id, seq);
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq {{int}} NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
)sql"}};
}

Status Append(store::Connection& conn, const Actor& actor, const Change& change) {
  // Locking the head row serialises appenders on PostgreSQL; SQLite's write transaction already does.
  auto head = TRY(conn.QueryOne(conn.is_postgres() ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                                   : "SELECT seq, hash FROM audit_head WHERE id = 1",
                                {}));
  Event e;
  e.seq = head.Int(0) + 1;
  e.prev_hash = head.Text(1);
  e.at = store::FormatInstantMillis(store::SysClock::now());
  e.actor_id = actor.user_id;
  e.actor_name = actor.name;
  e.request_id = actor.request_id;
  e.entity = change.entity;
  e.entity_id = change.entity_id;
  e.client_id = change.client_id;
  e.action = change.action;
  e.before = change.before;
  e.after = change.after;
  e.hash = HashOf(e);
  const std::string before = JsonText(e.before);
  const std::string after = JsonText(e.after);
  TRY(conn.Execute(std::string("INSERT INTO audit_events (") + kColumns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {e.seq, e.at, store::Opt(e.actor_id), e.actor_name, e.request_id, e.entity, e.entity_id,
                    store::Opt(e.client_id), e.action, before.empty() ? store::Null() : store::Value(before),
                    after.empty() ? store::Null() : store::Value(after), e.prev_hash, e.hash}));
  TRY(conn.Execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {e.seq, e.hash}));
  return {};
}

Result<std::vector<Event>> List(store::Connection& conn, const Query& query) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_events WHERE 1 = 1";
  std::vector<store::Value> params;
  if (query.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*query.entity);
  }
  if (query.entity_id) {
    sql += " AND entity_id = ?";
    params.emplace_back(*query.entity_id);
  }
  store::AppendScope(query.client_ids, "client_id", sql, params);
  if (query.client_id) {
    sql += " AND client_id = ?";
    params.emplace_back(*query.client_id);
  }
  if (query.action) {
    sql += " AND action = ?";
    params.emplace_back(*query.action);
  }
  if (query.actor_id) {
    sql += " AND actor_id = ?";
    params.emplace_back(*query.actor_id);
  }
  // Event times are RFC 3339 UTC text, so a day's events sort between "D" and "D" + 'T' … 'Z'.
  if (query.from) {
    sql += " AND at >= ?";
    params.emplace_back(*query.from);
  }
  if (query.to) {
    sql += " AND at < ?";
    params.emplace_back(*query.to + "U");  // after every "…T…Z" of that day
  }
  if (query.q && !query.q->empty()) {
    sql += " AND (entity_id = ? OR LOWER(actor_name) LIKE ? OR request_id = ?)";
    std::string like = "%";
    for (char c : *query.q) like += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    params.emplace_back(*query.q);
    params.emplace_back(like + "%");
    params.emplace_back(*query.q);
  }
  store::AppendKeysetPage("seq", "seq", !query.oldest_first, std::nullopt, query.after_seq, query.limit, sql, params);
  auto rows = TRY(conn.Query(sql, params));
  std::vector<Event> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

Result<VerifyReport> Verify(store::Connection& conn, const VerifyProgress& checked) {
  VerifyReport report;
  const int64_t total = TRY(conn.QueryOne("SELECT seq FROM audit_head WHERE id = 1", {})).Int(0);
  std::string prev = kGenesis;
  int64_t expected_seq = 1;
  constexpr int64_t kPage = 5000;
  auto fail = [&](int64_t seq, std::string problem) {
    report.ok = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
  };
  for (int64_t from = 0;;) {
    auto rows = TRY(conn.Query(std::string("SELECT ") + kColumns +
                                   " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?",
                               {from, kPage}));
    for (const auto& row : rows) {
      Event e = FromRow(row);
      if (e.seq != expected_seq) {
        fail(expected_seq, "event " + std::to_string(expected_seq) + " is missing");
        return report;
      }
      if (e.prev_hash != prev) {
        fail(e.seq, "event " + std::to_string(e.seq) + " does not follow its predecessor's hash");
        return report;
      }
      if (HashOf(e) != e.hash) {
        fail(e.seq, "event " + std::to_string(e.seq) + " was altered after it was written");
        return report;
      }
      prev = e.hash;
      ++expected_seq;
      ++report.events;
      from = e.seq;
    }
    if (checked) checked(report.events, total);
    if (static_cast<int64_t>(rows.size()) < kPage) break;
  }
  auto head = TRY(conn.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1", {}));
  if (head.Int(0) != report.events || head.Text(1) != prev) {
    fail(report.events + 1, "the chain ends at event " + std::to_string(report.events) + " but the head records " +
                                std::to_string(head.Int(0)) + ": events were deleted from the end");
  }
  return report;
}

}  // namespace concord::audit
