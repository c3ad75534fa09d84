// SQL for the service desk's configuration: calendars, SLA policies, queues with members, macros.
#include "service/case_store.h"
#include "service/store_rows.h"

namespace concord::service {
namespace {

Status CheckChanged(int64_t changed, const std::string& what) {
  if (changed == 0) return Stale(what);
  return {};
}

nlohmann::json Parse(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

CalendarRecord CalendarFromRow(const store::Row& r) {
  CalendarRecord c;
  c.id = r.Int(0);
  c.name = r.Text(1);
  std::vector<FieldError> ignored;
  c.calendar = CalendarFromJson({{"time_zone", r.Text(2)}, {"weekly_hours", Parse(r.Text(3))}, {"holidays", Parse(r.Text(4))}},
                                ignored);
  c.version = r.Int(5);
  return c;
}

constexpr const char* kPolicyColumns =
    "id, name, calendar_id, first_response_min, next_response_min, resolution_min, due_soon_min, pause_statuses, "
    "escalations, client_id, category, priority, active, version";

PolicyRecord PolicyFromRow(const store::Row& r) {
  std::vector<FieldError> ignored;
  nlohmann::json j = {{"name", r.Text(1)}, {"calendar_id", r.Int(2)}, {"pause_statuses", Parse(r.Text(7))},
                      {"escalations", Parse(r.Text(8))}};
  PolicyRecord p = PolicyFromJson(j, ignored);
  p.id = r.Int(0);
  p.first_response_min = r.OptInt(3);
  p.next_response_min = r.OptInt(4);
  p.resolution_min = r.OptInt(5);
  p.due_soon_min = r.Int(6);
  p.client_id = r.OptInt(9);
  p.category = r.OptText(10);
  p.priority = r.OptText(11);
  p.active = r.Bool(12);
  p.version = r.Int(13);
  return p;
}

std::string EscalationsJson(const PolicyRecord& p) { return ToJson(p)["escalations"].dump(); }

Status SaveMembers(store::Connection& conn, const Queue& q) {
  TRY(conn.Execute("DELETE FROM service_queue_members WHERE queue_id = ?", {q.id}));
  for (const auto& m : q.members) {
    auto inserted = conn.Execute(
        "INSERT INTO service_queue_members (queue_id, user_id, skills, capacity) VALUES (?, ?, ?, ?)",
        {q.id, m.user_id, nlohmann::json(m.skills).dump(), m.capacity});
    if (!inserted.ok()) {
      if (inserted.error().code == "store.foreign_key_violation")
        return Error::Invalid("queue.member_unknown", "A queue member is not a user.",
                              {{"members", "queue.member_unknown", "No user has id " + std::to_string(m.user_id)}});
      if (inserted.error().code == "store.unique_violation")
        return Error::Invalid("queue.member_twice", "A user is listed twice.",
                              {{"members", "queue.member_twice", "User " + std::to_string(m.user_id) + " twice"}});
      return std::move(inserted).error();
    }
  }
  return {};
}

Status LoadMembers(store::Connection& conn, std::vector<Queue>& queues) {
  auto rows = TRY(conn.Query(
      "SELECT m.queue_id, m.user_id, u.name, m.skills, m.capacity FROM service_queue_members m "
      "JOIN users u ON u.id = m.user_id ORDER BY m.queue_id, u.name, m.user_id"));
  for (const auto& row : rows)
    for (auto& q : queues)
      if (q.id == row.Int(0)) q.members.push_back({row.Int(1), row.Text(2), TextList(row.Text(3)), row.Int(4)});
  return {};
}

Queue QueueFromRow(const store::Row& r) {
  Queue q;
  q.id = r.Int(0);
  q.name = r.Text(1);
  q.strategy = r.Text(2);
  q.category = r.OptText(3);
  q.language = r.OptText(4);
  q.client_id = r.OptInt(5);
  q.inbound_address = r.Text(6);
  q.version = r.Int(7);
  return q;
}

constexpr const char* kQueueColumns = "id, name, strategy, category, language, client_id, inbound_address, version";

Macro MacroFromRow(const store::Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.OptText(3), r.OptText(4), TextList(r.Text(5)), r.Int(6)};
}

// A name taken by another record is a field error, not a 500.
template <class T>
Result<T> NameUnique(Result<T> r, const std::string& what) {
  if (!r.ok() && r.error().code == "store.unique_violation")
    return Error{ErrorKind::kConflict, what + ".name_taken", "Another " + what + " has this name.",
                 {{"name", what + ".name_taken", "Choose another name."}}};
  return r;
}

}  // namespace

Result<std::vector<CalendarRecord>> ListCalendars(store::Connection& conn) {
  auto rows = TRY(conn.Query("SELECT id, name, time_zone, weekly_hours, holidays, version FROM service_calendars ORDER BY name"));
  std::vector<CalendarRecord> out;
  for (const auto& row : rows) out.push_back(CalendarFromRow(row));
  return out;
}

Result<CalendarRecord> LoadCalendar(store::Connection& conn, int64_t id) {
  return CalendarFromRow(TRY(conn.QueryOne(
      "SELECT id, name, time_zone, weekly_hours, holidays, version FROM service_calendars WHERE id = ?", {id},
      "calendar.not_found")));
}

Result<int64_t> InsertCalendar(store::Connection& conn, const CalendarRecord& r) {
  const nlohmann::json j = CalendarToJson(r.calendar);
  auto rows = TRY(NameUnique(
      conn.Query("INSERT INTO service_calendars (name, time_zone, weekly_hours, holidays) VALUES (?, ?, ?, ?) RETURNING id",
                 {r.name, r.calendar.time_zone, j["weekly_hours"].dump(), j["holidays"].dump()}),
      "calendar"));
  return rows.at(0).Int(0);
}

Status UpdateCalendar(store::Connection& conn, const CalendarRecord& r, int64_t expected_version) {
  const nlohmann::json j = CalendarToJson(r.calendar);
  const int64_t changed = TRY(NameUnique(
      conn.Execute("UPDATE service_calendars SET name = ?, time_zone = ?, weekly_hours = ?, holidays = ?, "
                   "version = version + 1 WHERE id = ? AND version = ?",
                   {r.name, r.calendar.time_zone, j["weekly_hours"].dump(), j["holidays"].dump(), r.id, expected_version}),
      "calendar"));
  return CheckChanged(changed, "calendar");
}

Result<std::vector<PolicyRecord>> ListPolicies(store::Connection& conn) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kPolicyColumns + " FROM sla_policies ORDER BY id"));
  std::vector<PolicyRecord> out;
  for (const auto& row : rows) out.push_back(PolicyFromRow(row));
  return out;
}

