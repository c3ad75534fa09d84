// Account status reports: the draft prepared from the account's live jobs and the last sent report, edited,
// then e-mailed to the client contact with the PDF through the outbox; and the weekly schedule that prepares
// (or sends) it by itself.
#include "agency/account_reports.h"

#include "agency/loaders.h"
#include "audit/audit.h"
#include "jobs/schedules.h"
#include "mail/outbox.h"
#include "store/sql.h"

namespace concord::agency {
namespace {

constexpr const char* kColumns =
    "r.id, r.client_id, c.legal_name, r.state, r.origin, r.narrative, r.lines, r.previous_id, r.sent_at, r.sent_to, "
    "r.outbox_id, r.author, r.version, r.created_at, r.updated_at";

const ListSpec kReports{"agency_account_reports r JOIN clients c ON c.id = r.client_id",
                        "r.id",
                        "r.client_id",
                        {"c.legal_name", "r.narrative"},
                        {{"created_at", "r.created_at"}, {"client", "LOWER(c.legal_name)"}},
                        {{"client_id", "r.client_id"}, {"state", "r.state"}}};

// The weekly job runs as the system, on every account.
audit::Actor ActorOf(const auth::Principal& caller, const std::string& request_id) {
  if (caller.user_id == 0) return audit::Actor::System(request_id);
  return caller.Actor(request_id);
}

std::string ScheduleName(int64_t client_id) { return "agency.account_report." + std::to_string(client_id); }

nlohmann::json LinesJson(const std::vector<AccountReportLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    const auto used = BudgetUsedPercent(l.budget, l.actual);
    out.push_back({{"job_id", l.job_id},
                   {"number", l.number},
                   {"title", l.title},
                   {"job_status", l.job_status},
                   {"health", l.health},
                   {"progress", l.progress},
                   {"budget", l.budget.ToString()},
                   {"actual", l.actual.ToString()},
                   {"currency", l.budget.currency()},
                   {"budget_used_percent", used ? nlohmann::json(used->ToString()) : nullptr},
                   {"milestones", MilestonesJson(l.milestones)},
                   {"milestones_moved", MovedJson(l.moved)}});
  }
  return out;
}

std::vector<AccountReportLine> LinesFrom(const std::string& text) {
  std::vector<AccountReportLine> out;
  const auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& j : list) {
    AccountReportLine l;
    l.job_id = j.value("job_id", int64_t{0});
    l.number = j.value("number", "");
    l.title = j.value("title", "");
    l.job_status = j.value("job_status", "");
    l.health = j.value("health", "on_track");
    l.progress = j.value("progress", 0);
    const std::string currency = j.value("currency", "USD");
    l.budget = MoneyOf(j.value("budget", "0"), currency);
    l.actual = MoneyOf(j.value("actual", "0"), currency);
    l.milestones = MilestonesFromJson(j.value("milestones", nlohmann::json::array()));
    l.moved = MovedFromJson(j.value("milestones_moved", nlohmann::json::array()));
    out.push_back(std::move(l));
  }
  return out;
}

AccountReport FromRow(const store::Row& r) {
  AccountReport a;
  a.id = r.Int(0);
  a.client_id = r.Int(1);
  a.client_name = r.Text(2);
  a.state = r.Text(3);
  a.origin = r.Text(4);
  a.narrative = r.Text(5);
  a.lines = LinesFrom(r.Text(6));
  a.previous_id = r.OptInt(7);
  a.sent_at = r.OptText(8);
  a.sent_to = r.Text(9);
  a.outbox_id = r.OptInt(10);
  a.author = r.Text(11);
  a.version = r.Int(12);
  a.created_at = r.Text(13);
  a.updated_at = r.Text(14);
  return a;
}

