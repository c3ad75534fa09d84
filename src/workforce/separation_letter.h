// The separation letter (issue 4 "Ends"; seed: "assignment end notifications/ separation letters"): a
// template with {{placeholders}} filled from the ended assignment, its worker and its final-pay deadline,
// laid out as a PDF document. Pure: the caller renders the document (pdf::Render) and records it.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/text_template.h"
#include "pdf/pdf.h"

namespace concord::workforce {

// The firm's standard wording. Placeholders: worker.first_name, worker.last_name, assignment.title,
// client.name, assignment.start_date, assignment.last_day_worked, assignment.end_reason, final_pay.text,
// letter.date.
std::string_view DefaultSeparationTemplate();

// The values of the placeholders for an assignment record (as the API shows it) and its worker.
TemplateValues SeparationValues(const nlohmann::json& assignment, const nlohmann::json& worker,
                                const std::string& letter_date);

// The letter as a document. Errors: "separation.not_ended" (kConflict) before the assignment has ended;
// the template's own errors (an unknown placeholder names itself and its line:column).
Result<pdf::Document> SeparationLetter(const nlohmann::json& assignment, const nlohmann::json& worker,
                                       const std::string& letter_date,
                                       std::string_view text = DefaultSeparationTemplate());

}  // namespace concord::workforce
