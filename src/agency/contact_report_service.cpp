// Contact reports with action items tracked to done; distributed to the client by the agency's deadline.
#include "agency/loaders.h"
#include "agency/meetings.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kColumns =
    "r.id, r.client_id, c.legal_name, r.meeting_date, r.attendees, r.discussion, r.decisions, r.job_ids, "
    "r.distribute_by, r.distributed_at, r.distributed_to, r.author, r.version, r.created_at";
const ListSpec kReports{"agency_contact_reports r JOIN clients c ON c.id = r.client_id",
                        "r.id",
                        "r.client_id",
                        {"c.legal_name", "r.discussion", "r.decisions", "r.attendees"},
                        {{"meeting_date", "r.meeting_date"}, {"client", "LOWER(c.legal_name)"},
                         {"distribute_by", "r.distribute_by"}},
                        {{"client_id", "r.client_id"}}};

// The owner is a team member (users) or a client contact (contacts).
constexpr const char* kItemColumns =
    "a.id, a.client_id, a.contact_report_id, a.traffic_meeting_id, a.job_id, a.text, a.owner_user_id, "
    "COALESCE(u.name, oc.name, ''), a.due_date, a.done_at, a.version, a.owner_contact_id";
const ListSpec kItems{"agency_action_items a LEFT JOIN users u ON u.id = a.owner_user_id "
                      "LEFT JOIN contacts oc ON oc.id = a.owner_contact_id",
                      "a.id", "a.client_id", {}, {{"due_date", "COALESCE(a.due_date, '9999-12-31')"}}, {}};

// The agency's calendar and today in its time zone: contact-report lateness is judged in local days.
struct LocalDay {
  BusinessCalendar calendar;
  Date today;
};

Result<LocalDay> LocalDayOf(AgencyService& agency) {
  const Settings settings = TRY(agency.GetSettings());
  BusinessCalendar calendar = settings.Policy().calendar;
  const Date today = calendar.LocalDate(agency.Now());
  return LocalDay{std::move(calendar), today};
}

ContactReport FromRow(const store::Row& r, const LocalDay& day) {
  ContactReport c;
  c.id = r.Int(0);
  c.client_id = r.Int(1);
  c.client_name = r.Text(2);
  c.meeting_date = *OptDate(r.Text(3));
  for (const auto& a : nlohmann::json::parse(r.Text(4), nullptr, false)) {
    c.attendees.push_back({a.value("name", ""), a.value("side", "client"), a.value("email", "")});
  }
  c.discussion = r.Text(5);
  c.decisions = r.Text(6);
  for (const auto& id : nlohmann::json::parse(r.Text(7), nullptr, false)) {
    if (id.is_number_integer()) c.job_ids.push_back(id.get<int64_t>());
  }
  c.distribute_by = *OptDate(r.Text(8));
  c.distributed_at = r.OptText(9);
  c.distributed_to = r.Text(10);
  c.author = r.Text(11);
  c.version = r.Int(12);
  c.created_at = r.Text(13);
  std::optional<Instant> sent;
  if (c.distributed_at) sent = Instant::Parse(*c.distributed_at).value();
  c.distributed_late = DistributedLate(day.calendar, c.distribute_by, sent, day.today);
  return c;
}

ActionItem ActionItemFromRow(const store::Row& r) {
  ActionItem a;
  a.id = r.Int(0);
  a.client_id = r.OptInt(1);
  a.contact_report_id = r.OptInt(2);
  a.traffic_meeting_id = r.OptInt(3);
  a.job_id = r.OptInt(4);
  a.text = r.Text(5);
  a.owner_user_id = r.OptInt(6);
  a.owner_name = r.Text(7);
  a.due_date = OptDate(r.OptText(8));
  a.done_at = r.OptText(9);
  a.version = r.Int(10);
  a.owner_contact_id = r.OptInt(11);
  return a;
}

}  // namespace

Result<std::vector<ActionItem>> LoadActionItems(store::Connection& conn, const std::string& where,
                                                const std::vector<store::Value>& params) {
  std::vector<ActionItem> out;
  for (const auto& r : TRY(conn.Query(std::string("SELECT ") + kItemColumns + " FROM " + kItems.from + " WHERE " +
                                          where + " ORDER BY COALESCE(a.due_date, '9999-12-31'), a.id",
                                      params))) {
    out.push_back(ActionItemFromRow(r));
  }
  return out;
}