Result<std::optional<AccountReport>> Latest(store::Connection& c, int64_t client_id, const std::string& state) {
  auto rows = TRY(c.Query(std::string("SELECT ") + kColumns + " FROM " + kReports.from +
                              " WHERE r.client_id = ? AND r.state = ? ORDER BY r.id DESC LIMIT 1",
                          {client_id, state}));
  if (rows.empty()) return std::optional<AccountReport>();
  return std::optional<AccountReport>(FromRow(rows.front()));
}

Result<AccountReport> Load(store::Connection& c, const Scope& scope, int64_t id) {
  return FromRow(TRY(LoadRow(c, scope, kReports, kColumns, id, "account_report")));
}

Result<AccountReportSchedule> LoadSchedule(store::Connection& c, int64_t client_id) {
  AccountReportSchedule s;
  s.client_id = client_id;
  auto rows = TRY(c.Query("SELECT weekday, auto_send, send_to, version FROM agency_account_report_schedules "
                          "WHERE client_id = ?",
                          {client_id}));
  if (rows.empty()) return s;
  if (auto day = rows.front().OptInt(0)) s.weekday = static_cast<int>(*day);
  s.auto_send = rows.front().Bool(1);
  s.send_to = rows.front().Text(2);
  s.version = rows.front().Int(3);
  return s;
}

