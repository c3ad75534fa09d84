// Onboarding checklists (issue 4 "Onboarding"): generated from templates by worker type × jurisdiction, and
// the activation gate that lists what is still missing.
//
//   W-2 employee (US)     I-9 Section 1 and 2, W-4, the work state's withholding certificate (table below)
//   1099 contractor (US)  W-9, signed contract or SOW, classification determination (+ approval if escalated)
//   foreign contractor    W-8BEN, signed contract or SOW, classification determination (+ approval)
//   any, when the programme requires it: background check
//
// Pure: no clock, no I/O; the calendar is passed in. Thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

enum class WorkerType { kW2Employee, kContractor1099, kForeignContractor };

std::string_view ToString(WorkerType type);  // "w2_employee", "contractor_1099", "foreign_contractor"

// The state income-tax withholding certificate an employee gives the employer. `form` empty means the
// state asks for none (no income tax on wages: TX, FL, WA; a flat rate with no allowances: PA).
struct StateWithholding {
  std::string_view state;
  std::string_view form;   // "DE 4"
  std::string_view title;  // "Employee's Withholding Allowance Certificate"
  std::string_view citation;
};

struct StateWithholdingTable {
  std::string_view version;
  std::span<const StateWithholding> states;
  const StateWithholding* Find(std::string_view state) const;
};

const StateWithholdingTable& CurrentStateWithholdingTable();

struct ChecklistItem {
  std::string id;     // stable: "i9_section1", "w4", "state_withholding", "w9", …
  std::string title;  // "Form I-9 Section 1 (employee)"
  std::string citation;
  bool required_for_activation = true;
  std::optional<Date> due;  // where a rule sets a date (I-9 Section 2: three business days after the start)
  bool done = false;
  bool waived = false;  // an approver waived it; the reason lives with the audit event
};

struct Checklist {
  std::string template_version;
  std::vector<ChecklistItem> items;

  ChecklistItem* Find(std::string_view id);
  const ChecklistItem* Find(std::string_view id) const;
  // Marks an item done. Error "onboarding.unknown_item" (kNotFound) naming the id.
  Status MarkDone(std::string_view id);
};

struct OnboardingProfile {
  WorkerType worker_type = WorkerType::kW2Employee;
  std::string work_country = "US";                // ISO 3166-1 alpha-2
  std::string work_state;                         // USPS code; required for US employees
  Date start_date;                                // the first day of work
  bool background_check_required = false;         // the programme's instructions say so
  bool classification_approval_required = false;  // ClassificationResult::approval_required
};

// Builds the checklist. Errors (kInvalid):
//   onboarding.state_required   a US employee without work_state
//   onboarding.unknown_state    work_state not in the withholding table (the table is explicit, so an
//                               unknown state is a gap to fill, never a silent "no form")
//   onboarding.no_template      no template for the worker type × country (e.g. a W-2 employee abroad)
// `calendar` counts the business days of the I-9 Section 2 deadline.
Result<Checklist> GenerateChecklist(const OnboardingProfile& profile, const BusinessCalendar& calendar);

struct MissingItem {
  std::string id;
  std::string title;
  std::string citation;
};

// Items required for activation that are neither done nor waived, in checklist order. Empty = activation
// may proceed. Feed the titles to TransitionContext::missing_onboarding.
std::vector<MissingItem> MissingForActivation(const Checklist& checklist);
std::vector<std::string> MissingTitles(const Checklist& checklist);

}  // namespace concord::workforce
