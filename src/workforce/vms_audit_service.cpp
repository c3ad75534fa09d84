// The weekly VMS audit, the periodic assignment audits and the coordinator's home (WorkforceService).
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "audit/audit.h"
#include "io/csv.h"
#include "jobs/schedules.h"
#include "reconciliation/service.h"
#include "store/time.h"
#include "workforce/checkins.h"
#include "workforce/export_job.h"
#include "workforce/onboarding.h"
#include "workforce/reminders.h"
#include "workforce/service.h"
#include "workforce/timecard.h"
#include "workforce/vms_audit.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

const std::vector<std::string> kSourceColumns = {"work_order_id", "worker_name", "worker_email", "start_date",
                                                 "end_date",      "pay_rate",    "bill_rate",    "vms_status",
                                                 "manager",       "status",      "client",       "programme",
                                                 "assignment_id"};

Result<io::Table> SourceTable(store::Connection& conn, const auth::Principal& caller,
                              std::optional<int64_t> programme_id) {
  ListRequest request;
  request.where = " AND t.vms_work_order_id IS NOT NULL AND t.vms_work_order_id <> ''";
  if (programme_id) request.equals = {{"programme_id", std::to_string(*programme_id)}};
  request.sort = "id";
  io::Table table{"Assignments", kSourceColumns, {}};
  for (const auto& a : TRY(AllRecords(conn, AssignmentTable(), caller, request))) {
    auto email = TRY(conn.Query("SELECT email FROM wf_workers WHERE id = ?", {a["worker_id"].get<int64_t>()}));
    table.rows.push_back({Text(a, "vms_work_order_id"), Text(a, "worker_name"),
                          email.empty() ? "" : email.front().Text(0), Text(a, "start_date"), Text(a, "end_date"),
                          Text(a, "pay_rate"), Text(a, "bill_rate"), VmsStatus(Text(a, "status")),
                          Text(a, "manager_name"), Text(a, "status"), Text(a, "client_name"),
                          Text(a, "programme_name"), std::to_string(a["id"].get<int64_t>())});
  }
  return table;
}

Error NoReconciliation() {
  return Error::Internal("workforce.no_reconciliation", "The VMS audit needs the reconciliation engine.");
}

}  // namespace

Result<io::Table> WorkforceService::AssignmentsTable(const auth::Principal& caller) {
  auto conn = TRY(db_.Acquire());
  return SourceTable(*conn, caller, std::nullopt);
}

Result<int> WorkforceService::ClearConfirmedVmsUpdates(const auth::Principal& caller, int64_t programme_id,
                                                       const std::vector<std::string>& differing,
                                                       const std::string& request_id) {
  const std::set<std::string> still_differ(differing.begin(), differing.end());
  return db_.Transact<int>([&](store::Connection& c) -> Result<int> {
    ListRequest request;
    request.equals = {{"programme_id", std::to_string(programme_id)}, {"vms_update_pending", "1"}};
    int cleared = 0;
    for (const auto& before : TRY(AllRecords(c, AssignmentTable(), caller, request))) {
      if (still_differ.contains(Text(before, "vms_work_order_id"))) continue;
      json after = before;
      after["vms_update_pending"] = false;
      TRY(Save(c, AssignmentTable(), caller, before, after, before["version"].get<int64_t>(), "vms_confirmed",
               request_id));
      ++cleared;
    }
    return cleared;
  });
}

