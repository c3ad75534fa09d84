// The messages a worker receives when their assignment changes (issue 4: "communicated to the worker (a
// message from a template, recorded on the worker's timeline)"; seed: "communicates start details with
// worker", "communications to workforce related to their change in assignment"). Templates use
// {{placeholders}} (core/text_template.h); an unknown placeholder is an error, never a blank.
//
// Pure. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/text_template.h"

namespace concord::workforce {

std::string_view ActivationTemplate();  // first-day details
std::string_view ExtensionTemplate();   // new end date (and new pay rate)
std::string_view RevisionTemplate();    // changes from an effective date
std::string_view ConversionTemplate();  // a contractor becomes an employee from an effective date

// worker.first_name, client.name, assignment.{title,start_date,end_date,manager_name,pay_rate,currency} from
// the records as the API shows them, plus `extra` (first_day_details, effective_date, rate_note).
Result<std::string> WorkerMessage(std::string_view text, const nlohmann::json& assignment,
                                  const nlohmann::json& worker, const TemplateValues& extra = {});

}  // namespace concord::workforce
