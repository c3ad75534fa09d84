#include "workforce/separation_letter.h"

namespace concord::workforce {
namespace {

std::string Text(const nlohmann::json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string EndReasonText(const std::string& reason) {
  if (reason == "completed") return "the assignment was completed";
  if (reason == "client_ended") return "the client ended the assignment";
  if (reason == "resigned") return "you resigned";
  if (reason == "terminated") return "your employment was terminated";
  return "the assignment ended";
}

}  // namespace

std::string_view DefaultSeparationTemplate() {
  return "Dear {{worker.first_name}} {{worker.last_name}},\n\n"
         "This letter confirms that your assignment as {{assignment.title}} with {{client.name}}, which began on "
         "{{assignment.start_date}}, ended on {{assignment.last_day_worked}} because {{assignment.end_reason}}.\n\n"
         "{{final_pay.text}}\n\n"
         "Please submit your final timecard and any outstanding expenses, and return any equipment you were "
         "issued. If you have questions about your final pay, benefits or this letter, reply to this message or "
         "call your account coordinator.\n\n"
         "We thank you for your work.";
}

TemplateValues SeparationValues(const nlohmann::json& a, const nlohmann::json& w, const std::string& letter_date) {
  std::string final_pay;
  const nlohmann::json& fp = a.contains("final_pay") ? a["final_pay"] : nlohmann::json();
  if (fp.is_object() && fp.value("applies", false)) {
    final_pay = "Your final pay, including all wages earned through your last day, will be paid no later than " +
                Text(fp, "due_date") + " (" + Text(fp, "rule") + "; " + Text(fp, "citation") + ").";
  } else {
    final_pay = "Your final invoice is paid under the terms of your contract.";
  }
  return {{"worker.first_name", Text(w, "first_name")},
          {"worker.last_name", Text(w, "last_name")},
          {"assignment.title", Text(a, "title")},
          {"client.name", Text(a, "client_name")},
          {"assignment.start_date", Text(a, "start_date")},
          {"assignment.last_day_worked", Text(a, "last_day_worked")},
          {"assignment.end_reason", EndReasonText(Text(a, "end_reason"))},
          {"final_pay.text", final_pay},
          {"letter.date", letter_date}};
}

Result<pdf::Document> SeparationLetter(const nlohmann::json& a, const nlohmann::json& w,
                                       const std::string& letter_date, std::string_view text) {
  const std::string status = Text(a, "status");
  if (status != "ended" && status != "offboarded") {
    return Error::Conflict("separation.not_ended", "A separation letter follows the end of the assignment (it is " +
                                                       status + ").");
  }
  const TemplateValues values = SeparationValues(a, w, letter_date);
  pdf::Document doc;
  doc.title = "Separation letter";
  doc.subtitle = values.at("client.name") + " — " + letter_date;
  doc.author = "concord";
  doc.created = letter_date + "T00:00:00Z";
  doc.footer = "Assignment " + std::to_string(a.value("id", int64_t{0}));
  doc.blocks.push_back(pdf::Fields{{{"Worker", values.at("worker.first_name") + " " + values.at("worker.last_name")},
                                    {"Client", values.at("client.name")},
                                    {"Assignment", values.at("assignment.title")},
                                    {"Started", values.at("assignment.start_date")},
                                    {"Last day worked", values.at("assignment.last_day_worked")}}});
  doc.blocks.push_back(pdf::Paragraph{TRY(FillTemplate(text, values))});
  return doc;
}

}  // namespace concord::workforce
