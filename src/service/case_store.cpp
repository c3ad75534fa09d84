#include "service/case_store.h"
#include "service/store_rows.h"

#include "store/sql.h"

namespace concord::service {
namespace {

constexpr const char* kCaseColumns =
    "c.id, c.subject, c.requester_kind, c.requester_contact_id, c.requester_worker_id, c.requester_user_id, "
    "c.requester_name, c.requester_email, c.client_id, c.category, c.priority, c.status, c.queue_id, "
    "COALESCE(q.name, ''), c.assignee_id, COALESCE(u.name, ''), c.level, c.tags, c.channel, c.language, "
    "c.sla_policy_id, c.sla_due_at, c.sla_next_check_at, c.sla_state, c.first_response_at, c.solved_at, "
    "c.merged_into_id, c.satisfaction, c.satisfaction_comment, c.survey_token, c.version, c.created_at, "
    "c.updated_at";
constexpr const char* kCaseFrom =
    " FROM cases c LEFT JOIN service_queues q ON q.id = c.queue_id LEFT JOIN users u ON u.id = c.assignee_id";

Case CaseFromRow(const store::Row& r) {
  Case c;
  c.id = r.Int(0);
  c.subject = r.Text(1);
  c.requester_kind = r.Text(2);
  c.requester_contact_id = r.OptInt(3);
  c.requester_worker_id = r.OptInt(4);
  c.requester_user_id = r.OptInt(5);
  c.requester_name = r.Text(6);
  c.requester_email = r.Text(7);
  c.client_id = r.OptInt(8);
  c.category = r.Text(9);
  c.priority = r.Text(10);
  c.status = r.Text(11);
  c.queue_id = r.OptInt(12);
  c.queue_name = r.Text(13);
  c.assignee_id = r.OptInt(14);
  c.assignee_name = r.Text(15);
  c.level = r.Text(16);
  c.tags = TextList(r.Text(17));
  c.channel = r.Text(18);
  c.language = r.Text(19);
  c.sla_policy_id = r.OptInt(20);
  c.sla_due_at = r.OptText(21);
  c.sla_next_check_at = r.OptText(22);
  c.sla_state = r.Text(23);
  c.first_response_at = r.OptText(24);
  c.solved_at = r.OptText(25);
  c.merged_into_id = r.OptInt(26);
  c.satisfaction = r.OptInt(27);
  c.satisfaction_comment = r.Text(28);
  c.survey_token = r.Text(29);
  c.version = r.Int(30);
  c.created_at = r.Text(31);
  c.updated_at = r.Text(32);
  return c;
}

void AppendCaseScope(const CaseScope& scope, std::string& where, std::vector<store::Value>& params) {
  if (scope.none) {
    where += " AND 1 = 0";
    return;
  }
  if (scope.worker_id) {
    where += " AND c.requester_worker_id = ?";
    params.emplace_back(*scope.worker_id);
  }
  if (scope.client_ids) store::AppendScope(scope.client_ids, "c.client_id", where, params);
}

std::string SortExpression(const std::string& sort) {
  if (sort == "created_at") return "c.created_at";
  if (sort == "sla_due_at") return "COALESCE(c.sla_due_at, '9999')";
  if (sort == "subject") return "LOWER(c.subject)";
  if (sort == "status") return "c.status";
  // Urgent first when descending: a sortable text key per priority.
  if (sort == "priority")
    return "CASE c.priority WHEN 'urgent' THEN '4' WHEN 'high' THEN '3' WHEN 'normal' THEN '2' ELSE '1' END";
  return "c.updated_at";
}

store::Value OptText(const std::optional<std::string>& v) { return store::Opt(v); }

Status LoadLinks(store::Connection& conn, Case& c) {
  auto rows = TRY(conn.Query(
      "SELECT entity_type, entity_id FROM case_links WHERE case_id = ? ORDER BY entity_type, entity_id", {c.id}));
  c.links.clear();
  for (const auto& row : rows) c.links.push_back({row.Text(0), row.Int(1)});
  return {};
}

constexpr const char* kEntryColumns =
    "id, case_id, kind, public, author_id, author_name, body, duration_s, outcome, status, mail_message_id, "
    "mail_in_reply_to, mail_references, mail_from, mail_to, mail_subject, attachments, created_at";

Entry EntryFromRow(const store::Row& r) {
  Entry e;
  e.id = r.Int(0);
  e.case_id = r.Int(1);
  e.kind = r.Text(2);
  e.is_public = r.Bool(3);
  e.author_id = r.OptInt(4);
  e.author_name = r.Text(5);
  e.body = r.Text(6);
  e.duration_s = r.OptInt(7);
  e.outcome = r.Text(8);
  e.status = r.Text(9);
  e.mail_message_id = r.Text(10);
  e.mail_in_reply_to = r.Text(11);
  e.mail_references = TextList(r.Text(12));
  e.mail_from = r.Text(13);
  e.mail_to = r.Text(14);
  e.mail_subject = r.Text(15);
  auto attachments = nlohmann::json::parse(r.Text(16), nullptr, false);
  if (attachments.is_array()) {
    for (const auto& a : attachments) {
      Attachment att{a.value("name", ""), a.value("content_type", ""), a.value("size", int64_t{0}), std::nullopt};
      if (a.contains("file_id") && a["file_id"].is_number_integer()) att.file_id = a["file_id"].get<int64_t>();
      e.attachments.push_back(att);
    }
  }
  e.created_at = r.Text(17);
  return e;
}

std::string AttachmentsJson(const std::vector<Attachment>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : list) {
    nlohmann::json j = {{"name", a.name}, {"content_type", a.content_type}, {"size", a.size}};
    if (a.file_id) j["file_id"] = *a.file_id;
    out.push_back(j);
  }
  return out.dump();
}

SlaEventKind EventKindFromName(const std::string& name) {
  for (SlaEventKind k : {SlaEventKind::kActivated, SlaEventKind::kPaused, SlaEventKind::kResumed,
                         SlaEventKind::kDueSoon, SlaEventKind::kEscalated, SlaEventKind::kFulfilled,
                         SlaEventKind::kBreached})
    if (name == SlaEventKindName(k)) return k;
  return SlaEventKind::kActivated;
}

SlaMetric MetricFromName(const std::string& name) {
  if (name == "next_response") return SlaMetric::kNextResponse;
  if (name == "resolution") return SlaMetric::kResolution;
  return SlaMetric::kFirstResponse;
}

StoredSlaEvent SlaEventFromRow(const store::Row& r) {
  StoredSlaEvent s;
  s.id = r.Int(0);
  s.case_id = r.Int(1);
  s.event.at = Instant::Parse(r.Text(2)).value_or(Instant());
  s.event.kind = EventKindFromName(r.Text(3));
  s.event.metric = MetricFromName(r.Text(4));
  s.event.policy_id = r.Text(5);
  if (!r.IsNull(6)) s.event.due = Instant::Parse(r.Text(6)).value_or(Instant());
  s.event.escalation = static_cast<int>(r.Int(7));
  s.handled = r.Bool(8);
  return s;
}

constexpr const char* kSlaEventColumns = "id, case_id, at, kind, metric, policy_id, due, escalation, handled";

}  // namespace

