#include "service/sla_policy.h"

#include <string>

namespace concord::service {
namespace {

constexpr std::pair<CaseStatus, const char*> kStatusNames[] = {
    {CaseStatus::kNew, "new"},
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kPendingRequester, "pending_requester"},
    {CaseStatus::kPendingThirdParty, "pending_third_party"},
    {CaseStatus::kOnHold, "on_hold"},
    {CaseStatus::kSolved, "solved"},
    {CaseStatus::kClosed, "closed"},
};

}  // namespace

const char* CaseStatusName(CaseStatus status) {
  for (const auto& [s, name] : kStatusNames)
    if (s == status) return name;
  return "unknown";
}

Result<CaseStatus> ParseCaseStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames)
    if (name == n) return s;
  return Error::Invalid("case.unknown_status", "unknown case status \"" + std::string(name) + "\"");
}

const char* SlaMetricName(SlaMetric metric) {
  switch (metric) {
    case SlaMetric::kFirstResponse: return "first_response";
    case SlaMetric::kNextResponse: return "next_response";
    case SlaMetric::kResolution: return "resolution";
  }
  return "unknown";
}

const char* EscalationActionName(EscalationAction action) {
  switch (action) {
    case EscalationAction::kNotify: return "notify";
    case EscalationAction::kReassign: return "reassign";
    case EscalationAction::kRaiseLevel: return "raise_level";
  }
  return "unknown";
}

std::optional<std::chrono::minutes> SlaPolicy::Target(SlaMetric metric) const {
  const std::optional<std::chrono::minutes>* t = nullptr;
  switch (metric) {
    case SlaMetric::kFirstResponse: t = &first_response; break;
    case SlaMetric::kNextResponse: t = &next_response; break;
    case SlaMetric::kResolution: t = &resolution; break;
  }
  if (t == nullptr || !*t || (*t)->count() <= 0) return std::nullopt;
  return **t;
}

Status SlaPolicy::Validate() const {
  if (id.empty())
    return Error::Invalid("sla.policy_id_required", "an SLA policy needs an id",
                          {{"id", "sla.policy_id_required", "required"}});
  if (due_soon_before.count() < 0)
    return Error::Invalid("sla.due_soon_invalid", "the due-soon warning must not be negative",
                          {{"due_soon_before", "sla.due_soon_invalid", "must be >= 0 minutes"}});
  if (pause_statuses.contains(CaseStatus::kNew) || pause_statuses.contains(CaseStatus::kOpen))
    return Error::Invalid("sla.pause_status_invalid", "new and open cases cannot pause the SLA",
                          {{"pause_statuses", "sla.pause_status_invalid", "remove new/open"}});
  return calendar.Validate();
}

std::optional<std::string> SelectSlaPolicy(const std::vector<SlaAssignmentRule>& rules,
                                           const CaseSlaKey& key) {
  const SlaAssignmentRule* best = nullptr;
  int best_score = -1;
  for (const SlaAssignmentRule& r : rules) {
    if ((r.client_id && *r.client_id != key.client_id) || (r.category && *r.category != key.category) ||
        (r.priority && *r.priority != key.priority))
      continue;
    const int score = (r.client_id ? 4 : 0) + (r.category ? 2 : 0) + (r.priority ? 1 : 0);
    if (score > best_score) {
      best = &r;
      best_score = score;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->policy_id;
}

}  // namespace concord::service
