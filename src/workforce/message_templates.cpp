#include "workforce/message_templates.h"

#include <map>

#include "workforce/reminders.h"
#include "workforce/separation_letter.h"
#include "workforce/worker_messages.h"

namespace concord::workforce {
namespace {

using Examples = std::vector<std::pair<std::string, std::string>>;

const Examples kAssignmentValues = {{"worker.first_name", "Maria"},
                                    {"client.name", "Harborview Logistics"},
                                    {"assignment.title", "Payroll Analyst"},
                                    {"assignment.start_date", "2026-11-02"},
                                    {"assignment.end_date", "2027-03-31"},
                                    {"assignment.manager_name", "Dana Reyes"},
                                    {"assignment.pay_rate", "45.00"},
                                    {"assignment.currency", "USD"}};

Examples With(Examples values, const Examples& more) {
  values.insert(values.end(), more.begin(), more.end());
  return values;
}

const Examples kReminderValues = {{"worker_name", "Maria Garcia"},   {"client_name", "Harborview Logistics"},
                                  {"assignment_title", "Payroll Analyst"}, {"manager_name", "Dana Reyes"},
                                  {"week_start", "2026-11-09"},      {"age_days", "6"},
                                  {"what", "timecard for the week of 2026-11-09"},
                                  {"reason", "Friday was a holiday"}};

TemplateValues ValuesOf(const TemplateKind& kind) {
  TemplateValues values;
  for (const auto& [name, example] : kind.placeholders) values[name] = example;
  return values;
}

// The error FillTemplate gives, told as a field error with the names that are allowed.
FieldError AsFieldError(const std::string& field, const TemplateKind& kind, const Error& error) {
  std::string message = error.message;
  if (error.code == "template.unknown_placeholder") {
    message += " Use one of:";
    for (const auto& [name, example] : kind.placeholders) message += " {{" + name + "}}";
    message += ".";
  }
  return {field, error.code, message};
}

}  // namespace

const std::vector<TemplateKind>& TemplateKinds() {
  static const std::vector<TemplateKind> kinds = [] {
    std::vector<TemplateKind> out;
    out.push_back({"activation", "Activation: first-day details to the worker", "Your assignment: activate",
                   std::string(ActivationTemplate()),
                   With(kAssignmentValues, {{"first_day_details", "Report to reception at 9:00 on Monday."}})});
    out.push_back({"extension", "Extension: the new end date (and rate) to the worker", "Your assignment: extend",
                   std::string(ExtensionTemplate()),
                   With(kAssignmentValues, {{"rate_note", " From 2027-04-01 your pay rate is 47.50."}})});
    out.push_back({"revision", "Revision: changes from an effective date to the worker", "Your assignment: revise",
                   std::string(RevisionTemplate()), With(kAssignmentValues, {{"effective_date", "2027-01-04"}})});
    out.push_back({"conversion", "Conversion: from contractor to employee (to the worker)",
                   "Your assignment: from contractor to employee", std::string(ConversionTemplate()),
                   With(kAssignmentValues, {{"effective_date", "2026-12-01"}})});
    const std::map<std::string, std::string> reminder_titles = {
        {"missing-timecards", "Reminder: missing timecard (to the worker)"},
        {"pending-approvals", "Reminder: timecard waiting for approval (to the manager)"},
        {"rejected", "Reminder: rejected time or expense (to the worker)"}};
    for (const auto& [report, title] : reminder_titles) {
      const auto& text = ReminderTemplates()[report];
      out.push_back({"reminder." + report, title, text["subject"].get<std::string>(), text["body"].get<std::string>(),
                     kReminderValues});
    }
    out.push_back({"separation_letter", "Separation letter (PDF)", "Separation letter",
                   std::string(DefaultSeparationTemplate()),
                   {{"worker.first_name", "Maria"},
                    {"worker.last_name", "Garcia"},
                    {"assignment.title", "Payroll Analyst"},
                    {"client.name", "Harborview Logistics"},
                    {"assignment.start_date", "2026-11-02"},
                    {"assignment.last_day_worked", "2027-03-31"},
                    {"assignment.end_reason", "the assignment was completed"},
                    {"final_pay.text",
                     "Your final pay, including all wages earned through your last day, will be paid no later than "
                     "2027-04-09 (next regular payday; Cal. Lab. Code §202)."},
                    {"letter.date", "2027-03-31"}}});
    return out;
  }();
  return kinds;
}

const TemplateKind* FindTemplateKind(const std::string& key) {
  for (const auto& kind : TemplateKinds()) {
    if (kind.key == key) return &kind;
  }
  return nullptr;
}

std::vector<FieldError> ValidateTemplate(const TemplateKind& kind, const TemplateText& text) {
  std::vector<FieldError> errors;
  const TemplateValues values = ValuesOf(kind);
  for (const auto& [field, value] : {std::pair{"subject", &text.subject}, std::pair{"body", &text.body}}) {
    if (auto filled = FillTemplate(*value, values); !filled.ok()) errors.push_back(AsFieldError(field, kind, filled.error()));
  }
  if (text.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"body", "field.required", "The template needs a body."});
  }
  return errors;
}

Result<TemplateText> PreviewTemplate(const TemplateKind& kind, const TemplateText& text) {
  if (auto errors = ValidateTemplate(kind, text); !errors.empty()) {
    return Error::Invalid("template.invalid", "The template has errors; see the fields.", std::move(errors));
  }
  const TemplateValues values = ValuesOf(kind);
  return TemplateText{TRY(FillTemplate(text.subject, values)), TRY(FillTemplate(text.body, values)), text.custom};
}

}  // namespace concord::workforce
