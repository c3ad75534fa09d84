#include "service/case_write.h"

#include <cstdlib>

#include "core/text_template.h"
#include "crypto/crypto.h"
#include "service/routing.h"
#include "service/sla_sync.h"
#include "service/survey_mail.h"

namespace concord::service {

Result<int64_t> CaseWriter::AddEntry(const Case& c, Entry e) {
  e.case_id = c.id;
  e.created_at = now_.ToString();
  if (!e.author_id && e.author_name.empty()) {
    e.author_id = actor_.user_id;
    e.author_name = actor_.name;
  }
  return InsertEntry(conn_, e);
}

Status CaseWriter::ChangeStatus(Case& c, const std::string& status) {
  TRY(CheckStatusChange(c.status, status));
  TRY(ParseCaseStatus(status));
  Entry e;
  e.kind = "status";
  e.is_public = true;
  e.status = status;
  e.body = c.status + " → " + status;
  TRY(AddEntry(c, e));
  const bool was_solved = c.status == "solved" || c.status == "closed";
  if ((status == "solved" || status == "closed") && !was_solved) c.solved_at = now_.ToString();
  // Solved: the requester gets the survey link by mail (once they have answered, not again).
  if (status == "solved" && !was_solved && !c.requester_email.empty() && !c.satisfaction && SurveyMailEnabled()) {
    TRY(mail::Enqueue(conn_, actor_, SurveyMessage(c)));
    TRY(Note(c, "survey", "Survey link sent to " + c.requester_email));
  }
  if (status != "solved" && status != "closed") c.solved_at.reset();
  c.status = status;
  return {};
}

Status CaseWriter::Note(const Case& c, const std::string& kind, const std::string& body) {
  Entry e;
  e.kind = kind;
  e.is_public = false;
  e.body = body;
  TRY(AddEntry(c, e));
  return {};
}

Status CaseWriter::ChoosePolicy(Case& c) {
  const std::vector<PolicyRecord> policies = TRY(ListPolicies(conn_));
  const std::optional<std::string> chosen = SelectSlaPolicy(
      AssignmentRules(policies),
      {c.client_id ? std::to_string(*c.client_id) : std::string(), c.category, c.priority});
  const std::optional<int64_t> id = chosen ? std::optional(std::stoll(*chosen)) : std::nullopt;
  if (id == c.sla_policy_id) return {};
  std::string name = "none";
  for (const auto& p : policies)
    if (id && p.id == *id) name = p.name;
  c.sla_policy_id = id;
  Entry e;
  e.kind = "policy";
  e.is_public = false;
  e.status = chosen.value_or("");
  e.body = "SLA policy: " + name;
  TRY(AddEntry(c, e));
  return {};
}

Status CaseWriter::Route(Case& c) {
  if (!c.queue_id) {
    const std::vector<Queue> queues = TRY(ListQueues(conn_));
    c.queue_id = SelectQueue(queues, {c.client_id, c.category, c.language, ""});
  }
  if (!c.queue_id || c.assignee_id) return {};
  const Queue queue = TRY(LoadQueue(conn_, *c.queue_id));
  const std::map<int64_t, int64_t> loads = TRY(WeightedLoads(conn_));
  std::vector<RoutingCandidate> candidates;
  for (const QueueMember& m : queue.members) {
    auto it = loads.find(m.user_id);
    candidates.push_back({m.user_id, m.skills, m.capacity, it == loads.end() ? 0 : it->second});
  }
  RoutingRequest request;
  request.strategy = queue.strategy;
  request.required_skills = RequiredSkills(c.language, c.category, c.client_id);
  request.weight = PriorityWeight(c.priority);
  request.last_assigned = TRY(LastAssigned(conn_, queue.id));
  c.assignee_id = ChooseAssignee(candidates, request);
  if (!c.assignee_id) return Note(c, "assignment", "Waiting in " + queue.name + ": every member is at capacity");
  TRY(SetLastAssigned(conn_, queue.id, *c.assignee_id));
  return Note(c, "assignment", "Routed by " + queue.strategy + " in " + queue.name + " to " + UserName(c.assignee_id));
}

Status CaseWriter::AddressReply(const Case& c, Entry& e) {
  const std::vector<Entry> entries = TRY(ListEntries(conn_, c.id, false));
  std::string from;
  if (c.queue_id) from = TRY(LoadQueue(conn_, *c.queue_id)).inbound_address;
  if (from.empty()) from = "support@" + MailDomain();
  for (const Entry& prior : entries) {
    if (prior.mail_message_id.empty()) continue;
    e.mail_references.push_back(prior.mail_message_id);
    if (prior.kind == "message_in") e.mail_in_reply_to = prior.mail_message_id;
  }
  e.mail_message_id = "<case" + std::to_string(c.id) + "." + crypto::RandomToken(8) + "@" + MailDomain() + ">";
  e.mail_from = from;
  e.mail_to = c.requester_email;
  const std::string tag = "[#" + std::to_string(c.id) + "]";
  e.mail_subject = (c.subject.starts_with("Re:") ? c.subject : "Re: " + c.subject);
  if (e.mail_subject.find(tag) == std::string::npos) e.mail_subject += " " + tag;
  return {};
}

std::string CaseWriter::UserName(std::optional<int64_t> user_id) {
  if (!user_id) return "nobody";
  auto row = conn_.QueryOne("SELECT name FROM users WHERE id = ?", {*user_id});
  return row.ok() ? row->Text(0) : "user " + std::to_string(*user_id);
}

Result<Case> CaseWriter::Finish(Case& c, int64_t expected_version, const std::string& action, nlohmann::json before,
                                nlohmann::json detail) {
  TRY(SyncSla(conn_, c, now_));
  c.updated_at = now_.ToString();
  TRY(UpdateCase(conn_, c, expected_version));
  Case saved = TRY(LoadCase(conn_, CaseScope{}, c.id));
  nlohmann::json after = CaseAuditJson(saved);
  if (!detail.is_null()) after["entry"] = std::move(detail);
  TRY(audit::Append(conn_, actor_, {"case", std::to_string(c.id), saved.client_id, action, std::move(before), after}));
  c = saved;
  return saved;
}

nlohmann::json CaseAuditJson(const Case& c) {
  nlohmann::json j = ToJson(c);
  for (const char* computed : {"version", "updated_at", "sla_due_at", "sla_state", "queue_name", "assignee_name"})
    j.erase(computed);
  return j;
}

nlohmann::json SlaReportJson(const SlaReport& report, const std::vector<StoredSlaEvent>& recorded) {
  auto instant = [](const std::optional<Instant>& t) { return t ? nlohmann::json(t->ToString()) : nlohmann::json(); };
  auto minutes = [](const std::optional<std::chrono::minutes>& m) {
    return m ? nlohmann::json(m->count()) : nlohmann::json();
  };
  nlohmann::json metrics = nlohmann::json::object();
  for (const MetricReport* m : {&report.first_response, &report.next_response, &report.resolution}) {
    metrics[SlaMetricName(m->metric)] = {{"state", MetricStateName(m->state)},     {"target_min", minutes(m->target)},
                                         {"due", instant(m->due)},                  {"fulfilled_at", instant(m->fulfilled_at)},
                                         {"breached", m->breached},                 {"breaches", m->breaches},
                                         {"elapsed_min", minutes(m->elapsed)},      {"remaining_min", minutes(m->remaining)}};
  }
  nlohmann::json events = nlohmann::json::array();
  for (const StoredSlaEvent& s : recorded) {
    events.push_back({{"at", s.event.at.ToString()},
                      {"kind", SlaEventKindName(s.event.kind)},
                      {"metric", SlaMetricName(s.event.metric)},
                      {"policy_id", s.event.policy_id},
                      {"due", instant(s.event.due)},
                      {"escalation", s.event.escalation},
                      {"handled", s.handled}});
  }
  return {{"policy_id", report.policy_id},   {"paused", report.paused}, {"next_due", instant(report.next_due)},
          {"next_check", instant(report.next_check)}, {"metrics", metrics}, {"events", events}};
}

Result<std::string> FillMacro(const std::string& body, const Case& c, const std::string& agent_name) {
  const TemplateValues values = {
      {"requester_name", c.requester_name}, {"case_id", std::to_string(c.id)}, {"subject", c.subject},
      {"agent_name", agent_name},           {"queue_name", c.queue_name},     {"status", c.status}};
  return FillTemplate(body, values);
}

std::string MailDomain() {
  const char* domain = std::getenv("CONCORD_MAIL_DOMAIN");
  return domain && *domain ? domain : "concord.invalid";
}

}  // namespace concord::service
