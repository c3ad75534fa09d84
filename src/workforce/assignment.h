// The assignment life cycle (issue 4): one transition table and the guards on it. Nothing else changes an
// assignment's status; services call Transition() and save the answer together with the audit event.
//
//   requested ──start_onboarding──▶ onboarding ──complete_onboarding──▶ ready ──activate──▶ active
//   active ──extend / revise──▶ active              (new end date or rates from an effective date)
//   active ──give_notice──▶ ending ──end──▶ ended ──offboard──▶ offboarded
//   requested / onboarding / ready ──cancel──▶ cancelled   (cancellation before start only)
//
// Pure: no clock, no I/O; the caller passes every fact a guard needs in TransitionContext. Thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

enum class AssignmentStatus {
  kRequested,   // a PSR accepted, nothing started
  kOnboarding,  // checklist generated, documents being collected
  kReady,       // onboarding complete, waiting for the first day
  kActive,      // working
  kEnding,      // an end is scheduled (notice given, or the client ended it)
  kEnded,       // last day worked recorded
  kOffboarded,  // offboarding checklist done (final timecard, equipment, access, VMS end)
  kCancelled,   // called off before the start
};

enum class AssignmentEvent {
  kStartOnboarding,
  kCompleteOnboarding,
  kActivate,
  kExtend,      // a new, later end date while active
  kRevise,      // rates, manager, cost centre… from an effective date, while active
  kGiveNotice,  // schedule the end: needs an end reason
  kEnd,         // record the last day worked
  kOffboard,
  kCancel,
};

enum class EndReason { kCompleted, kClientEnded, kResigned, kTerminated };

// "requested", "onboarding", … ; "complete_onboarding", "give_notice", … ; "client_ended", …
std::string_view ToString(AssignmentStatus status);
std::string_view ToString(AssignmentEvent event);
std::string_view ToString(EndReason reason);
// Error code "assignment.unknown_status" / "assignment.unknown_event" naming the text.
Result<AssignmentStatus> ParseAssignmentStatus(std::string_view text);
Result<AssignmentEvent> ParseAssignmentEvent(std::string_view text);

// One row of the table: `event` moves an assignment from `from` to `to`.
struct AssignmentTransition {
  AssignmentStatus from;
  AssignmentEvent event;
  AssignmentStatus to;
};

// The whole table, in life-cycle order.
std::span<const AssignmentTransition> AssignmentTransitions();

// The events the table allows from `from` (guards not applied): what a screen may offer.
std::vector<AssignmentEvent> AllowedEvents(AssignmentStatus from);

// Facts the guards need. Only those of the event at hand are read.
struct TransitionContext {
  // complete_onboarding, activate: ids or titles of the onboarding items still missing, as listed by
  // MissingForActivation() in onboarding.h. Empty means complete.
  std::vector<std::string> missing_onboarding;
  // extend: the current and the requested end dates. The new end must be later than the current one
  // (an earlier end is an ending, not an extension).
  std::optional<Date> current_end_date;
  std::optional<Date> new_end_date;
  // revise: the date the revision takes effect.
  std::optional<Date> effective_date;
  // give_notice: why the assignment ends.
  std::optional<EndReason> end_reason;
  // end: the last day worked.
  std::optional<Date> last_day_worked;
  // offboard: offboarding items still open (final timecard, equipment, access, VMS end). Empty = done.
  std::vector<std::string> missing_offboarding;
  // cancel: why (free text, required).
  std::string cancel_reason;
};

// The status after `event`, or an error naming what stops it:
//   assignment.invalid_transition   the table has no row (from, event); kConflict; the message names both
//                                   and field errors "status" / "event" carry them as their codes
//   assignment.onboarding_incomplete  missing_onboarding not empty; kConflict; one field error per item
//   assignment.new_end_date_required / assignment.extension_not_later   extend
//   assignment.effective_date_required  revise
//   assignment.end_reason_required  give_notice
//   assignment.last_day_worked_required  end
//   assignment.offboarding_incomplete  offboard; one field error per open item
//   assignment.cancel_reason_required  cancel
Result<AssignmentStatus> Transition(AssignmentStatus from, AssignmentEvent event, const TransitionContext& context);

}  // namespace concord::workforce
