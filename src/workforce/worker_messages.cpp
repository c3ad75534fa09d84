#include "workforce/worker_messages.h"

namespace concord::workforce {
namespace {

std::string Text(const nlohmann::json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string_view ActivationTemplate() {
  return "Hello {{worker.first_name}},\n\n"
         "Your assignment as {{assignment.title}} with {{client.name}} starts on {{assignment.start_date}}. "
         "Your manager is {{assignment.manager_name}}.\n\n{{first_day_details}}";
}

std::string_view ExtensionTemplate() {
  return "Hello {{worker.first_name}},\n\n"
         "Your assignment as {{assignment.title}} with {{client.name}} has been extended to "
         "{{assignment.end_date}}.{{rate_note}}";
}

std::string_view RevisionTemplate() {
  return "Hello {{worker.first_name}},\n\n"
         "From {{effective_date}} your assignment with {{client.name}} is: {{assignment.title}}, manager "
         "{{assignment.manager_name}}, pay rate {{assignment.pay_rate}} {{assignment.currency}} an hour.";
}

std::string_view ConversionTemplate() {
  return "Hello {{worker.first_name}},\n\n"
         "From {{effective_date}} your work as {{assignment.title}} with {{client.name}} continues as a W-2 "
         "employee of the firm instead of as an independent contractor. Before that day we need your Form I-9, "
         "Form W-4 and your state's withholding form; your coordinator will send you the links.";
}

Result<std::string> WorkerMessage(std::string_view text, const nlohmann::json& a, const nlohmann::json& w,
                                  const TemplateValues& extra) {
  TemplateValues values = {{"worker.first_name", Text(w, "first_name")},
                           {"client.name", Text(a, "client_name")},
                           {"assignment.title", Text(a, "title")},
                           {"assignment.start_date", Text(a, "start_date")},
                           {"assignment.end_date", Text(a, "end_date")},
                           {"assignment.manager_name", Text(a, "manager_name")},
                           {"assignment.pay_rate", Text(a, "pay_rate")},
                           {"assignment.currency", Text(a, "currency")},
                           {"first_day_details", ""},
                           {"effective_date", ""},
                           {"rate_note", ""}};
  for (const auto& [name, value] : extra) values[name] = value;
  return FillTemplate(text, values);
}

}  // namespace concord::workforce
