// Converting an independent contractor to a W-2 employee (issue 4 "Contractor classification"; seed: "the
// advantages and limitations of using ICs versus employees", classification escalations). When a
// contractor's determination comes out high risk — or the coordinator decides so — the engagement as a
// contractor ends and the same work continues as employment from an effective date: the assignment and
// the worker change type (the worker's history of types is kept, effective-dated), and an employee
// onboarding checklist (I-9, W-4, the work state's withholding form) gates every timecard week that
// reaches the effective date until it is complete.
//
// Pure: no clock, no I/O; the caller passes the facts and the calendar. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"
#include "workforce/assignment.h"
#include "workforce/onboarding.h"

namespace concord::workforce {

enum class ConversionReason {
  kHighRiskDetermination,  // the latest classification determination is high risk
  kCoordinatorDecision,    // the coordinator (with the client) decides; a note says why
};

std::string_view ToString(ConversionReason reason);  // "high_risk_determination", "coordinator_decision"
// Error "conversion.unknown_reason" (kInvalid, field "reason").
Result<ConversionReason> ParseConversionReason(std::string_view text);

struct ConversionFacts {
  WorkerType worker_type = WorkerType::kContractor1099;  // the assignment's type now
  AssignmentStatus status = AssignmentStatus::kActive;
  Date start_date;
  std::optional<Date> end_date;
  Date effective_date;  // the first day worked as an employee
  ConversionReason reason = ConversionReason::kCoordinatorDecision;
  std::string note;
  std::optional<std::string> latest_risk;  // the latest determination's risk ("low", "medium", "high"), if any
  // The last day of the latest week whose timecard is submitted or approved: that time was billed and paid
  // as a contractor's, so employment cannot start on or before it.
  std::optional<Date> time_locked_through;
};

// Why the conversion may not happen, or {} when it may:
//   conversion.already_employee     kConflict: the assignment is a W-2 employment already
//   conversion.not_active           kConflict: only a ready or active assignment converts (the message
//                                   names the status; before onboarding, change the PSR's type instead)
//   conversion.effective_before_start / conversion.effective_after_end / conversion.time_locked
//                                   kInvalid, field "effective_date"
//   conversion.not_high_risk        kInvalid, field "reason": no high-risk determination to rely on
//   conversion.note_required        kInvalid, field "note": a coordinator's decision says why
Status CheckConversion(const ConversionFacts& facts);

// The employee checklist a converted worker owes: GenerateChecklist() for a W-2 employee in the work
// country × state starting on the effective date (I-9 Section 1 due that day, Section 2 three business
// days later, W-4, the state's withholding certificate). A background check the contractor's checklist
// already has done (or waived) is carried over as done; the programme's requirement adds it otherwise.
// Errors are GenerateChecklist's (a W-2 employee abroad has no template: onboarding.no_template).
Result<Checklist> ConversionChecklist(const OnboardingProfile& employee, const Checklist& contractor_checklist,
                                      const BusinessCalendar& calendar);

// The gate on the new period: a timecard week (Monday `week_start`) with any day on or after the
// effective date is refused while the employee checklist misses anything (`missing`, its titles):
// conversion.onboarding_incomplete, kConflict, one field error per item. Weeks wholly before it pass.
Status ConversionTimecardGate(Date effective_date, Date week_start, const std::vector<std::string>& missing);

// One entry of a worker's history of types: `type` from `from` on.
struct WorkerTypeChange {
  Date from;
  WorkerType type;
};

// The type in force on `date` (the latest change on or before it); `fallback` before the first change.
WorkerType WorkerTypeOn(const std::vector<WorkerTypeChange>& history, Date date, WorkerType fallback);

}  // namespace concord::workforce
