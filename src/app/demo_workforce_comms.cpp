#include "app/demo_workforce_comms.h"

#include <array>

namespace concord::app {
namespace {

using nlohmann::json;

struct TicketShape {
  const char* kind;
  const char* subject;
  const char* amount;
  const char* notes;
  std::vector<const char*> steps;  // actions after opening
};

const std::array<TicketShape, 6> kTickets = {{
    {"missing_pay", "Overtime missing from last check", "412.50",
     "Approved timecard shows 6.5 OT hours; the check paid regular hours only.", {"send_to_payroll"}},
    {"wrong_rate", "Paid at the old rate after the extension", "180.00",
     "Extension raised the pay rate from the 1st; payroll still has the old rate.", {"send_to_payroll", "await_client"}},
    {"final_pay", "Final check not received", "1630.75", "Last day worked last Friday; state deadline applies.", {}},
    {"deduction", "Unexpected benefits deduction", "64.20", "Worker waived medical at enrolment.",
     {"send_to_payroll", "await_worker"}},
    {"tax_form", "W-2 address correction", "", "Worker moved in March; W-2 went to the old address.",
     {"send_to_payroll", "resolve"}},
    {"direct_deposit", "Deposit returned by the bank", "975.00", "Account closed; new details requested.",
     {"await_worker"}},
}};

}  // namespace

Status AddCommsDemo(Platform& p, const auth::Principal& coordinator, const std::vector<json>& active, Date today) {
  auto& tickets = p.workforce_comms->payroll;
  for (size_t i = 0; i < kTickets.size() && i * 3 < active.size(); ++i) {
    const auto& shape = kTickets[i];
    const json& a = active[i * 3];
    const Date opened = today.AddDays(-static_cast<int>(2 * i));
    json input = {{"kind", shape.kind},
                  {"subject", shape.subject},
                  {"assignment_id", a["id"]},
                  {"pay_period_start", opened.AddDays(-14).ToString()},
                  {"pay_period_end", opened.AddDays(-8).ToString()},
                  {"research_notes", shape.notes}};
    if (*shape.amount) input["amount"] = shape.amount;
    json t = TRY(tickets.Open(coordinator, a["worker_id"].get<int64_t>(), input, opened, "demo"));
    for (const char* step : shape.steps) {
      json body = json::object();
      if (std::string(step) == "send_to_payroll") body["payroll_reference"] = "PAY-" + std::to_string(88200 + i);
      if (std::string(step) == "resolve") body["resolution"] = "Corrected W-2c mailed to the new address.";
      t = TRY(tickets.Act(coordinator, t["id"].get<int64_t>(), t["version"].get<int64_t>(), step, body, opened,
                          "demo"));
    }
  }
  return {};
}

}  // namespace concord::app
