#include "workforce/payroll_ticket.h"

#include <algorithm>

#include "workforce/holidays.h"

namespace concord::workforce {

Result<std::string> PayrollTicketTransition(const std::string& status, const std::string& action) {
  struct Move {
    const char* action;
    std::vector<std::string> from;
    const char* to;
  };
  static const std::vector<Move> kMoves = {
      {"send_to_payroll", {"open", "awaiting_worker", "awaiting_client"}, "sent_to_payroll"},
      {"await_worker", {"open", "sent_to_payroll", "awaiting_client"}, "awaiting_worker"},
      {"await_client", {"open", "sent_to_payroll", "awaiting_worker"}, "awaiting_client"},
      {"resolve", {"open", "sent_to_payroll", "awaiting_worker", "awaiting_client"}, "resolved"},
      {"reopen", {"resolved"}, "open"},
  };
  for (const auto& m : kMoves) {
    if (action != m.action) continue;
    if (std::find(m.from.begin(), m.from.end(), status) != m.from.end()) return std::string(m.to);
    return Error::Conflict("payroll_ticket.transition",
                           "A ticket that is " + status + " cannot be moved by '" + action + "'.");
  }
  return Error::NotFound("payroll_ticket.action_unknown", "No ticket action '" + action + "'.");
}

Date DefaultPayrollDueDate(const std::string& kind, Date opened_on) {
  const bool owed_now = kind == "missing_pay" || kind == "final_pay" || kind == "wrong_rate";
  return FederalBusinessCalendar(opened_on.year()).AddBusinessDays(opened_on, owed_now ? 2 : 5);
}

bool PayrollFollowUpDue(const std::string& status, const std::optional<Date>& due_date, Date today) {
  return status != "resolved" && due_date && *due_date <= today;
}

std::string PayrollActionText(const std::string& action) {
  if (action == "send_to_payroll") return "sent to payroll";
  if (action == "await_worker") return "waiting on the worker";
  if (action == "await_client") return "waiting on the client";
  if (action == "resolve") return "resolved";
  if (action == "reopen") return "reopened";
  if (action == "open") return "opened";
  return "updated";
}

}  // namespace concord::workforce