// What the plan needs of each of the account's jobs, read through the caller's scope.
Result<std::vector<AccountJobFacts>> JobFacts(store::Database& db, AgencyService& agency,
                                              const auth::Principal& caller, int64_t client_id) {
  std::vector<std::pair<int64_t, std::optional<std::pair<std::string, int>>>> jobs;
  {
    auto conn = TRY(db.Acquire());
    for (const auto& r : TRY(conn->Query("SELECT id FROM agency_jobs WHERE client_id = ? ORDER BY number", {client_id}))) {
      auto last = TRY(conn->Query(
          "SELECT status, progress FROM agency_status_reports WHERE job_id = ? ORDER BY id DESC LIMIT 1", {r.Int(0)}));
      std::optional<std::pair<std::string, int>> report;
      if (!last.empty()) report = std::make_pair(last.front().Text(0), static_cast<int>(last.front().Int(1)));
      jobs.emplace_back(r.Int(0), report);
    }
  }
  std::vector<AccountJobFacts> out;
  for (const auto& [id, report] : jobs) {
    const JobView view = TRY(agency.GetJob(caller, id));
    AccountJobFacts f;
    f.job_id = id;
    f.number = view.job.number;
    f.title = view.job.title;
    f.status = view.job.status;
    f.budget = view.budget.amount;
    f.actual = view.actual;
    for (const auto& m : view.job.milestones) {
      f.milestones.push_back({m.name, m.due});
      f.milestones_done += m.done ? 1 : 0;
    }
    if (report) {
      f.job_report_health = report->first;
      f.job_report_progress = report->second;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string MailBody(const AccountReport& r, const std::string& sender) {
  std::string text = "Hello,\n\nattached is this week's status report for " + r.client_name + ".\n\n";
  for (const auto& l : r.lines) {
    text += "- " + l.number + " " + l.title + ": " + l.health + ", " + std::to_string(l.progress) + "% done\n";
  }
  if (r.lines.empty()) text += "No live jobs this week.\n";
  if (!r.narrative.empty()) text += "\n" + r.narrative + "\n";
  return text + "\n" + sender + "\n";
}

}  // namespace

Result<AccountReport> AccountReportService::PrepareDraft(const auth::Principal& caller, int64_t client_id,
                                                         const std::string& origin, const std::string& request_id) {
  TRY(agency_.GetAccount(caller, client_id));  // 404 outside the caller's scope
  const std::vector<AccountJobFacts> facts = TRY(JobFacts(db_, agency_, caller, client_id));
  const std::string now = agency_.Now().ToString();
  return db_.Transact<AccountReport>([&](store::Connection& c) -> Result<AccountReport> {
    const auto previous = TRY(Latest(c, client_id, "sent"));
    const auto draft = TRY(Latest(c, client_id, "draft"));
    std::vector<AccountReportLine> lines =
        PlanAccountReport(previous ? std::optional(previous->lines) : std::nullopt, facts);
    std::string narrative = previous ? previous->narrative : "";
    if (draft) {  // keep what the coordinator already wrote in the draft
      narrative = draft->narrative;
      for (auto& line : lines) {
        for (const auto& kept : draft->lines) {
          if (kept.job_id != line.job_id) continue;
          line.health = kept.health;
          line.progress = kept.progress;
        }
      }
    }
    const store::Value previous_id = previous ? store::Value(previous->id) : store::Null();
    int64_t id = 0;
    if (draft) {
      id = draft->id;
      TRY(c.Execute("UPDATE agency_account_reports SET narrative = ?, lines = ?, previous_id = ?, updated_at = ?, "
                    "version = version + 1 WHERE id = ?",
                    {narrative, LinesJson(lines).dump(), previous_id, now, id}));
    } else {
      id = TRY(c.QueryOne("INSERT INTO agency_account_reports (client_id, state, origin, narrative, lines, previous_id, "
                          "author, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          {client_id, origin, narrative, LinesJson(lines).dump(), previous_id,
                           caller.name.empty() ? std::string("weekly schedule") : caller.name, now, now}))
               .Int(0);
    }
    const AccountReport saved = TRY(Load(c, std::nullopt, id));
    TRY(audit::Append(c, ActorOf(caller, request_id),
                      {"agency_account_report", std::to_string(id), client_id, draft ? "refresh" : "create",
                       draft ? ToJson(*draft) : nlohmann::json(nullptr), ToJson(saved)}));
    return saved;
  });
}

Result<AccountReport> AccountReportService::EditDraft(const auth::Principal& caller, int64_t id,
                                                      int64_t expected_version, const AccountReportEdit& edit,
                                                      const std::string& request_id) {
  return db_.Transact<AccountReport>([&](store::Connection& c) -> Result<AccountReport> {
    const AccountReport before = TRY(Load(c, caller.ClientScope(), id));
    if (before.state != "draft") return ConflictAt("account_report.sent", "state", "A sent report is not edited.");
    if (before.version != expected_version) return StaleVersion("account report");
    AccountReport after = before;
    if (edit.narrative) after.narrative = *edit.narrative;
    for (size_t i = 0; i < edit.lines.size(); ++i) {
      const AccountReportLineEdit& e = edit.lines[i];
      const std::string at = "lines[" + std::to_string(i) + "]";
      auto line = std::find_if(after.lines.begin(), after.lines.end(),
                               [&](const AccountReportLine& l) { return l.job_id == e.job_id; });
      if (line == after.lines.end()) {
        return InvalidAt("account_report.job_not_in_report", at + ".job_id", "The report does not cover this job.");
      }
      if (e.health) {
        if (!CheckReportStatus(*e.health).ok()) {
          return InvalidAt("status_report.status_invalid", at + ".health",
                           "One of on_track, at_risk, off_track, on_hold, done.");
        }
        line->health = *e.health;
      }
      if (e.progress) {
        if (!CheckProgress(*e.progress).ok()) {
          return InvalidAt("status_report.progress_invalid", at + ".progress", "Progress is a percent from 0 to 100.");
        }
        line->progress = *e.progress;
      }
    }
    TRY(c.Execute("UPDATE agency_account_reports SET narrative = ?, lines = ?, updated_at = ?, version = version + 1 "
                  "WHERE id = ? AND version = ?",
                  {after.narrative, LinesJson(after.lines).dump(), agency_.Now().ToString(), id, expected_version}));
    const AccountReport saved = TRY(Load(c, std::nullopt, id));
    TRY(audit::Append(c, ActorOf(caller, request_id),
                      {"agency_account_report", std::to_string(id), saved.client_id, "update", ToJson(before),
                       ToJson(saved)}));
    return saved;
  });
}

Result<AccountReport> AccountReportService::Send(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                 const std::optional<std::string>& to, const std::string& request_id) {
  const std::string now = agency_.Now().ToString();
  return db_.Transact<AccountReport>([&](store::Connection& c) -> Result<AccountReport> {
    const AccountReport before = TRY(Load(c, caller.ClientScope(), id));
    if (before.state != "draft") return ConflictAt("account_report.sent", "state", "The report was already sent.");
    if (before.version != expected_version) return StaleVersion("account report");
    std::string recipient = to.value_or("");
    if (recipient.empty()) recipient = TRY(LoadSchedule(c, before.client_id)).send_to;
    if (recipient.empty()) {
      std::vector<ContactCandidate> contacts;
      for (const auto& r : TRY(c.Query("SELECT name, role, email, is_primary FROM contacts WHERE client_id = ? "
                                       "ORDER BY id",
                                       {before.client_id}))) {
        contacts.push_back({r.Text(0), r.Text(1), r.Text(2), r.Bool(3)});
      }
      recipient = TRY(ReportContactOf(contacts)).email;
    }
    TRY(c.Execute("UPDATE agency_account_reports SET state = 'sent', sent_at = ?, sent_to = ?, updated_at = ?, "
                  "version = version + 1 WHERE id = ? AND version = ?",
                  {now, recipient, now, id, expected_version}));
    AccountReport sent = TRY(Load(c, std::nullopt, id));
    const RenderedDocument pdf = TRY(AccountReportDocument(sent));
    mail::Message message;
    message.to = {recipient};
    message.subject = "Status report: " + sent.client_name + ", " + now.substr(0, 10);
    message.text = MailBody(sent, caller.user_id ? caller.name : "Your account team");
    message.attachments = {{pdf.file_name, pdf.content_type, pdf.bytes}};
    message.purpose = "account_status_report";
    message.entity = "agency_account_report";
    message.entity_id = std::to_string(id);
    message.client_id = sent.client_id;
    if (caller.user_id) message.created_by = caller.user_id;
    const int64_t outbox_id = TRY(mail::Enqueue(c, ActorOf(caller, request_id), message));
    TRY(c.Execute("UPDATE agency_account_reports SET outbox_id = ? WHERE id = ?", {outbox_id, id}));
    sent.outbox_id = outbox_id;
    TRY(audit::Append(c, ActorOf(caller, request_id),
                      {"agency_account_report", std::to_string(id), sent.client_id, "send", ToJson(before),
                       ToJson(sent)}));
    return sent;
  });
}

// The client sees what was sent to them; a draft is the agency's work in progress.
Result<AccountReport> AccountReportService::Get(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  AccountReport report = TRY(Load(*conn, caller.ClientScope(), id));
  if (!caller.Internal() && report.state != "sent") return Error::NotFound("account_report.not_found", "No such report.");
  return report;
}

Result<std::pair<std::vector<AccountReport>, KeyedRows>> AccountReportService::List(const auth::Principal& caller,
                                                                                     const ListQuery& query) {
  ListQuery scoped = query;
  if (!caller.Internal()) scoped.filters.emplace_back("state", "sent");
  auto conn = TRY(db_.Acquire());
  return ListRecords<AccountReport>(*conn, caller.ClientScope(), kReports, kColumns, scoped, FromRow);
}

Result<AccountReportSchedule> AccountReportService::GetSchedule(const auth::Principal& caller, int64_t client_id) {
  TRY(agency_.GetAccount(caller, client_id));
  auto conn = TRY(db_.Acquire());
  return LoadSchedule(*conn, client_id);
}

Result<AccountReportSchedule> AccountReportService::SaveSchedule(const auth::Principal& caller, int64_t client_id,
                                                                 int64_t expected_version,
                                                                 const AccountReportSchedule& in,
                                                                 const std::string& request_id) {
  TRY(agency_.GetAccount(caller, client_id));
  std::optional<std::string> cron;
  if (in.weekday) cron = TRY(WeeklyReportCron(*in.weekday));
  if (!in.send_to.empty() && in.send_to.find('@') == std::string::npos) {
    return InvalidAt("field.email", "send_to", "An e-mail address, or empty for the primary contact.");
  }
  const Instant now = agency_.Now();
  return db_.Transact<AccountReportSchedule>([&](store::Connection& c) -> Result<AccountReportSchedule> {
    const AccountReportSchedule before = TRY(LoadSchedule(c, client_id));
    if (before.version != expected_version) return StaleVersion("report schedule");
    const store::Value weekday = in.weekday ? store::Value(int64_t{*in.weekday}) : store::Null();
    if (before.version == 0) {
      TRY(c.Execute("INSERT INTO agency_account_report_schedules (client_id, weekday, auto_send, send_to, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    {client_id, weekday, int64_t{in.auto_send}, in.send_to, now.ToString()}));
    } else {
      TRY(c.Execute("UPDATE agency_account_report_schedules SET weekday = ?, auto_send = ?, send_to = ?, "
                    "updated_at = ?, version = version + 1 WHERE client_id = ?",
                    {weekday, int64_t{in.auto_send}, in.send_to, now.ToString(), client_id}));
    }
    // The platform's scheduler fires the weekly job; no weekday removes it.
    TRY(c.Execute("DELETE FROM schedules WHERE name = ?", {ScheduleName(client_id)}));
    if (cron) TRY(jobs::PutSchedule(c, ScheduleName(client_id), *cron, kAccountReportJob, {{"client_id", client_id}},
                                    now.time()));
    const AccountReportSchedule saved = TRY(LoadSchedule(c, client_id));
    TRY(audit::Append(c, ActorOf(caller, request_id),
                      {"agency_account_report_schedule", std::to_string(client_id), client_id, "update",
                       before.version ? ToJson(before) : nlohmann::json(nullptr), ToJson(saved)}));
    return saved;
  });
}

void AccountReportService::RegisterJobs(jobs::Registry& registry) {
  registry.Register(kAccountReportJob, [this](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    const int64_t client_id = job.payload.value("client_id", int64_t{0});
    const auth::Principal system{.user_id = 0, .name = "", .role = auth::Role::kAdmin};
    const std::string request_id = "job:" + std::to_string(job.id);
    progress.Update(0, 2, "Preparing the status report");
    const AccountReport draft = TRY(PrepareDraft(system, client_id, "schedule", request_id));
    jobs::Outcome out;
    out.result = {{"report_id", draft.id}, {"sent", false}};
    const AccountReportSchedule schedule = TRY(GetSchedule(system, client_id));
    if (schedule.auto_send) {
      auto sent = Send(system, draft.id, draft.version, std::nullopt, request_id);
      if (sent.ok()) out.result["sent"] = true;
      else out.result["not_sent"] = sent.error().message;  // the draft waits for the coordinator
    }
    progress.Update(2, 2, out.result["sent"].get<bool>() ? "Sent" : "Draft ready for review");
    return out;
  });
}

nlohmann::json ToJson(const AccountReport& r) {
  return {{"id", r.id},
          {"client_id", r.client_id},
          {"client_name", r.client_name},
          {"state", r.state},
          {"origin", r.origin},
          {"narrative", r.narrative},
          {"lines", LinesJson(r.lines)},
          {"previous_id", r.previous_id ? nlohmann::json(*r.previous_id) : nullptr},
          {"sent_at", r.sent_at ? nlohmann::json(*r.sent_at) : nullptr},
          {"sent_to", r.sent_to},
          {"outbox_id", r.outbox_id ? nlohmann::json(*r.outbox_id) : nullptr},
          {"author", r.author},
          {"version", r.version},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

nlohmann::json ToJson(const AccountReportSchedule& s) {
  return {{"client_id", s.client_id},
          {"weekday", s.weekday ? nlohmann::json(*s.weekday) : nullptr},
          {"auto_send", s.auto_send},
          {"send_to", s.send_to},
          {"version", s.version}};
}

}  // namespace concord::agency