Result<json> WorkforceService::StartVmsAudit(const auth::Principal& caller, int64_t programme_id,
                                             const std::string& vms_csv, const std::string& file_name,
                                             const std::string& request_id) {
  if (!reconciliation_) return NoReconciliation();
  json programme = TRY(Get(caller, ProgrammeTable(), programme_id));
  const int64_t client_id = programme["client_id"].get<int64_t>();
  if (!programme["audit_spec_id"].is_number_integer()) {
    reconciliation::SpecInput spec;
    spec.name = "VMS audit: " + Text(programme, "client_name") + " — " + Text(programme, "name");
    spec.toml = VmsAuditSpecToml(Text(programme, "vms"));
    spec.client_id = client_id;
    const auto saved = TRY(reconciliation_->CreateSpec(caller, spec, request_id));
    programme = TRY(db_.Transact<json>([&](store::Connection& c) -> Result<json> {
      const json before = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
      json after = before;
      after["audit_spec_id"] = saved.id;
      return Save(c, ProgrammeTable(), caller, before, after, before["version"].get<int64_t>(), "vms_audit_setup",
                  request_id);
    }));
  }
  io::Table snapshot;
  {
    auto conn = TRY(db_.Acquire());
    snapshot = TRY(SourceTable(*conn, caller, programme_id));
  }
  const auto left = TRY(reconciliation_->Upload(caller, file_name.empty() ? "vms-export.csv" : file_name, vms_csv,
                                                client_id, request_id));
  TRY(db_.TransactStatus([&](store::Connection& c) {
    return RecordVmsWorkOrders(c, caller, programme, vms_csv, file_name, request_id);
  }));
  const auto right = TRY(reconciliation_->Upload(caller, "assignments-programme-" + std::to_string(programme_id) + ".csv",
                                                 io::ToPlainCsv(snapshot), client_id, request_id));
  const auto run = TRY(reconciliation_->StartRun(caller, programme["audit_spec_id"].get<int64_t>(), left.id, right.id,
                                                 request_id));
  return json{{"run_id", run.id}, {"spec_id", run.spec_id}, {"state", run.state},
              {"job_id", run.job_id ? json(*run.job_id) : json(nullptr)}};
}

namespace {
std::string VmsAuditScheduleName(int64_t programme_id) {
  return "workforce.vms_audit.programme." + std::to_string(programme_id);
}
}  // namespace

Result<json> WorkforceService::ScheduleVmsAudit(const auth::Principal& caller, int64_t programme_id,
                                                const std::string& cron, const std::string& vms_export_path,
                                                const std::string& request_id) {
  if (vms_export_path.empty() || vms_export_path.front() != '/') {
    return InvalidInput({{"vms_export_path", "field.required", "Give the absolute path where the VMS export lands."}},
                        "The schedule");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    const json payload = {{"programme_id", programme_id}, {"vms_export_path", vms_export_path}};
    const std::string name = VmsAuditScheduleName(programme_id);
    auto fired = jobs::PutSchedule(c, name, cron, "workforce.vms_audit", payload,
                                   std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    if (!fired.ok()) {
      return InvalidInput({{"cron", "schedule.cron_invalid", fired.error().message}}, "The schedule");
    }
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                       "vms_audit_schedule", nullptr, {{"cron", cron}, {"vms_export_path", vms_export_path}}}));
    return json{{"name", name}, {"cron", cron}, {"vms_export_path", vms_export_path}};
  });
}

Result<json> WorkforceService::VmsAuditSchedule(const auth::Principal& caller, int64_t programme_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadRecord(*conn, ProgrammeTable(), caller, programme_id));
  const auto rows = TRY(conn->Query("SELECT cron, payload, next_run_at FROM schedules WHERE name = ?",
                                    {VmsAuditScheduleName(programme_id)}));
  if (rows.empty()) return json(nullptr);
  const json payload = json::parse(rows[0].Text(1), nullptr, false);
  return json{{"cron", rows[0].Text(0)},
              {"vms_export_path", payload.is_object() ? payload.value("vms_export_path", "") : ""},
              {"next_run_at", rows[0].Text(2)}};
}

Result<json> WorkforceService::UnscheduleVmsAudit(const auth::Principal& caller, int64_t programme_id,
                                                  const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    TRY(jobs::RemoveSchedule(c, VmsAuditScheduleName(programme_id)));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                       "vms_audit_unschedule", nullptr, nullptr}));
    return json(nullptr);
  });
}

