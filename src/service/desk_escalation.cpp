// The scheduled side of the desk: SLA re-checks, escalation actions, follow-up reminders, and the
// contact arrivals workforce management reads.
#include "jobs/schedules.h"
#include "service/case_write.h"
#include "service/desk.h"
#include "service/sla_sync.h"
#include "service/survey_mail.h"

namespace concord::service {
namespace {

constexpr int kBatch = 200;

// Open at `t` on the calendar: the next business moment from t is t itself.
bool OpenAt(const BusinessCalendar& calendar, Instant t) { return calendar.AddBusinessTime(t, std::chrono::minutes(0)) == t; }

// In the user's notification list and by e-mail (through the outbox, in this transaction), so an
// escalation reaches an agent who is not looking at concord.
Status Notify(store::Connection& conn, int64_t case_id, std::optional<int64_t> user_id, const std::string& message,
              Instant now) {
  TRY(conn.Execute("INSERT INTO service_notifications (case_id, user_id, message, created_at) VALUES (?, ?, ?, ?)",
                   {case_id, store::Opt(user_id), message, now.ToString()}));
  if (!user_id) return {};
  const auto users = TRY(conn.Query("SELECT email FROM users WHERE id = ?", {*user_id}));
  if (users.empty() || users[0].Text(0).empty()) return {};
  mail::Message m;
  m.to = {users[0].Text(0)};
  m.subject = message.substr(0, 200);
  m.text = message + "\n\n" + PublicLink("/service-desk/cases/" + std::to_string(case_id)) + "\n";
  m.purpose = "case_notification";
  m.entity = "case";
  m.entity_id = std::to_string(case_id);
  TRY(mail::Enqueue(conn, audit::Actor::System("escalation"), m));
  return {};
}

std::optional<int64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(text);
}

// Acts on one fired escalation inside the caller's transaction; false when it must wait for business
// hours.
Result<bool> Escalate(store::Connection& conn, const StoredSlaEvent& fired, const PolicyMap& policies, Instant now,
                      const std::string& request_id) {
  auto it = policies.find(fired.event.policy_id);
  if (it == policies.end() || fired.event.escalation < 0 ||
      fired.event.escalation >= static_cast<int>(it->second.escalations.size()))
    return true;  // the policy changed since: nothing left to do
  const SlaPolicy& policy = it->second;
  if (!OpenAt(policy.calendar, now)) return false;
  const EscalationRule& rule = policy.escalations[static_cast<size_t>(fired.event.escalation)];
  Case c = TRY(LoadCase(conn, CaseScope{}, fired.case_id));
  if (c.merged_into_id || IsSolved(TRY(ParseCaseStatus(c.status)))) return true;
  CaseWriter w(conn, audit::Actor::System(request_id), now);
  const Case before = c;
  const std::string what = std::string(SlaMetricName(rule.metric)) + " due " +
                           (fired.event.due ? fired.event.due->ToString() : std::string("now"));
  switch (rule.action) {
    case EscalationAction::kNotify: {
      const std::optional<int64_t> target = ParseId(rule.target);
      TRY(Notify(conn, c.id, target ? target : c.assignee_id, "Case #" + std::to_string(c.id) + ": " + what, now));
      TRY(w.Note(c, "escalation", "Notified " + w.UserName(target ? target : c.assignee_id) + ": " + what));
      break;
    }
    case EscalationAction::kReassign: {
      if (const std::optional<int64_t> queue = ParseId(rule.target)) c.queue_id = queue;
      c.assignee_id.reset();
      TRY(w.Note(c, "escalation", "Reassigned: " + what));
      TRY(w.Route(c));
      TRY(Notify(conn, c.id, c.assignee_id, "Case #" + std::to_string(c.id) + " reassigned to you: " + what, now));
      break;
    }
    case EscalationAction::kRaiseLevel: {
      c.level = NextLevel(c.level);
      TRY(w.Note(c, "level", "Escalated to " + c.level + ": " + what));
      if (const std::optional<int64_t> queue = ParseId(rule.target); queue && queue != c.queue_id) {
        c.queue_id = queue;
        c.assignee_id.reset();
        TRY(w.Route(c));
      }
      TRY(Notify(conn, c.id, c.assignee_id, "Case #" + std::to_string(c.id) + " escalated to " + c.level + ": " + what, now));
      break;
    }
  }
  TRY(w.Finish(c, c.version, "escalate", CaseAuditJson(before),
               {{"action", EscalationActionName(rule.action)}, {"metric", SlaMetricName(rule.metric)}}));
  return true;
}

}  // namespace