Result<PolicyRecord> LoadPolicy(store::Connection& conn, int64_t id) {
  return PolicyFromRow(TRY(conn.QueryOne(std::string("SELECT ") + kPolicyColumns + " FROM sla_policies WHERE id = ?",
                                         {id}, "sla_policy.not_found")));
}

Result<int64_t> InsertPolicy(store::Connection& conn, const PolicyRecord& p) {
  auto rows = TRY(NameUnique(
      conn.Query("INSERT INTO sla_policies (name, calendar_id, first_response_min, next_response_min, resolution_min, "
                 "due_soon_min, pause_statuses, escalations, client_id, category, priority, active) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {p.name, p.calendar_id, store::Opt(p.first_response_min), store::Opt(p.next_response_min),
                  store::Opt(p.resolution_min), p.due_soon_min, nlohmann::json(p.pause_statuses).dump(),
                  EscalationsJson(p), store::Opt(p.client_id), store::Opt(p.category), store::Opt(p.priority),
                  int64_t{p.active ? 1 : 0}}),
      "sla_policy"));
  return rows.at(0).Int(0);
}

Status UpdatePolicy(store::Connection& conn, const PolicyRecord& p, int64_t expected_version) {
  const int64_t changed = TRY(NameUnique(
      conn.Execute("UPDATE sla_policies SET name = ?, calendar_id = ?, first_response_min = ?, next_response_min = ?, "
                   "resolution_min = ?, due_soon_min = ?, pause_statuses = ?, escalations = ?, client_id = ?, "
                   "category = ?, priority = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?",
                   {p.name, p.calendar_id, store::Opt(p.first_response_min), store::Opt(p.next_response_min),
                    store::Opt(p.resolution_min), p.due_soon_min, nlohmann::json(p.pause_statuses).dump(),
                    EscalationsJson(p), store::Opt(p.client_id), store::Opt(p.category), store::Opt(p.priority),
                    int64_t{p.active ? 1 : 0}, p.id, expected_version}),
      "sla_policy"));
  return CheckChanged(changed, "sla_policy");
}

Result<std::vector<Queue>> ListQueues(store::Connection& conn) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kQueueColumns + " FROM service_queues ORDER BY name"));
  std::vector<Queue> out;
  for (const auto& row : rows) out.push_back(QueueFromRow(row));
  TRY(LoadMembers(conn, out));
  return out;
}

