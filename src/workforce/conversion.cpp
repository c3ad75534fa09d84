#include "workforce/conversion.h"

#include <algorithm>

namespace concord::workforce {
namespace {

Error Invalid(std::string code, const std::string& field, const std::string& message) {
  return Error::Invalid(std::move(code), message, {FieldError{field, "invalid", message}});
}

}  // namespace

std::string_view ToString(ConversionReason reason) {
  return reason == ConversionReason::kHighRiskDetermination ? "high_risk_determination" : "coordinator_decision";
}

Result<ConversionReason> ParseConversionReason(std::string_view text) {
  for (auto reason : {ConversionReason::kHighRiskDetermination, ConversionReason::kCoordinatorDecision}) {
    if (ToString(reason) == text) return reason;
  }
  return Invalid("conversion.unknown_reason", "reason",
                 "'" + std::string(text) + "' is not a reason: high_risk_determination or coordinator_decision.");
}

Status CheckConversion(const ConversionFacts& f) {
  if (f.worker_type == WorkerType::kW2Employee) {
    return Error::Conflict("conversion.already_employee", "This assignment is a W-2 employment already.");
  }
  if (f.status != AssignmentStatus::kActive && f.status != AssignmentStatus::kReady) {
    return Error::Conflict("conversion.not_active",
                           "Only a ready or active assignment converts to employment; this one is " +
                               std::string(ToString(f.status)) + ".");
  }
  if (f.effective_date < f.start_date) {
    return Invalid("conversion.effective_before_start", "effective_date",
                   "The conversion takes effect on or after the start, " + f.start_date.ToString() + ".");
  }
  if (f.end_date && f.effective_date > *f.end_date) {
    return Invalid("conversion.effective_after_end", "effective_date",
                   "The conversion takes effect on or before the end, " + f.end_date->ToString() + ".");
  }
  if (f.time_locked_through && f.effective_date <= *f.time_locked_through) {
    return Invalid("conversion.time_locked", "effective_date",
                   "Time through " + f.time_locked_through->ToString() +
                       " is submitted or approved as a contractor's; the conversion takes effect after it.");
  }
  if (f.reason == ConversionReason::kHighRiskDetermination && f.latest_risk != "high") {
    return Invalid("conversion.not_high_risk", "reason",
                   "The latest determination is " + f.latest_risk.value_or("missing") +
                       ", not high risk; convert as the coordinator's decision with a note instead.");
  }
  if (f.reason == ConversionReason::kCoordinatorDecision &&
      f.note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Invalid("conversion.note_required", "note", "Say why the contractor becomes an employee.");
  }
  return {};
}

Result<Checklist> ConversionChecklist(const OnboardingProfile& employee, const Checklist& contractor_checklist,
                                      const BusinessCalendar& calendar) {
  OnboardingProfile profile = employee;
  profile.worker_type = WorkerType::kW2Employee;
  profile.classification_approval_required = false;  // an employee is not classified
  const ChecklistItem* check = contractor_checklist.Find("background_check");
  const bool cleared = check != nullptr && (check->done || check->waived);
  profile.background_check_required = employee.background_check_required || cleared;
  Checklist out = TRY(GenerateChecklist(profile, calendar));
  if (cleared) (void)out.MarkDone("background_check");
  return out;
}

Status ConversionTimecardGate(Date effective_date, Date week_start, const std::vector<std::string>& missing) {
  if (missing.empty() || week_start.AddDays(6) < effective_date) return {};
  std::vector<FieldError> fields;
  for (const auto& title : missing) fields.push_back({"checklist", "conversion.item_missing", title});
  Error error = Error::Conflict("conversion.onboarding_incomplete",
                                "From " + effective_date.ToString() +
                                    " this worker is an employee: their employee onboarding is incomplete.");
  error.fields = std::move(fields);
  return error;
}

WorkerType WorkerTypeOn(const std::vector<WorkerTypeChange>& history, Date date, WorkerType fallback) {
  std::optional<WorkerTypeChange> in_force;
  for (const auto& change : history) {
    if (change.from <= date && (!in_force || change.from >= in_force->from)) in_force = change;
  }
  return in_force ? in_force->type : fallback;
}

}  // namespace concord::workforce
