// SLA policies for service cases: targets in business minutes on a calendar, which statuses pause the
// clocks, "due soon" warnings and escalation rules, and how a case picks its policy.
//
// Pure values; safe to share between threads when not modified.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/result.h"

namespace concord::service {

// A case's status. Solved and closed stop every clock (resolution is fulfilled); the policy's
// pause_statuses pause them.
enum class CaseStatus {
  kNew,
  kOpen,
  kPendingRequester,
  kPendingThirdParty,
  kOnHold,
  kSolved,
  kClosed,
};

const char* CaseStatusName(CaseStatus status);  // "new", "open", "pending_requester", …
Result<CaseStatus> ParseCaseStatus(std::string_view name);  // error "case.unknown_status"
inline bool IsSolved(CaseStatus s) { return s == CaseStatus::kSolved || s == CaseStatus::kClosed; }

// The three clocks of a policy (Zammad: first_response_time, update_time, solution_time).
enum class SlaMetric { kFirstResponse, kNextResponse, kResolution };
const char* SlaMetricName(SlaMetric metric);  // "first_response", "next_response", "resolution"

enum class EscalationAction { kNotify, kReassign, kRaiseLevel };
const char* EscalationActionName(EscalationAction action);  // "notify", "reassign", "raise_level"

// Fires when `before_due` business minutes remain on the metric's clock; a negative value fires that
// long after the breach. Fire times are business instants, so notifications go out in business hours.
struct EscalationRule {
  SlaMetric metric = SlaMetric::kResolution;
  std::chrono::minutes before_due{0};
  EscalationAction action = EscalationAction::kNotify;
  std::string target;  // whom to notify, the queue or level to move to: opaque to the rules
};

// Where concord deliberately differs from Zammad, a switch; Zammad() turns all of them to Zammad's way.
struct SlaSemantics {
  // Zammad arms the update (next response) clock on the creating requester message, before any first
  // response (Zammad issue #5177). concord does not: until the first response the first-response clock
  // is the one that measures the wait, and two clocks on one wait double-count it.
  bool arm_next_response_before_first_response = false;
  // biz (zendesk/biz ≥ 1.8.2, used by Zammad) reports a deadline that falls exactly on a closing time
  // as the next opening time. concord keeps the closing time: the work was due by then, and "due at
  // 18:00" reads truthfully where "due 09:00 tomorrow" would hide an evening breach.
  bool exact_fit_moves_to_next_opening = false;

  static SlaSemantics Zammad() { return {true, true}; }
};

struct SlaPolicy {
  std::string id;
  // The business calendar every target is measured on (weekly hours, holidays, IANA zone).
  BusinessCalendar calendar;
  // Targets in business minutes on the policy's calendar. Absent or <= 0: no clock for that metric
  // (Zammad: calculate_time returns nil).
  std::optional<std::chrono::minutes> first_response;
  std::optional<std::chrono::minutes> next_response;
  std::optional<std::chrono::minutes> resolution;
  // Statuses that pause every clock (solved and closed always stop them).
  std::set<CaseStatus> pause_statuses{CaseStatus::kPendingRequester, CaseStatus::kPendingThirdParty,
                                      CaseStatus::kOnHold};
  // A "due soon" warning this many business minutes before each due time; 0 = no warning.
  std::chrono::minutes due_soon_before{0};
  std::vector<EscalationRule> escalations;
  SlaSemantics semantics;

  std::optional<std::chrono::minutes> Target(SlaMetric metric) const;  // nullopt when no clock
  bool Pauses(CaseStatus s) const { return IsSolved(s) || pause_statuses.contains(s); }

  // Errors: "sla.policy_id_required", "sla.due_soon_invalid" (negative),
  // "sla.pause_status_invalid" (new/open listed as pausing), and the calendar's own (calendar.*).
  Status Validate() const;
};

// Which policy a case gets: the most specific rule matching its client contract, category and
// priority. An absent field matches anything. Specificity weighs the client contract 4, the category 2
// and the priority 1, so a client's own contract beats any generic category/priority rule; among
// equally specific rules the first listed wins.
struct SlaAssignmentRule {
  std::optional<std::string> client_id;
  std::optional<std::string> category;
  std::optional<std::string> priority;
  std::string policy_id;
};

struct CaseSlaKey {
  std::string client_id;
  std::string category;
  std::string priority;
};

// The chosen policy id, or nullopt when no rule matches (the case has no SLA).
std::optional<std::string> SelectSlaPolicy(const std::vector<SlaAssignmentRule>& rules,
                                           const CaseSlaKey& key);

}  // namespace concord::service
