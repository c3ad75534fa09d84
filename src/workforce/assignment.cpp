#include "workforce/assignment.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace concord::workforce {
namespace {

using S = AssignmentStatus;
using E = AssignmentEvent;

// The one transition table. Extensions and revisions keep an active assignment active; cancellation is
// possible only before the start (issue 4: "cancellation before start").
constexpr std::array kTable = {
    AssignmentTransition{S::kRequested, E::kStartOnboarding, S::kOnboarding},
    AssignmentTransition{S::kOnboarding, E::kCompleteOnboarding, S::kReady},
    AssignmentTransition{S::kReady, E::kActivate, S::kActive},
    AssignmentTransition{S::kActive, E::kExtend, S::kActive},
    AssignmentTransition{S::kActive, E::kRevise, S::kActive},
    AssignmentTransition{S::kActive, E::kGiveNotice, S::kEnding},
    AssignmentTransition{S::kEnding, E::kEnd, S::kEnded},
    AssignmentTransition{S::kEnded, E::kOffboard, S::kOffboarded},
    AssignmentTransition{S::kRequested, E::kCancel, S::kCancelled},
    AssignmentTransition{S::kOnboarding, E::kCancel, S::kCancelled},
    AssignmentTransition{S::kReady, E::kCancel, S::kCancelled},
};

constexpr std::array kStatusNames = {
    std::pair{S::kRequested, std::string_view("requested")},
    std::pair{S::kOnboarding, std::string_view("onboarding")},
    std::pair{S::kReady, std::string_view("ready")},
    std::pair{S::kActive, std::string_view("active")},
    std::pair{S::kEnding, std::string_view("ending")},
    std::pair{S::kEnded, std::string_view("ended")},
    std::pair{S::kOffboarded, std::string_view("offboarded")},
    std::pair{S::kCancelled, std::string_view("cancelled")},
};

constexpr std::array kEventNames = {
    std::pair{E::kStartOnboarding, std::string_view("start_onboarding")},
    std::pair{E::kCompleteOnboarding, std::string_view("complete_onboarding")},
    std::pair{E::kActivate, std::string_view("activate")},
    std::pair{E::kExtend, std::string_view("extend")},
    std::pair{E::kRevise, std::string_view("revise")},
    std::pair{E::kGiveNotice, std::string_view("give_notice")},
    std::pair{E::kEnd, std::string_view("end")},
    std::pair{E::kOffboard, std::string_view("offboard")},
    std::pair{E::kCancel, std::string_view("cancel")},
};

template <class Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

Error Missing(std::string code, std::string field, std::string message) {
  return Error::Invalid(std::move(code), message, {FieldError{std::move(field), "required", message}});
}

Error Incomplete(std::string code, std::string_view what, const std::vector<std::string>& open,
                 std::string_view field_prefix) {
  Error error =
      Error::Conflict(std::move(code), fmt::format("{} incomplete; missing: {}", what, fmt::join(open, ", ")));
  for (const auto& item : open) {
    error.fields.push_back(
        FieldError{fmt::format("{}/{}", field_prefix, item), "missing", fmt::format("{} is missing", item)});
  }
  return error;
}

// Guards: the facts an event needs beyond the table. Status{} when the event may proceed.
Status CheckGuards(AssignmentEvent event, const TransitionContext& c) {
  switch (event) {
    case E::kCompleteOnboarding:
    case E::kActivate:
      if (!c.missing_onboarding.empty()) {
        return Incomplete("assignment.onboarding_incomplete", "onboarding checklist", c.missing_onboarding,
                          "onboarding");
      }
      return {};
    case E::kExtend:
      if (!c.new_end_date) {
        return Missing("assignment.new_end_date_required", "new_end_date", "an extension needs a new end date");
      }
      if (c.current_end_date && *c.new_end_date <= *c.current_end_date) {
        return Error::Invalid(
            "assignment.extension_not_later",
            fmt::format("new end date {} is not later than the current end date {}; an earlier end is "
                        "given as notice, not as an extension",
                        *c.new_end_date, *c.current_end_date),
            {FieldError{"new_end_date", "not_later", "must be later than the current end date"}});
      }
      return {};
    case E::kRevise:
      if (!c.effective_date) {
        return Missing("assignment.effective_date_required", "effective_date",
                       "a revision needs the date it takes effect");
      }
      return {};
    case E::kGiveNotice:
      if (!c.end_reason) {
        return Missing("assignment.end_reason_required", "end_reason",
                       "an ending needs a reason (completed, client_ended, resigned, terminated)");
      }
      return {};
    case E::kEnd:
      if (!c.last_day_worked) {
        return Missing("assignment.last_day_worked_required", "last_day_worked",
                       "an end needs the last day worked (it drives the final-pay deadline)");
      }
      return {};
    case E::kOffboard:
      if (!c.missing_offboarding.empty()) {
        return Incomplete("assignment.offboarding_incomplete", "offboarding checklist", c.missing_offboarding,
                          "offboarding");
      }
      return {};
    case E::kCancel:
      if (c.cancel_reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Missing("assignment.cancel_reason_required", "cancel_reason", "a cancellation needs a reason");
      }
      return {};
    case E::kStartOnboarding:
      return {};
  }
  return {};
}

}  // namespace

std::string_view ToString(AssignmentStatus status) { return NameOf(kStatusNames, status); }
std::string_view ToString(AssignmentEvent event) { return NameOf(kEventNames, event); }

std::string_view ToString(EndReason reason) {
  switch (reason) {
    case EndReason::kCompleted:
      return "completed";
    case EndReason::kClientEnded:
      return "client_ended";
    case EndReason::kResigned:
      return "resigned";
    case EndReason::kTerminated:
      return "terminated";
  }
  return "unknown";
}

Result<AssignmentStatus> ParseAssignmentStatus(std::string_view text) {
  for (const auto& [status, name] : kStatusNames) {
    if (name == text) return status;
  }
  return Error::Invalid("assignment.unknown_status", fmt::format("unknown assignment status '{}'", text));
}

Result<AssignmentEvent> ParseAssignmentEvent(std::string_view text) {
  for (const auto& [event, name] : kEventNames) {
    if (name == text) return event;
  }
  return Error::Invalid("assignment.unknown_event", fmt::format("unknown assignment event '{}'", text));
}

std::span<const AssignmentTransition> AssignmentTransitions() { return kTable; }

std::vector<AssignmentEvent> AllowedEvents(AssignmentStatus from) {
  std::vector<AssignmentEvent> out;
  for (const auto& row : kTable) {
    if (row.from == from) out.push_back(row.event);
  }
  return out;
}

Result<AssignmentStatus> Transition(AssignmentStatus from, AssignmentEvent event, const TransitionContext& context) {
  const auto* row =
      std::find_if(kTable.begin(), kTable.end(), [&](const auto& r) { return r.from == from && r.event == event; });
  if (row == kTable.end()) {
    std::string message = fmt::format("cannot {} an assignment that is {}", ToString(event), ToString(from));
    Error error = Error::Conflict("assignment.invalid_transition", message);
    error.fields.push_back(FieldError{"status", std::string(ToString(from)), message});
    error.fields.push_back(FieldError{"event", std::string(ToString(event)), message});
    return error;
  }
  if (Status guard = CheckGuards(event, context); !guard.ok()) return std::move(guard).error();
  return row->to;
}

}  // namespace concord::workforce