Result<EscalationRun> ServiceDesk::RunEscalations(const std::string& request_id) {
  const Instant now = now_();
  EscalationRun run;
  // 1. Bring the SLA of every case whose next check has come up to date (records the events).
  std::vector<int64_t> due;
  {
    auto conn = TRY(db_.Acquire());
    due = TRY(CasesDueForCheck(*conn, now.ToString(), kBatch));
  }
  for (int64_t id : due) {
    TRY(db_.TransactStatus([&](store::Connection& conn) -> Status {
      Case c = TRY(LoadCase(conn, CaseScope{}, id));
      const int64_t version = c.version;
      TRY(SyncSla(conn, c, now));
      TRY(UpdateCase(conn, c, version));  // the computed SLA columns only: no audit event for a recount
      return {};
    }));
    ++run.cases_checked;
  }
  // 2. Act on escalations that fired, each in its own transaction.
  std::vector<StoredSlaEvent> fired;
  PolicyMap policies;
  {
    auto conn = TRY(db_.Acquire());
    fired = TRY(UnhandledEscalations(*conn, kBatch));
    policies = TRY(LoadSlaPolicies(*conn));
  }
  for (const StoredSlaEvent& e : fired) {
    TRY(db_.TransactStatus([&](store::Connection& conn) -> Status {
      const bool done = TRY(Escalate(conn, e, policies, now, request_id));
      if (!done) {
        ++run.deferred;
        return {};
      }
      TRY(MarkSlaEventHandled(conn, e.id));
      ++run.escalations_fired;
      return {};
    }));
  }
  // 3. Follow-up reminders that came due become notifications once.
  TRY(db_.TransactStatus([&](store::Connection& conn) -> Status {
    auto rows = TRY(conn.Query("SELECT id, case_id, user_id, note FROM case_reminders WHERE done = 0 AND due_at <= ?",
                               {now.ToString()}));
    for (const auto& row : rows) {
      TRY(Notify(conn, row.Int(1), row.Int(2), "Follow up on case #" + std::to_string(row.Int(1)) + ": " + row.Text(3), now));
      TRY(conn.Execute("UPDATE case_reminders SET done = 2, version = version + 1 WHERE id = ?", {row.Int(0)}));
      ++run.reminders_due;
    }
    return {};
  }));
  return run;
}

void ServiceDesk::RegisterJobs(jobs::Registry& registry) {
  registry.Register("service.escalations", [this](const jobs::Job& job, jobs::Progress& progress) -> Result<jobs::Outcome> {
    const EscalationRun run = TRY(RunEscalations("job:" + std::to_string(job.id)));
    progress.Update(1, 1, "checked " + std::to_string(run.cases_checked) + " cases");
    return jobs::Outcome{{{"cases_checked", run.cases_checked},
                          {"escalations_fired", run.escalations_fired},
                          {"deferred", run.deferred},
                          {"reminders_due", run.reminders_due}},
                         std::nullopt};
  });
}

Status ServiceDesk::ScheduleJobs() {
  return db_.TransactStatus([&](store::Connection& conn) -> Status {
    return jobs::PutSchedule(conn, "service.escalations", "* * * * *", "service.escalations", nlohmann::json::object(),
                             now_().time());
  });
}

Result<nlohmann::json> ServiceDesk::AddReminder(const auth::Principal& caller, int64_t case_id,
                                                const std::string& due_at, const std::string& note,
                                                const std::string& request_id) {
  const Result<Instant> due = Instant::Parse(due_at);
  if (!due.ok()) return Error::Invalid("request.invalid", "The reminder has errors; see the fields.",
                                       {{"due_at", "field.instant", "Give a date-time such as 2026-11-23T14:00:00Z."}});
  return db_.Transact<nlohmann::json>([&](store::Connection& conn) -> Result<nlohmann::json> {
    const Case c = TRY(LoadCase(conn, ScopeOf(caller), case_id));
    auto rows = TRY(conn.Query("INSERT INTO case_reminders (case_id, user_id, due_at, note) VALUES (?, ?, ?, ?) RETURNING id",
                               {case_id, caller.user_id, due->ToString(), note}));
    nlohmann::json j = {{"id", rows.at(0).Int(0)}, {"case_id", case_id}, {"user_id", caller.user_id},
                        {"due_at", due->ToString()}, {"note", note}, {"done", false}};
    TRY(audit::Append(conn, caller.Actor(request_id),
                      {"case_reminder", std::to_string(rows.at(0).Int(0)), c.client_id, "create", nullptr, j}));
    return j;
  });
}

