// Traffic / production meetings (agenda from open jobs, frozen when agreed, follow-ups) and the account
// timeline.
#include <algorithm>

#include "agency/loaders.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

TrafficMeeting FromRow(const store::Row& r) {
  TrafficMeeting m;
  m.id = r.Int(0);
  m.meeting_date = *OptDate(r.Text(1));
  m.agenda = nlohmann::json::parse(r.Text(2), nullptr, false);
  m.agreed_at = r.OptText(3);
  m.author = r.Text(4);
  m.version = r.Int(5);
  m.minutes = r.Text(6);
  return m;
}

// The agenda with each job's note from `notes` ({job_number: note}); jobs not named keep theirs.
nlohmann::json WithNotes(nlohmann::json agenda, const nlohmann::json& notes) {
  for (auto& item : agenda) {
    const std::string number = item.value("job_number", "");
    if (notes.is_object() && notes.contains(number) && notes[number].is_string()) item["note"] = notes[number];
  }
  return agenda;
}

constexpr const char* kColumns = "id, meeting_date, agenda, agreed_at, author, version, minutes";

Result<TrafficMeeting> Load(store::Connection& c, int64_t id) {
  auto rows = TRY(c.Query(std::string("SELECT ") + kColumns + " FROM agency_traffic_meetings WHERE id = ?", {id}));
  if (rows.empty()) return Error::NotFound("traffic_meeting.not_found", "No traffic meeting " + std::to_string(id) + ".");
  TrafficMeeting m = FromRow(rows.front());
  m.follow_ups = TRY(LoadActionItems(c, "a.traffic_meeting_id = ?", {id}));
  return m;
}

}  // namespace

Result<TrafficMeeting> MeetingService::CreateTrafficMeeting(const auth::Principal& caller, Date meeting_date,
                                                            const std::string& request_id) {
  // The agenda: every job still in play, soonest due first, with the next step the rules propose.
  nlohmann::json agenda = nlohmann::json::array();
  for (const char* status : {"open", "in_progress", "on_hold"}) {
    ListQuery q;
    q.filters = {{"status", status}};
    q.limit = 500;
    for (const auto& v : TRY(agency_.ListJobs(caller, q)).first) {
      bool awaiting = false, overdue = false;
      for (const auto& a : v.alerts) {
        awaiting = awaiting || a.code == "job.awaiting_client_approval";
        overdue = overdue || a.code == "job.overdue";
      }
      std::optional<std::string> next;
      for (const auto& m : v.job.milestones) {
        if (!m.done) {
          next = m.name + " (" + m.due.ToString() + ")";
          break;
        }
      }
      agenda.push_back({{"job_id", v.job.id},
                        {"job_number", v.job.number},
                        {"title", v.job.title},
                        {"client", v.job.client_name},
                        {"owner", v.job.owner_name},
                        {"status", JobStatusName(v.job.status)},
                        {"due", v.job.due_date ? nlohmann::json(v.job.due_date->ToString()) : nullptr},
                        {"next_step", NextStep(v.lacks_approved_estimate, awaiting, overdue, next)},
                        {"note", ""}});
    }
  }
  std::sort(agenda.begin(), agenda.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    const std::string da = a["due"].is_string() ? a["due"].get<std::string>() : "9999";
    const std::string db = b["due"].is_string() ? b["due"].get<std::string>() : "9999";
    return da != db ? da < db : a["job_number"].get<std::string>() < b["job_number"].get<std::string>();
  });
  return db_.Transact<TrafficMeeting>([&](store::Connection& c) -> Result<TrafficMeeting> {
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_traffic_meetings (meeting_date, agenda, author, version, created_at) "
        "VALUES (?, ?, ?, 1, ?) RETURNING id",
        {meeting_date.ToString(), agenda.dump(), caller.name, store::NowText()}));
    TrafficMeeting saved = TRY(Load(c, row.Int(0)));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_traffic_meeting", std::to_string(saved.id), std::nullopt,
                                                    "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<TrafficMeeting> MeetingService::GetTrafficMeeting(int64_t id) {
  auto conn = TRY(db_.Acquire());
  return Load(*conn, id);
}

Result<std::vector<TrafficMeeting>> MeetingService::TrafficMeetings() {
  auto conn = TRY(db_.Acquire());
  std::vector<TrafficMeeting> out;
  for (const auto& r : TRY(conn->Query(std::string("SELECT ") + kColumns +
                                       " FROM agency_traffic_meetings ORDER BY meeting_date DESC, id DESC LIMIT 100"))) {
    out.push_back(FromRow(r));
    out.back().follow_ups = TRY(LoadActionItems(*conn, "a.traffic_meeting_id = ?", {out.back().id}));
  }
  return out;
}

Result<ActionItem> MeetingService::AddFollowUp(const auth::Principal& caller, int64_t meeting_id,
                                               const ActionItemInput& in, const std::string& request_id) {
  return db_.Transact<ActionItem>([&](store::Connection& c) -> Result<ActionItem> {
    TRY(Load(c, meeting_id));
    std::optional<int64_t> client;
    if (in.job_id) client = TRY(LoadJob(c, std::nullopt, *in.job_id)).client_id;
    TRY(InsertActionItems(c, client, std::nullopt, meeting_id, {in}));
    auto added = TRY(LoadActionItems(c, "a.traffic_meeting_id = ?", {meeting_id}));
    const auto newest = std::max_element(added.begin(), added.end(), [](auto& a, auto& b) { return a.id < b.id; });
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_action_item", std::to_string(newest->id), client,
                                                    "create", nullptr, ToJson(*newest)}));
    return *newest;
  });
}