Result<json> WorkforceService::ApplyVmsAudit(const auth::Principal& caller, int64_t programme_id,
                                             const std::string& request_id) {
  const json programme = TRY(Get(caller, ProgrammeTable(), programme_id));
  if (!programme["audit_spec_id"].is_number_integer()) {
    return Error::Conflict("vms_audit.none", "This programme has no VMS audit yet; run one first.");
  }
  const int64_t spec_id = programme["audit_spec_id"].get<int64_t>();
  std::vector<std::string> differing;
  int64_t run_id = 0;
  {
    auto conn = TRY(db_.Acquire());
    auto runs = TRY(conn->Query(
        "SELECT id FROM recon_runs WHERE spec_id = ? AND state = 'succeeded' ORDER BY id DESC LIMIT 1", {spec_id}));
    if (runs.empty()) return Error::Conflict("vms_audit.no_run", "No finished VMS audit run yet.");
    run_id = runs.front().Int(0);
    for (const auto& row : TRY(conn->Query("SELECT item_key FROM recon_items WHERE spec_id = ? AND status = 'open'",
                                           {spec_id}))) {
      differing.push_back(row.Text(0));
    }
  }
  const int cleared = TRY(ClearConfirmedVmsUpdates(caller, programme_id, differing, request_id));
  TRY(db_.TransactStatus([&](store::Connection& c) -> Status {
    const json before = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    json after = before;
    after["audit_applied_run_id"] = run_id;
    TRY(Save(c, ProgrammeTable(), caller, before, after, before["version"].get<int64_t>(), "vms_audit_applied",
             request_id));
    return {};
  }));
  return json{{"run_id", run_id}, {"cleared", cleared}, {"still_differing", differing}};
}

Result<json> WorkforceService::VmsAuditDashboard(const auth::Principal& caller) {
  ListRequest request;
  request.where = " AND t.audit_spec_id IS NOT NULL";
  request.sort = "client_name";
  const auto programmes = TRY(All(caller, ProgrammeTable(), request));
  auto conn = TRY(db_.Acquire());
  json rows = json::array();
  std::map<std::string, json> clients;  // client name → summed latest counts
  for (const auto& p : programmes) {
    const int64_t spec_id = p["audit_spec_id"].get<int64_t>();
    json trend = json::array();
    json latest = nullptr;
    for (const auto& run : TRY(conn->Query("SELECT id, finished_at, summary FROM recon_runs WHERE spec_id = ? AND "
                                           "state = 'succeeded' ORDER BY id",
                                           {spec_id}))) {
      const json summary = json::parse(run.Text(2), nullptr, false);
      const auto percent = AlignmentPercent(summary);
      trend.push_back({{"run_id", run.Int(0)}, {"finished_at", run.Text(1)},
                       {"alignment", percent ? json(*percent) : json(nullptr)}});
      latest = summary;
    }
    const int64_t open = TRY(conn->QueryOne("SELECT COUNT(*) FROM recon_items WHERE spec_id = ? AND status = 'open'",
                                            {spec_id}))
                             .Int(0);
    const auto pending = TRY(conn->QueryOne(
        "SELECT COUNT(*) FROM wf_assignments WHERE programme_id = ? AND vms_update_pending = 1", {p["id"]
                                                                                                     .get<int64_t>()}));
    const auto percent = AlignmentPercent(latest);
    rows.push_back({{"programme_id", p["id"]}, {"programme_name", p["name"]}, {"client_id", p["client_id"]},
                    {"client_name", p["client_name"]}, {"spec_id", spec_id},
                    {"alignment", percent ? json(*percent) : json(nullptr)}, {"open_exceptions", open},
                    {"vms_update_pending", pending.Int(0)}, {"trend", trend},
                    {"applied_run_id", p["audit_applied_run_id"]}});
    json& sum = clients[Text(p, "client_name")];
    if (sum.is_null()) sum = {{"client_id", p["client_id"]}, {"client_name", p["client_name"]}, {"summary", json::object()}};
    for (const char* key : {"matched", "mismatched", "only_left", "only_right", "duplicate_keys"}) {
      const int64_t add = latest.is_object() && latest.contains(key) ? latest[key].get<int64_t>() : 0;
      sum["summary"][key] = sum["summary"].value(key, int64_t{0}) + add;
    }
  }
  json by_client = json::array();
  for (auto& [name, sum] : clients) {
    const auto percent = AlignmentPercent(sum["summary"]);
    sum["alignment"] = percent ? json(*percent) : json(nullptr);
    by_client.push_back(sum);
  }
  return json{{"programmes", rows}, {"clients", by_client}};
}

