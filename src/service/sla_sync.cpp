#include "service/sla_sync.h"

#include "service/case_store.h"

namespace concord::service {

std::vector<CaseEvent> HistoryOf(const Case& c, const std::vector<Entry>& entries) {
  const Instant created = Instant::Parse(c.created_at).value_or(Instant());
  std::vector<CaseEvent> history;
  history.push_back({created, CaseEventKind::kCreated, CaseStatus::kNew, "", c.requester_kind != "internal"});
  bool policy_seen = false;
  for (const Entry& e : entries) {
    const Instant at = std::max(created, Instant::Parse(e.created_at).value_or(created));
    if (e.kind == "policy") {
      if (!policy_seen && at == created) {
        history.front().policy_id = e.status;
      } else {
        history.push_back({at, CaseEventKind::kPolicyChange, CaseStatus::kNew, e.status});
      }
      policy_seen = true;
    } else if (e.kind == "status") {
      if (auto s = ParseCaseStatus(e.status); s.ok()) history.push_back({at, CaseEventKind::kStatusChange, *s});
    } else if (e.kind == "message_in") {
      // The message that opened the case is its creation, not a reply.
      if (at != created) history.push_back({at, CaseEventKind::kRequesterReply});
    } else if (e.kind == "message_out" || e.kind == "call" || e.kind == "chat") {
      history.push_back({at, CaseEventKind::kAgentReply});
    } else if (e.kind == "note" && e.is_public) {
      history.push_back({at, CaseEventKind::kAgentPublicNote});
    }
  }
  return history;
}

std::string SlaState(const SlaReport& report, const SlaPolicy* policy) {
  if (report.policy_id.empty() || policy == nullptr) return "none";
  const MetricReport* metrics[] = {&report.first_response, &report.next_response, &report.resolution};
  for (const MetricReport* m : metrics)
    if (m->breached) return "breached";
  if (report.resolution.state == MetricState::kFulfilled) return "met";
  if (report.paused) return "paused";
  for (const MetricReport* m : metrics) {
    if (m->state == MetricState::kRunning && policy->due_soon_before.count() > 0 && m->remaining &&
        *m->remaining <= policy->due_soon_before)
      return "due_soon";
  }
  for (const MetricReport* m : metrics)
    if (m->state == MetricState::kRunning) return "ok";
  return "none";
}

Result<PolicyMap> LoadSlaPolicies(store::Connection& conn) {
  PolicyMap out;
  const std::vector<CalendarRecord> calendars = TRY(ListCalendars(conn));
  for (const PolicyRecord& p : TRY(ListPolicies(conn))) {
    const CalendarRecord* cal = nullptr;
    for (const auto& c : calendars)
      if (c.id == p.calendar_id) cal = &c;
    if (cal == nullptr) continue;
    // Inactive policies stay loadable: cases that already run on one keep their clocks.
    out.emplace(std::to_string(p.id), TRY(ToSlaPolicy(p, cal->calendar)));
  }
  return out;
}

Result<SlaReport> SyncSla(store::Connection& conn, Case& c, Instant now) {
  const std::vector<Entry> entries = TRY(ListEntries(conn, c.id, false));
  c.first_response_at.reset();
  for (const Entry& e : entries) {
    if (e.kind == "message_out" || e.kind == "call" || e.kind == "chat" || (e.kind == "note" && e.is_public)) {
      c.first_response_at = e.created_at;
      break;
    }
  }
  const PolicyMap policies = TRY(LoadSlaPolicies(conn));
  const std::vector<CaseEvent> history = HistoryOf(c, entries);
  SlaReport report = TRY(ComputeSla(history, policies, now));
  auto it = policies.find(report.policy_id);
  c.sla_state = SlaState(report, it == policies.end() ? nullptr : &it->second);
  c.sla_due_at = report.next_due ? std::optional(report.next_due->ToString()) : std::nullopt;
  c.sla_next_check_at = report.next_check ? std::optional(report.next_check->ToString()) : std::nullopt;
  TRY(ReplaceSlaEvents(conn, c.id, report.events));
  return report;
}

}  // namespace concord::service