void AppendTextSearch(const std::string& text, const std::vector<std::string>& columns, const std::string& id_column,
                      std::string& where, std::vector<store::Value>& params) {
  std::string pattern = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_') continue;
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  pattern += "%";
  where += " AND (";
  for (size_t i = 0; i < columns.size(); ++i) {
    where += (i ? " OR LOWER(" : "LOWER(") + columns[i] + ") LIKE ?";
    params.emplace_back(pattern);
  }
  const std::string digits = text.starts_with('#') ? text.substr(1) : text;
  if (!digits.empty() && digits.size() < 18 && digits.find_first_not_of("0123456789") == std::string::npos) {
    where += " OR " + id_column + " = ?";
    params.emplace_back(std::stoll(digits));
  }
  where += ")";
}

Result<CasePage> ListCases(store::Connection& conn, const CaseScope& scope, const CaseListQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  AppendCaseScope(scope, where, params);
  if (!q.include_merged) where += " AND c.merged_into_id IS NULL";
  if (q.q && !q.q->empty())
    AppendTextSearch(*q.q, {"c.subject", "c.requester_name", "c.requester_email"}, "c.id", where, params);
  if (q.status == "active") {
    where += " AND c.status NOT IN ('solved', 'closed')";
  } else if (q.status) {
    where += " AND c.status = ?";
    params.emplace_back(*q.status);
  }
  auto equals = [&](const char* column, const auto& value) {
    if (!value) return;
    where += std::string(" AND ") + column + " = ?";
    params.emplace_back(*value);
  };
  equals("c.priority", q.priority);
  equals("c.category", q.category);
  equals("c.level", q.level);
  equals("c.sla_state", q.sla_state);
  equals("c.channel", q.channel);
  equals("c.queue_id", q.queue_id);
  equals("c.assignee_id", q.assignee_id);
  equals("c.client_id", q.client_id);
  if (q.unassigned) where += " AND c.assignee_id IS NULL";

  CasePage page;
  page.total = TRY(conn.QueryOne(std::string("SELECT COUNT(*)") + kCaseFrom + where, params)).Int(0);
  const std::string key = SortExpression(q.sort);
  std::string sql = std::string("SELECT ") + kCaseColumns + ", " + key + " AS sort_key" + kCaseFrom + where;
  store::AppendKeysetPage(key, "c.id", q.descending, q.after_key, q.after_id, q.limit, sql, params);
  auto rows = TRY(conn.Query(sql, params));
  for (const auto& row : rows) {
    page.items.push_back(CaseFromRow(row));
    page.sort_keys.push_back(row.Text(static_cast<int>(row.size()) - 1));
  }
  for (Case& c : page.items) TRY(LoadLinks(conn, c));
  return page;
}