Result<Queue> LoadQueue(store::Connection& conn, int64_t id) {
  std::vector<Queue> one{QueueFromRow(TRY(conn.QueryOne(
      std::string("SELECT ") + kQueueColumns + " FROM service_queues WHERE id = ?", {id}, "queue.not_found")))};
  TRY(LoadMembers(conn, one));
  return one.front();
}

Result<int64_t> InsertQueue(store::Connection& conn, const Queue& q) {
  auto rows = TRY(NameUnique(
      conn.Query("INSERT INTO service_queues (name, strategy, category, language, client_id, inbound_address) "
                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {q.name, q.strategy, store::Opt(q.category), store::Opt(q.language), store::Opt(q.client_id),
                  q.inbound_address}),
      "queue"));
  Queue saved = q;
  saved.id = rows.at(0).Int(0);
  TRY(SaveMembers(conn, saved));
  return saved.id;
}

Status UpdateQueue(store::Connection& conn, const Queue& q, int64_t expected_version) {
  const int64_t changed = TRY(NameUnique(
      conn.Execute("UPDATE service_queues SET name = ?, strategy = ?, category = ?, language = ?, client_id = ?, "
                   "inbound_address = ?, version = version + 1 WHERE id = ? AND version = ?",
                   {q.name, q.strategy, store::Opt(q.category), store::Opt(q.language), store::Opt(q.client_id),
                    q.inbound_address, q.id, expected_version}),
      "queue"));
  TRY(CheckChanged(changed, "queue"));
  return SaveMembers(conn, q);
}

Status SetLastAssigned(store::Connection& conn, int64_t queue_id, int64_t user_id) {
  TRY(conn.Execute("UPDATE service_queues SET last_assigned_id = ? WHERE id = ?", {user_id, queue_id}));
  return {};
}

Result<std::optional<int64_t>> LastAssigned(store::Connection& conn, int64_t queue_id) {
  return TRY(conn.QueryOne("SELECT last_assigned_id FROM service_queues WHERE id = ?", {queue_id}, "queue.not_found"))
      .OptInt(0);
}

Result<std::map<int64_t, int64_t>> WeightedLoads(store::Connection& conn) {
  auto rows = TRY(conn.Query(
      "SELECT assignee_id, SUM(CASE priority WHEN 'urgent' THEN 5 WHEN 'high' THEN 3 WHEN 'low' THEN 1 ELSE 2 END) "
      "FROM cases WHERE assignee_id IS NOT NULL AND status NOT IN ('solved', 'closed') AND merged_into_id IS NULL "
      "GROUP BY assignee_id"));
  std::map<int64_t, int64_t> out;
  for (const auto& row : rows) out[row.Int(0)] = row.Int(1);
  return out;
}

Result<std::vector<Macro>> ListMacros(store::Connection& conn) {
  auto rows = TRY(conn.Query(
      "SELECT id, name, body, set_status, set_priority, add_tags, version FROM service_macros ORDER BY name"));
  std::vector<Macro> out;
  for (const auto& row : rows) out.push_back(MacroFromRow(row));
  return out;
}

Result<Macro> LoadMacro(store::Connection& conn, int64_t id) {
  return MacroFromRow(TRY(conn.QueryOne(
      "SELECT id, name, body, set_status, set_priority, add_tags, version FROM service_macros WHERE id = ?", {id},
      "macro.not_found")));
}

Result<int64_t> InsertMacro(store::Connection& conn, const Macro& m) {
  auto rows = TRY(NameUnique(
      conn.Query("INSERT INTO service_macros (name, body, set_status, set_priority, add_tags) VALUES (?, ?, ?, ?, ?) "
                 "RETURNING id",
                 {m.name, m.body, store::Opt(m.set_status), store::Opt(m.set_priority), nlohmann::json(m.add_tags).dump()}),
      "macro"));
  return rows.at(0).Int(0);
}

Status UpdateMacro(store::Connection& conn, const Macro& m, int64_t expected_version) {
  const int64_t changed = TRY(NameUnique(
      conn.Execute("UPDATE service_macros SET name = ?, body = ?, set_status = ?, set_priority = ?, add_tags = ?, "
                   "version = version + 1 WHERE id = ? AND version = ?",
                   {m.name, m.body, store::Opt(m.set_status), store::Opt(m.set_priority),
                    nlohmann::json(m.add_tags).dump(), m.id, expected_version}),
      "macro"));
  return CheckChanged(changed, "macro");
}

}  // namespace concord::service