Status InsertActionItems(store::Connection& c, std::optional<int64_t> client_id, std::optional<int64_t> report_id,
                         std::optional<int64_t> meeting_id, const std::vector<ActionItemInput>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const std::string at = "action_items[" + std::to_string(i) + "]";
    if (item.text.empty()) return InvalidAt("action_item.text_required", at + ".text", "Say what to do.");
    if (item.owner_contact_id) {
      if (item.owner_user_id) {
        return InvalidAt("action_item.two_owners", at + ".owner_contact_id", "One owner: a team member or a contact.");
      }
      // A client contact owns only their own client's items (never another tenant's contact).
      if (!client_id || TRY(c.Query("SELECT id FROM contacts WHERE id = ? AND client_id = ?",
                                    {*item.owner_contact_id, *client_id})).empty()) {
        return InvalidAt("action_item.owner_not_client_contact", at + ".owner_contact_id",
                         "The owner must be a contact of this client.");
      }
    }
    auto inserted = c.Execute(
        "INSERT INTO agency_action_items (client_id, contact_report_id, traffic_meeting_id, job_id, text, "
        "owner_user_id, owner_contact_id, due_date, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        {store::Opt(client_id), store::Opt(report_id), store::Opt(meeting_id), store::Opt(item.job_id), item.text,
         store::Opt(item.owner_user_id), store::Opt(item.owner_contact_id), DateValue(item.due_date),
         store::NowText()});
    if (!inserted.ok()) {
      if (inserted.error().code == "store.foreign_key_violation") {
        return InvalidAt("action_item.reference_unknown", "action_items[" + std::to_string(i) + "]",
                         "The owner or job does not exist.");
      }
      return std::move(inserted).error();
    }
  }
  return {};
}

Result<ContactReport> MeetingService::GetContactReport(const auth::Principal& caller, int64_t id) {
  const LocalDay day = TRY(LocalDayOf(agency_));
  auto conn = TRY(db_.Acquire());
  ContactReport report = FromRow(TRY(LoadRow(*conn, caller.ClientScope(), kReports, kColumns, id, "contact_report")), day);
  report.action_items = TRY(LoadActionItems(*conn, "a.contact_report_id = ?", {id}));
  return report;
}

Result<std::vector<ContactReport>> MeetingService::ContactReports(const auth::Principal& caller,
                                                                  std::optional<int64_t> client_id) {
  const LocalDay day = TRY(LocalDayOf(agency_));
  auto conn = TRY(db_.Acquire());
  std::string sql = std::string("SELECT ") + kColumns + " FROM " + kReports.from + " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(caller.ClientScope(), "r.client_id", sql, params);
  if (client_id) {
    sql += " AND r.client_id = ?";
    params.emplace_back(*client_id);
  }
  std::vector<ContactReport> out;
  for (const auto& r : TRY(conn->Query(sql + " ORDER BY r.meeting_date DESC, r.id DESC", params))) {
    out.push_back(FromRow(r, day));
    out.back().action_items = TRY(LoadActionItems(*conn, "a.contact_report_id = ?", {out.back().id}));
  }
  return out;
}

Result<std::pair<std::vector<ContactReport>, KeyedRows>> MeetingService::ListContactReports(
    const auth::Principal& caller, const ListQuery& query) {
  const LocalDay day = TRY(LocalDayOf(agency_));
  auto conn = TRY(db_.Acquire());
  auto page = TRY(ListRecords<ContactReport>(*conn, caller.ClientScope(), kReports, kColumns, query,
                                             [&day](const store::Row& r) { return FromRow(r, day); }));
  for (auto& report : page.first) {
    report.action_items = TRY(LoadActionItems(*conn, "a.contact_report_id = ?", {report.id}));
  }
  return page;
}