Result<Case> LoadCase(store::Connection& conn, const CaseScope& scope, int64_t id) {
  std::string where = " WHERE c.id = ?";
  std::vector<store::Value> params{id};
  AppendCaseScope(scope, where, params);
  auto row = TRY(conn.QueryOne(std::string("SELECT ") + kCaseColumns + kCaseFrom + where, params, "case.not_found"));
  Case c = CaseFromRow(row);
  TRY(LoadLinks(conn, c));
  return c;
}

Result<int64_t> InsertCase(store::Connection& conn, const Case& c) {
  auto rows = TRY(conn.Query(
      "INSERT INTO cases (subject, requester_kind, requester_contact_id, requester_worker_id, requester_user_id, "
      "requester_name, requester_email, client_id, category, priority, status, queue_id, assignee_id, level, tags, "
      "channel, language, sla_policy_id, survey_token, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.subject, c.requester_kind, store::Opt(c.requester_contact_id), store::Opt(c.requester_worker_id),
       store::Opt(c.requester_user_id), c.requester_name, c.requester_email, store::Opt(c.client_id), c.category,
       c.priority, c.status, store::Opt(c.queue_id), store::Opt(c.assignee_id), c.level,
       nlohmann::json(c.tags).dump(), c.channel, c.language, store::Opt(c.sla_policy_id), c.survey_token,
       c.created_at, c.updated_at}));
  return rows.at(0).Int(0);
}

Status UpdateCase(store::Connection& conn, const Case& c, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE cases SET subject = ?, requester_kind = ?, requester_contact_id = ?, requester_worker_id = ?, "
      "requester_name = ?, requester_email = ?, client_id = ?, category = ?, priority = ?, status = ?, queue_id = ?, "
      "assignee_id = ?, level = ?, tags = ?, channel = ?, language = ?, sla_policy_id = ?, sla_due_at = ?, "
      "sla_next_check_at = ?, sla_state = ?, first_response_at = ?, solved_at = ?, merged_into_id = ?, "
      "satisfaction = ?, satisfaction_comment = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      {c.subject, c.requester_kind, store::Opt(c.requester_contact_id), store::Opt(c.requester_worker_id),
       c.requester_name, c.requester_email, store::Opt(c.client_id), c.category, c.priority, c.status,
       store::Opt(c.queue_id), store::Opt(c.assignee_id), c.level, nlohmann::json(c.tags).dump(), c.channel,
       c.language, store::Opt(c.sla_policy_id), OptText(c.sla_due_at), OptText(c.sla_next_check_at), c.sla_state,
       OptText(c.first_response_at), OptText(c.solved_at), store::Opt(c.merged_into_id), store::Opt(c.satisfaction),
       c.satisfaction_comment, c.updated_at, c.id, expected_version}));
  if (changed == 0) return Stale("case");
  return {};
}

Status SaveLinks(store::Connection& conn, const Case& c) {
  TRY(conn.Execute("DELETE FROM case_links WHERE case_id = ?", {c.id}));
  for (const auto& l : c.links) {
    auto inserted = conn.Execute("INSERT INTO case_links (case_id, entity_type, entity_id) VALUES (?, ?, ?)",
                                 {c.id, l.entity_type, l.entity_id});
    if (!inserted.ok() && inserted.error().code != "store.unique_violation") return std::move(inserted).error();
  }
  return {};
}

Result<int64_t> InsertEntry(store::Connection& conn, const Entry& e) {
  auto rows = TRY(conn.Query(
      "INSERT INTO case_entries (case_id, kind, public, author_id, author_name, body, duration_s, outcome, status, "
      "mail_message_id, mail_in_reply_to, mail_references, mail_from, mail_to, mail_subject, attachments, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.case_id, e.kind, int64_t{e.is_public ? 1 : 0}, store::Opt(e.author_id), e.author_name, e.body,
       store::Opt(e.duration_s), e.outcome, e.status, e.mail_message_id, e.mail_in_reply_to,
       nlohmann::json(e.mail_references).dump(), e.mail_from, e.mail_to, e.mail_subject,
       AttachmentsJson(e.attachments), e.created_at}));
  return rows.at(0).Int(0);
}

