// The SLA clocks of one case, computed from its event history: a pure function, no clock of its own
// (`now` is passed in), so the same history always gives the same due times, states and SLA events,
// and a policy change mid-case, a late-imported event or a report can simply recompute.
//
// Semantics (Zammad-compatible unless SlaSemantics says otherwise; see
// ../shared/conformance/sla/zammad-vectors.md):
//   - first response: from creation to the first agent reply (or public note) visible to the requester;
//   - next response: from the first unanswered requester message to the next agent reply (follow-up
//     requester messages do not push it out: Zammad observer/last_contact.rb); concord arms it only
//     after the first response unless semantics.arm_next_response_before_first_response;
//   - resolution: from creation to solved/closed; a reopen resumes it with the business time used;
//   - every clock runs in business time on the policy's calendar minus pauses: spans in a pause
//     status or solved/closed (Zammad TicketBizBreak). Deadlines are recomputed from the original
//     anchors on that timeline, so a pause shifts them by the business time it covered;
//   - breached: not fulfilled by the due time (fulfilment exactly at the due time is in time);
//   - a policy change recomputes every clock from its original anchor under the new policy
//     (Zammad: the first-response anchor is never reset); events before the change stay as recorded.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "service/sla_policy.h"

namespace concord::service {

enum class CaseEventKind {
  kCreated,          // first event of every history
  kAgentReply,       // a public agent message over a channel (mail, call, chat, portal reply)
  kAgentPublicNote,  // visible to the requester but not a channel message: a first response only
  kRequesterReply,   // a message from the requester
  kStatusChange,
  kPolicyChange,
};

struct CaseEvent {
  Instant at;
  CaseEventKind kind = CaseEventKind::kCreated;
  CaseStatus status = CaseStatus::kNew;  // kCreated: initial status; kStatusChange: the new status
  std::string policy_id;  // kCreated: initial policy; kPolicyChange: the new one ("" = no SLA)
  bool by_requester = true;  // kCreated: opened by the requester's own message (an inbound contact)
};

enum class SlaEventKind {
  kActivated,  // a clock starts (or is re-targeted by a policy change); `due` as computed
  kPaused,     // a pause status (or, for response clocks, solved/closed) stops the clock
  kResumed,    // the clock runs again (resolution: also a reopen after solve); `due` is the new one
  kDueSoon,    // policy.due_soon_before business minutes remain
  kEscalated,  // an escalation rule fired; `escalation` indexes policy.escalations
  kFulfilled,  // answered / solved in time or late (see kBreached)
  kBreached,   // the due time passed unfulfilled; at == due (or the policy change that made it late)
};
const char* SlaEventKindName(SlaEventKind kind);

struct SlaEvent {
  Instant at;
  SlaEventKind kind = SlaEventKind::kActivated;
  SlaMetric metric = SlaMetric::kFirstResponse;
  std::string policy_id;
  std::optional<Instant> due;  // the due time in force, when known (not while paused)
  int escalation = -1;         // kEscalated only

  friend bool operator==(const SlaEvent&, const SlaEvent&) = default;
};

enum class MetricState {
  kNone,       // no target, or nothing to measure (no unanswered requester message)
  kRunning,    // counting; `due` is set
  kPaused,     // stopped by a pause status or solved/closed; `remaining` is set
  kFulfilled,  // first response given / last requester message answered / solved
};
const char* MetricStateName(MetricState state);

struct MetricReport {
  SlaMetric metric = SlaMetric::kFirstResponse;
  MetricState state = MetricState::kNone;
  std::optional<std::chrono::minutes> target;
  std::optional<Instant> due;           // when running
  std::optional<Instant> fulfilled_at;  // when fulfilled
  bool breached = false;                // some measured cycle was (or the running one is) late
  int breaches = 0;                     // next response: late cycles; otherwise 0 or 1
  // Business minutes to fulfilment (Zammad *_in_min; next response: the longest answered cycle,
  // Zammad update_in_min), and target − elapsed (negative: late). Whole minutes, truncated.
  std::optional<std::chrono::minutes> elapsed;
  std::optional<std::chrono::minutes> diff;
  // Running or paused: target minus the business minutes used so far (negative once overdue).
  std::optional<std::chrono::minutes> remaining;
};

struct SlaReport {
  std::string policy_id;  // in force at `now`; "" = no SLA
  MetricReport first_response, next_response, resolution;
  bool paused = false;              // the current status stops the policy's clocks
  std::optional<Instant> next_due;  // earliest running due time (Zammad escalation_at)
  // The earliest instant after `now` at which an SLA event (due soon, escalation, breach) would fire
  // if nothing happens: when a scheduler should look at the case again.
  std::optional<Instant> next_check;
  std::vector<SlaEvent> events;  // chronological, none after `now`

  const MetricReport& metric(SlaMetric m) const;
};

// Computes the case's SLA at `now` from its history (events after `now` are ignored). policies maps
// ids to policies (each with its calendar). Errors: "sla.history_empty",
// "sla.history_must_start_with_created", "sla.history_unordered", "sla.unknown_policy" (field
// "policy_id"), and a policy's own validation errors.
Result<SlaReport> ComputeSla(std::span<const CaseEvent> history,
                             const std::map<std::string, SlaPolicy, std::less<>>& policies,
                             Instant now);

// One policy for the whole case: policy ids and policy changes in the history are ignored.
Result<SlaReport> ComputeSla(std::span<const CaseEvent> history, const SlaPolicy& policy, Instant now);

}  // namespace concord::service