void WorkforceService::RegisterJobs(jobs::Registry& registry) {
  RegisterReminderJob(registry, *this);
  RegisterExportJob(registry, *this);
  registry.Register("workforce.vms_audit", [this](const jobs::Job& job, jobs::Progress&) -> Result<jobs::Outcome> {
    const int64_t programme_id = job.payload.value("programme_id", int64_t{0});
    const std::string path = job.payload.value("vms_export_path", "");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::Invalid("vms_audit.file_missing", "The VMS export " + path + " cannot be read.");
    std::stringstream bytes;
    bytes << in.rdbuf();
    const json run = TRY(StartVmsAudit(SystemPrincipal(), programme_id, bytes.str(), path,
                                       "job:" + std::to_string(job.id)));
    return jobs::Outcome{run, std::nullopt};
  });
}

Result<std::vector<AuditFinding>> WorkforceService::AuditFindings(const auth::Principal& caller, Date today) {
  auto conn = TRY(db_.Acquire());
  ListRequest request;
  request.where = " AND t.status IN ('active', 'ending', 'ended', 'offboarded')";
  std::vector<AssignmentSnapshot> snapshots;
  for (const auto& a : TRY(AllRecords(*conn, AssignmentTable(), caller, request))) {
    AssignmentSnapshot s;
    s.assignment_id = std::to_string(a["id"].get<int64_t>());
    s.status = TRY(ParseAssignmentStatus(Text(a, "status")));
    s.start_date = TRY(Date::Parse(Text(a, "start_date")));
    if (auto end = Date::Parse(Text(a, "end_date")); end.ok()) s.end_date = *end;
    if (auto last = Date::Parse(Text(a, "last_day_worked")); last.ok()) s.last_day_worked = *last;
    auto latest = TRY(conn->Query(
        "SELECT MAX(week_start) FROM wf_timecards WHERE assignment_id = ? AND status IN ('submitted', 'approved')",
        {a["id"].get<int64_t>()}));
    if (!latest.empty() && !latest.front().IsNull(0)) {
      if (auto week = Date::Parse(latest.front().Text(0)); week.ok()) s.last_timecard_date = week->AddDays(6);
    }
    TRY(AddAlertFacts(*conn, a, s));
    snapshots.push_back(std::move(s));
  }
  return AuditAssignments(snapshots, today);
}