Result<nlohmann::json> ServiceDesk::Reminders(const auth::Principal& caller, bool include_done) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(conn->Query(
      std::string("SELECT r.id, r.case_id, r.due_at, r.note, r.done, c.subject FROM case_reminders r "
                  "JOIN cases c ON c.id = r.case_id WHERE r.user_id = ?") +
          (include_done ? "" : " AND r.done <> 1") + " ORDER BY r.due_at, r.id",
      {caller.user_id}));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows)
    out.push_back({{"id", row.Int(0)}, {"case_id", row.Int(1)}, {"due_at", row.Text(2)}, {"note", row.Text(3)},
                   {"done", row.Int(4) == 1}, {"due", row.Int(4) == 2}, {"subject", row.Text(5)}});
  return out;
}

Result<nlohmann::json> ServiceDesk::CompleteReminder(const auth::Principal& caller, int64_t id,
                                                     const std::string& request_id) {
  return db_.Transact<nlohmann::json>([&](store::Connection& conn) -> Result<nlohmann::json> {
    auto row = TRY(conn.QueryOne("SELECT case_id FROM case_reminders WHERE id = ? AND user_id = ?", {id, caller.user_id},
                                 "reminder.not_found"));
    TRY(conn.Execute("UPDATE case_reminders SET done = 1, version = version + 1 WHERE id = ?", {id}));
    TRY(audit::Append(conn, caller.Actor(request_id),
                      {"case_reminder", std::to_string(id), std::nullopt, "complete", nullptr, {{"done", true}}}));
    return nlohmann::json{{"id", id}, {"case_id", row.Int(0)}, {"done", true}};
  });
}

Result<nlohmann::json> ServiceDesk::Notifications(const auth::Principal& caller) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(conn->Query(
      "SELECT id, case_id, message, created_at FROM service_notifications WHERE user_id = ? ORDER BY id DESC LIMIT 100",
      {caller.user_id}));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows)
    out.push_back({{"id", row.Int(0)}, {"case_id", row.Int(1)}, {"message", row.Text(2)}, {"created_at", row.Text(3)}});
  return out;
}

Result<std::vector<ContactArrival>> ServiceDesk::ContactArrivals(const std::string& from, const std::string& to) {
  auto conn = TRY(db_.Acquire());
  // A case arrives when it is created; its handle time is the agent time logged on it (calls and chats
  // carry a duration). A call logged on an existing case is a contact of its own.
  auto rows = TRY(conn->Query(
      "SELECT c.queue_id, COALESCE(q.name, ''), c.created_at, c.channel, "
      "COALESCE((SELECT SUM(e.duration_s) FROM case_entries e WHERE e.case_id = c.id AND e.created_at = c.created_at), 0) "
      "FROM cases c LEFT JOIN service_queues q ON q.id = c.queue_id "
      "WHERE c.created_at >= ? AND c.created_at < ? AND c.merged_into_id IS NULL "
      "UNION ALL "
      "SELECT c.queue_id, COALESCE(q.name, ''), e.created_at, 'phone', COALESCE(e.duration_s, 0) "
      "FROM case_entries e JOIN cases c ON c.id = e.case_id LEFT JOIN service_queues q ON q.id = c.queue_id "
      "WHERE e.kind = 'call' AND e.created_at > c.created_at AND e.created_at >= ? AND e.created_at < ? "
      "ORDER BY 3",
      {from, to, from, to}));
  std::vector<ContactArrival> out;
  for (const auto& row : rows) out.push_back({row.OptInt(0), row.Text(1), row.Text(2), row.Int(4), row.Text(3)});
  return out;
}

}  // namespace concord::service
