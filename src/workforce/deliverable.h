// SOW deliverables and milestones of a contractor's (AOR) engagement (seed: "integrity of process for IC
// engagements and SOW/project deliverables"). Each deliverable has a due date and, when the SOW bills by
// milestone, an amount; the contractor (or the coordinator) submits it, the client's user accepts it or
// rejects it with a reason, and a rejected one is submitted again:
//
//   pending ──submit──▶ submitted ──accept──▶ accepted
//                           └──reject (reason)──▶ rejected ──submit──▶ submitted
//
// Pure: `today` is passed in. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "workforce/onboarding.h"

namespace concord::workforce {

// The status after `action` ("submit", "accept", "reject"), or:
//   deliverable.bad_action        kBadRequest: not one of the three
//   deliverable.invalid_transition kConflict: the message names the status and the action
//   deliverable.reason_required   kInvalid, field "reason": a rejection says why
Result<std::string> NextDeliverableStatus(std::string_view status, std::string_view action, std::string_view reason);

// Not yet delivered (pending, or rejected and not submitted again) and due before `today`.
bool DeliverableOverdue(std::string_view status, Date due_date, Date today);

// Deliverables belong to a contractor's engagement (a SOW); an employee's assignment has none:
// deliverable.not_contractor (kConflict).
Status DeliverablesAllowed(WorkerType worker_type);

}  // namespace concord::workforce