Result<std::vector<Entry>> ListEntries(store::Connection& conn, int64_t case_id, bool public_only) {
  std::string sql = std::string("SELECT ") + kEntryColumns + " FROM case_entries WHERE case_id = ?";
  if (public_only) sql += " AND public = 1";
  sql += " ORDER BY created_at, id";
  auto rows = TRY(conn.Query(sql, {case_id}));
  std::vector<Entry> out;
  for (const auto& row : rows) out.push_back(EntryFromRow(row));
  return out;
}

Status MoveEntries(store::Connection& conn, int64_t from_case, int64_t to_case) {
  TRY(conn.Execute("UPDATE case_entries SET case_id = ? WHERE case_id = ? AND kind IN "
                   "('message_in', 'message_out', 'note', 'call', 'chat')",
                   {to_case, from_case}));
  return {};
}

Result<std::optional<int64_t>> FindCaseByMessageIds(store::Connection& conn, const std::vector<std::string>& ids) {
  // The newest reference first: it names the message answered most recently.
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    if (it->empty()) continue;
    auto rows = TRY(conn.Query(
        "SELECT e.case_id, c.merged_into_id FROM case_entries e JOIN cases c ON c.id = e.case_id "
        "WHERE e.mail_message_id = ? ORDER BY e.id LIMIT 1",
        {*it}));
    if (!rows.empty()) return std::optional<int64_t>(rows[0].IsNull(1) ? rows[0].Int(0) : rows[0].Int(1));
  }
  return std::optional<int64_t>();
}

Result<bool> MessageIdKnown(store::Connection& conn, const std::string& message_id) {
  auto rows = TRY(conn.Query("SELECT 1 FROM case_entries WHERE mail_message_id = ? LIMIT 1", {message_id}));
  return !rows.empty();
}

Result<std::vector<StoredSlaEvent>> ListSlaEvents(store::Connection& conn, int64_t case_id) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kSlaEventColumns +
                                 " FROM case_sla_events WHERE case_id = ? ORDER BY at, id",
                             {case_id}));
  std::vector<StoredSlaEvent> out;
  for (const auto& row : rows) out.push_back(SlaEventFromRow(row));
  return out;
}

Status ReplaceSlaEvents(store::Connection& conn, int64_t case_id, const std::vector<SlaEvent>& events) {
  const std::vector<StoredSlaEvent> stored = TRY(ListSlaEvents(conn, case_id));
  auto same = [](const SlaEvent& a, const SlaEvent& b) {
    return a.at == b.at && a.kind == b.kind && a.metric == b.metric && a.policy_id == b.policy_id &&
           a.escalation == b.escalation;
  };
  for (const StoredSlaEvent& s : stored) {
    const bool kept = std::any_of(events.begin(), events.end(), [&](const SlaEvent& e) { return same(e, s.event); });
    if (!kept) TRY(conn.Execute("DELETE FROM case_sla_events WHERE id = ?", {s.id}));
  }
  for (const SlaEvent& e : events) {
    const bool known = std::any_of(stored.begin(), stored.end(), [&](const StoredSlaEvent& s) { return same(e, s.event); });
    if (known) continue;
    TRY(conn.Execute(
        "INSERT INTO case_sla_events (case_id, at, kind, metric, policy_id, due, escalation) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {case_id, e.at.ToString(), std::string(SlaEventKindName(e.kind)), std::string(SlaMetricName(e.metric)),
         e.policy_id, e.due ? store::Value(e.due->ToString()) : store::Null(), int64_t{e.escalation}}));
  }
  return {};
}

Status MarkSlaEventHandled(store::Connection& conn, int64_t event_id) {
  TRY(conn.Execute("UPDATE case_sla_events SET handled = 1 WHERE id = ?", {event_id}));
  return {};
}

Result<std::vector<StoredSlaEvent>> UnhandledEscalations(store::Connection& conn, int limit) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kSlaEventColumns +
                                 " FROM case_sla_events WHERE kind = 'escalated' AND handled = 0 ORDER BY at, id LIMIT ?",
                             {int64_t{limit}}));
  std::vector<StoredSlaEvent> out;
  for (const auto& row : rows) out.push_back(SlaEventFromRow(row));
  return out;
}

Result<std::vector<int64_t>> CasesDueForCheck(store::Connection& conn, const std::string& now, int limit) {
  auto rows = TRY(conn.Query(
      "SELECT id FROM cases WHERE sla_next_check_at IS NOT NULL AND sla_next_check_at <= ? "
      "ORDER BY sla_next_check_at, id LIMIT ?",
      {now, int64_t{limit}}));
  std::vector<int64_t> out;
  for (const auto& row : rows) out.push_back(row.Int(0));
  return out;
}

}  // namespace concord::service