Result<ContactReport> MeetingService::CreateContactReport(const auth::Principal& caller, const ContactReportInput& in,
                                                          const std::string& request_id) {
  if (in.attendees.empty()) return InvalidAt("contact_report.attendees_required", "attendees", "Who was there?");
  const Settings settings = TRY(agency_.GetSettings());
  const Date deadline = DistributionDeadline(settings.Policy().calendar, in.meeting_date, settings.contact_report_days);
  const LocalDay day = TRY(LocalDayOf(agency_));
  for (int64_t job_id : in.job_ids) {
    const JobView job = TRY(agency_.GetJob(caller, job_id));
    if (job.job.client_id != in.client_id) {
      return InvalidAt("contact_report.job_other_client", "job_ids", "Job " + job.job.number + " is another client's.");
    }
  }
  return db_.Transact<ContactReport>([&](store::Connection& c) -> Result<ContactReport> {
    std::string check = "SELECT id FROM clients WHERE id = ?";
    std::vector<store::Value> params{in.client_id};
    store::AppendScope(caller.ClientScope(), "id", check, params);
    if (TRY(c.Query(check, params)).empty()) {
      return Error::NotFound("client.not_found", "No client " + std::to_string(in.client_id) + ".");
    }
    nlohmann::json attendees = nlohmann::json::array();
    for (const auto& a : in.attendees) attendees.push_back({{"name", a.name}, {"side", a.side}, {"email", a.email}});
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_contact_reports (client_id, meeting_date, attendees, discussion, decisions, job_ids, "
        "distribute_by, author, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
        {in.client_id, in.meeting_date.ToString(), attendees.dump(), in.discussion, in.decisions,
         nlohmann::json(in.job_ids).dump(), deadline.ToString(), caller.name, store::NowText()}));
    const int64_t id = row.Int(0);
    TRY(InsertActionItems(c, in.client_id, id, std::nullopt, in.action_items));
    ContactReport saved = FromRow(TRY(LoadRow(c, std::nullopt, kReports, kColumns, id, "contact_report")), day);
    saved.action_items = TRY(LoadActionItems(c, "a.contact_report_id = ?", {id}));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_contact_report", std::to_string(id), saved.client_id,
                                                    "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<ContactReport> MeetingService::DistributeContactReport(const auth::Principal& caller, int64_t id,
                                                              int64_t expected_version, const std::string& to,
                                                              const std::string& request_id) {
  if (to.empty()) return InvalidAt("contact_report.recipient_required", "distributed_to", "Who was it sent to?");
  return db_.Transact<ContactReport>([&](store::Connection& c) -> Result<ContactReport> {
    return RecordDistribution(c, caller, id, expected_version, to, request_id);
  });
}

Result<ContactReport> MeetingService::RecordDistribution(store::Connection& c, const auth::Principal& caller,
                                                         int64_t id, int64_t expected_version, const std::string& to,
                                                         const std::string& request_id) {
  const LocalDay day = TRY(LocalDayOf(agency_));
  const ContactReport before =
      FromRow(TRY(LoadRow(c, caller.ClientScope(), kReports, kColumns, id, "contact_report")), day);
  const int64_t changed = TRY(c.Execute(
      "UPDATE agency_contact_reports SET distributed_at = ?, distributed_to = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {agency_.Now().ToString(), to, id, expected_version}));
  if (changed == 0) return StaleVersion("contact report");
  ContactReport saved = FromRow(TRY(LoadRow(c, std::nullopt, kReports, kColumns, id, "contact_report")), day);
  saved.action_items = TRY(LoadActionItems(c, "a.contact_report_id = ?", {id}));
  TRY(audit::Append(c, caller.Actor(request_id), {"agency_contact_report", std::to_string(id), saved.client_id,
                                                  "distribute", ToJson(before), ToJson(saved)}));
  return saved;
}

Result<std::vector<ActionItem>> MeetingService::OpenActionItems(const auth::Principal& caller) {
  auto conn = TRY(db_.Acquire());
  std::string where = "a.done_at IS NULL";
  std::vector<store::Value> params;
  store::AppendScope(caller.ClientScope(), "a.client_id", where, params);
  return LoadActionItems(*conn, where, params);
}

Result<std::pair<std::vector<ActionItem>, KeyedRows>> MeetingService::ListActionItems(const auth::Principal& caller,
                                                                                      const ListQuery& query) {
  // "Overdue" is relative to the agency's today; the date is ours (ISO text), not the caller's input.
  const std::string today = agency_.Today().ToString();
  ListSpec spec = kItems;
  spec.from += " LEFT JOIN clients c ON c.id = a.client_id";
  spec.search_columns = {"a.text", "u.name", "oc.name", "c.legal_name"};
  spec.sorts = {{"due_date", "COALESCE(a.due_date, '9999-12-31')"}, {"text", "LOWER(a.text)"},
                {"owner", "LOWER(COALESCE(u.name, oc.name, ''))"}};
  spec.filters = {
      {"state", "CASE WHEN a.done_at IS NOT NULL THEN 'done' WHEN a.due_date < '" + today +
                    "' THEN 'overdue' ELSE 'open' END"},
      {"source", "CASE WHEN a.contact_report_id IS NOT NULL THEN 'contact_report' WHEN a.traffic_meeting_id IS NOT "
                 "NULL THEN 'traffic_meeting' ELSE 'other' END"},
      {"done", "CASE WHEN a.done_at IS NULL THEN 'false' ELSE 'true' END"},
      {"owner_user_id", "CAST(a.owner_user_id AS TEXT)"},
      {"owner_contact_id", "CAST(a.owner_contact_id AS TEXT)"},
      {"client_id", "CAST(a.client_id AS TEXT)"}};
  auto conn = TRY(db_.Acquire());
  return ListRecords<ActionItem>(*conn, caller.ClientScope(), spec, kItemColumns, query, ActionItemFromRow);
}

Result<ActionItem> MeetingService::SetActionItemDone(const auth::Principal& caller, int64_t id,
                                                     int64_t expected_version, bool done,
                                                     const std::string& request_id) {
  return db_.Transact<ActionItem>([&](store::Connection& c) -> Result<ActionItem> {
    const ActionItem before =
        ActionItemFromRow(TRY(LoadRow(c, caller.ClientScope(), kItems, kItemColumns, id, "action_item")));
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_action_items SET done_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        {done ? store::Value(store::NowText()) : store::Null(), id, expected_version}));
    if (changed == 0) return StaleVersion("action item");
    const ActionItem saved = ActionItemFromRow(TRY(LoadRow(c, std::nullopt, kItems, kItemColumns, id, "action_item")));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_action_item", std::to_string(id), saved.client_id,
                                                    done ? "done" : "reopen", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

nlohmann::json ToJson(const ActionItem& a) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"id", a.id},
          {"client_id", opt(a.client_id)},
          {"contact_report_id", opt(a.contact_report_id)},
          {"traffic_meeting_id", opt(a.traffic_meeting_id)},
          {"job_id", opt(a.job_id)},
          {"text", a.text},
          {"owner_user_id", opt(a.owner_user_id)},
          {"owner_contact_id", opt(a.owner_contact_id)},
          {"owner_name", a.owner_name},
          {"due_date", a.due_date ? nlohmann::json(a.due_date->ToString()) : nullptr},
          {"done_at", a.done_at ? nlohmann::json(*a.done_at) : nullptr},
          {"version", a.version}};
}

nlohmann::json ToJson(const ContactReport& r) {
  nlohmann::json attendees = nlohmann::json::array(), items = nlohmann::json::array();
  for (const auto& a : r.attendees) attendees.push_back({{"name", a.name}, {"side", a.side}, {"email", a.email}});
  for (const auto& i : r.action_items) items.push_back(ToJson(i));
  return {{"id", r.id},
          {"client_id", r.client_id},
          {"client_name", r.client_name},
          {"meeting_date", r.meeting_date.ToString()},
          {"attendees", attendees},
          {"discussion", r.discussion},
          {"decisions", r.decisions},
          {"job_ids", r.job_ids},
          {"distribute_by", r.distribute_by.ToString()},
          {"distributed_at", r.distributed_at ? nlohmann::json(*r.distributed_at) : nullptr},
          {"distributed_to", r.distributed_to},
          {"distributed_late", r.distributed_late},
          {"author", r.author},
          {"action_items", items},
          {"version", r.version},
          {"created_at", r.created_at}};
}

}  // namespace concord::agency
