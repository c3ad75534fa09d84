// Keeps a stored case's SLA up to date: its SLA history is read from the timeline (entries), the
// policies from the store, and ComputeSla gives the due times, the badge state and the SLA events,
// which are recorded so reports (and a policy change mid-case) recompute from the same history.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/case.h"
#include "service/sla_clock.h"
#include "store/db.h"

namespace concord::service {

using PolicyMap = std::map<std::string, SlaPolicy, std::less<>>;

// The SLA history of a case from its timeline: replies, calls and chats answer the requester, requester
// messages wait for an answer, public notes count as a first response, status and policy entries
// change the clocks. Internal notes do not count.
std::vector<CaseEvent> HistoryOf(const Case& c, const std::vector<Entry>& entries);

// The badge: breached (some clock was late), met (solved in time), paused, due_soon (a running clock
// within the policy's warning), ok (running) or none (no SLA).
std::string SlaState(const SlaReport& report, const SlaPolicy* policy);

// Every active policy with its calendar, keyed by policy id as text.
Result<PolicyMap> LoadSlaPolicies(store::Connection& conn);

// Recomputes the case's SLA at `now` and sets its sla_* and first_response_at members (the caller
// saves the case); replaces its recorded SLA events.
Result<SlaReport> SyncSla(store::Connection& conn, Case& c, Instant now);

}  // namespace concord::service