Result<json> WorkforceService::Home(const auth::Principal& caller, Date today) {
  const Date monday = WeekStart(today);
  const std::string first = monday.ToString(), last = monday.AddDays(6).ToString();
  auto section = [&](const TableMap& map, ListRequest request) -> Result<json> {
    request.limit = 10;
    const RecordPage page = TRY(List(caller, map, request));
    return json{{"count", page.total}, {"items", page.items}};
  };
  json home = {{"today", today.ToString()}, {"week_start", first}};
  ListRequest psrs;
  psrs.where = " AND t.status IN ('waiting', 'needs_details')";
  psrs.sort = "start_date";
  home["psrs_waiting"] = TRY(section(PsrTable(), psrs));

  ListRequest onboarding;
  onboarding.equals = {{"status", "onboarding"}};
  onboarding.sort = "start_date";
  json blocked = json::array();
  for (auto a : TRY(All(caller, AssignmentTable(), onboarding))) {
    Checklist checklist;
    for (const auto& i : a["checklist"].is_object() ? a["checklist"]["items"] : json::array()) {
      checklist.items.push_back(ChecklistItem{i.value("id", ""), i.value("title", ""), "", i.value("required", true),
                                              std::nullopt, i.value("done", false), i.value("waived", false)});
    }
    const auto missing = MissingTitles(checklist);
    if (missing.empty()) continue;
    a["missing"] = missing;
    a.erase("checklist");
    a.erase("rates");
    blocked.push_back(a);
  }
  home["onboarding_blocked"] = {{"count", blocked.size()}, {"items", blocked}};

  ListRequest starts;
  starts.where = " AND t.start_date >= ? AND t.start_date <= ? AND t.status <> 'cancelled'";
  starts.params = {first, last};
  starts.sort = "start_date";
  home["starts_this_week"] = TRY(section(AssignmentTable(), starts));
  ListRequest ends;
  ends.where = " AND t.end_date >= ? AND t.end_date <= ? AND t.status IN ('active', 'ending')";
  ends.params = {first, last};
  ends.sort = "end_date";
  home["ends_this_week"] = TRY(section(AssignmentTable(), ends));

  // Check-ins due: active assignments of programmes with a delivery schedule whose worker has had no
  // outreach (call, email, message, chat, voicemail) for the schedule's interval.
  {
    auto conn = TRY(db_.Acquire());
    std::map<int64_t, std::string> schedules;
    for (const auto& row : TRY(conn->Query("SELECT id, checkin_schedule FROM wf_programmes WHERE checkin_schedule "
                                           "IS NOT NULL AND checkin_schedule <> ''",
                                           {}))) {
      schedules[row.Int(0)] = row.Text(1);
    }
    std::map<int64_t, std::string> last_contact;
    for (const auto& row : TRY(conn->Query("SELECT worker_id, MAX(occurred_at) FROM wf_timeline WHERE kind IN "
                                           "('call', 'email', 'message', 'chat', 'voicemail') GROUP BY worker_id",
                                           {}))) {
      last_contact[row.Int(0)] = row.Text(1);
    }
    ListRequest active;
    active.where = " AND t.status IN ('active', 'ending')";
    active.sort = "start_date";
    json due = json::array();
    for (const auto& a : TRY(All(caller, AssignmentTable(), active))) {
      const auto schedule = schedules.find(a["programme_id"].get<int64_t>());
      auto start = Date::Parse(a.value("start_date", ""));
      if (schedule == schedules.end() || !start.ok()) continue;
      std::optional<Date> last;
      if (auto it = last_contact.find(a["worker_id"].get<int64_t>()); it != last_contact.end()) {
        if (auto d = Date::Parse(it->second.substr(0, 10)); d.ok()) last = *d;
      }
      const auto next = NextCheckIn(schedule->second, *start, last);
      if (!next || *next > today) continue;
      due.push_back({{"assignment_id", a["id"]}, {"worker_id", a["worker_id"]}, {"worker_name", a["worker_name"]},
                     {"client_name", a["client_name"]}, {"programme_name", a["programme_name"]},
                     {"schedule", schedule->second}, {"last_contact", last ? json(last->ToString()) : json(nullptr)},
                     {"due", next->ToString()}});
    }
    std::stable_sort(due.begin(), due.end(), [](const json& x, const json& y) { return x["due"] < y["due"]; });
    const size_t count = due.size();
    if (due.size() > 10) due.erase(due.begin() + 10, due.end());
    home["checkins_due"] = {{"count", count}, {"items", due}};
  }

  const auto missing = TRY(MissingTimecards(caller, monday.AddDays(-7)));
  home["missing_timecards"] = {{"count", missing.size()},
                               {"week_start", monday.AddDays(-7).ToString()},
                               {"items", json(std::vector<json>(missing.begin(),
                                                                missing.begin() + std::min<size_t>(10, missing.size())))}};
  const auto findings = TRY(AuditFindings(caller, today));
  json finding_rows = json::array();
  for (const auto& f : findings) {
    if (finding_rows.size() < 10) {
      finding_rows.push_back({{"assignment_id", std::stoll(f.assignment_id)}, {"code", f.code}, {"reason", f.reason}});
    }
  }
  home["alerts"] = HomeAlerts(findings);
  home["deliverables_overdue"] = TRY(OverdueDeliverables(caller, today));
  const json dashboard = TRY(VmsAuditDashboard(caller));
  int64_t vms_open = 0;
  for (const auto& p : dashboard["programmes"]) vms_open += p["open_exceptions"].get<int64_t>();
  home["audit_exceptions"] = {{"count", static_cast<int64_t>(findings.size()) + vms_open},
                              {"vms_open", vms_open},
                              {"findings", finding_rows},
                              {"programmes", dashboard["programmes"]}};
  return home;
}

}  // namespace concord::workforce