Result<TrafficMeeting> MeetingService::SaveTrafficNotes(const auth::Principal& caller, int64_t id,
                                                        int64_t expected_version, const std::string& minutes,
                                                        const nlohmann::json& notes, const std::string& request_id) {
  return db_.Transact<TrafficMeeting>([&](store::Connection& c) -> Result<TrafficMeeting> {
    const TrafficMeeting before = TRY(Load(c, id));
    if (before.agreed_at) {
      return ConflictAt("traffic_meeting.agreed", "agreed_at", "What was agreed is frozen; the notes are final.");
    }
    const nlohmann::json agenda = WithNotes(before.agenda, notes);
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_traffic_meetings SET agenda = ?, minutes = ?, version = version + 1 WHERE id = ? AND version = ?",
        {agenda.dump(), minutes, id, expected_version}));
    if (changed == 0) return StaleVersion("traffic meeting");
    TrafficMeeting saved = TRY(Load(c, id));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_traffic_meeting", std::to_string(id), std::nullopt,
                                                    "notes", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

Result<TrafficMeeting> MeetingService::AgreeTrafficMeeting(const auth::Principal& caller, int64_t id,
                                                           int64_t expected_version, const nlohmann::json& notes,
                                                           const std::vector<ActionItemInput>& follow_ups,
                                                           const std::string& request_id) {
  return db_.Transact<TrafficMeeting>([&](store::Connection& c) -> Result<TrafficMeeting> {
    const TrafficMeeting before = TRY(Load(c, id));
    if (before.agreed_at) {
      return ConflictAt("traffic_meeting.agreed", "agreed_at",
                        "What was agreed is frozen; follow up through its action items or a new meeting.");
    }
    const nlohmann::json agenda = WithNotes(before.agenda, notes);
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_traffic_meetings SET agenda = ?, agreed_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        {agenda.dump(), store::NowText(), id, expected_version}));
    if (changed == 0) return StaleVersion("traffic meeting");
    // Each follow-up belongs to its job's client, so the client's own views can scope it.
    for (const auto& f : follow_ups) {
      std::optional<int64_t> client;
      if (f.job_id) client = TRY(LoadJob(c, std::nullopt, *f.job_id)).client_id;
      TRY(InsertActionItems(c, client, std::nullopt, id, {f}));
    }
    TrafficMeeting saved = TRY(Load(c, id));
    TRY(audit::Append(c, caller.Actor(request_id), {"agency_traffic_meeting", std::to_string(id), std::nullopt,
                                                    "agree", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

Result<nlohmann::json> MeetingService::Timeline(const auth::Principal& caller, int64_t client_id) {
  TRY(agency_.GetAccount(caller, client_id));
  auto conn = TRY(db_.Acquire());
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const std::string& sql, const std::string& kind) -> Status {
    for (const auto& r : TRY(conn->Query(sql, {client_id}))) {
      out.push_back({{"at", r.Text(0)}, {"kind", kind}, {"id", r.Int(1)}, {"title", r.Text(2)}});
    }
    return {};
  };
  TRY(add("SELECT meeting_date, id, 'Contact report: ' || discussion FROM agency_contact_reports WHERE client_id = ?",
          "contact_report"));
  TRY(add("SELECT r.created_at, r.id, 'Status report ' || j.number || ': ' || r.status FROM agency_status_reports r "
          "JOIN agency_jobs j ON j.id = r.job_id WHERE r.client_id = ?",
          "status_report"));
  TRY(add("SELECT sent_at, id, 'Account status report sent to ' || sent_to FROM agency_account_reports "
          "WHERE client_id = ? AND state = 'sent'",
          "account_status_report"));
  TRY(add("SELECT approved_at, id, 'Estimate ' || number || ' approved by ' || approved_by FROM agency_estimates "
          "WHERE client_id = ? AND approved_at IS NOT NULL",
          "estimate_approved"));
  TRY(add("SELECT issue_date, id, 'Invoice ' || number || ' issued, ' || total FROM agency_invoices "
          "WHERE client_id = ? AND status = 'issued'",
          "invoice_issued"));
  TRY(add("SELECT created_at, id, 'Job ' || number || ' opened: ' || title FROM agency_jobs WHERE client_id = ?",
          "job_opened"));
  std::sort(out.begin(), out.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["at"].get<std::string>() > b["at"].get<std::string>();
  });
  return out;
}

nlohmann::json ToJson(const TrafficMeeting& m) {
  nlohmann::json follow_ups = nlohmann::json::array();
  for (const auto& f : m.follow_ups) follow_ups.push_back(ToJson(f));
  return {{"id", m.id},
          {"meeting_date", m.meeting_date.ToString()},
          {"agenda", m.agenda},
          {"agreed_at", m.agreed_at ? nlohmann::json(*m.agreed_at) : nullptr},
          {"frozen", m.agreed_at.has_value()},
          {"minutes", m.minutes},
          {"author", m.author},
          {"follow_ups", follow_ups},
          {"version", m.version}};
}

}  // namespace concord::agency
