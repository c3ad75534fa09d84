// Payroll escalations (seed 000: "Coordinates with Payroll as necessary for payroll escalations and
// tickets; conducts research … follow up to ensure timely completion"). A ticket on a worker (and
// optionally one assignment): what kind of pay problem, the pay period, the amount in question, the
// coordinator's research, and where it stands. The pure rules: the kinds, the states and which action
// moves a ticket where, and when its follow-up falls due.
//
// Pure. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

inline const std::vector<std::string> kPayrollTicketKinds = {"missing_pay", "wrong_rate", "final_pay",
                                                             "deduction",   "tax_form",   "direct_deposit",
                                                             "other"};
// open → sent_to_payroll → awaiting_worker | awaiting_client → … → resolved (→ reopened to open).
inline const std::vector<std::string> kPayrollTicketStatuses = {"open", "sent_to_payroll", "awaiting_worker",
                                                                "awaiting_client", "resolved"};
inline const std::vector<std::string> kPayrollTicketActions = {"send_to_payroll", "await_worker", "await_client",
                                                               "resolve", "reopen"};

// The state `action` moves a ticket in `status` to, or 409 "payroll_ticket.transition" naming both.
Result<std::string> PayrollTicketTransition(const std::string& status, const std::string& action);

// The first follow-up of a new ticket: money the worker is owed now (missing pay, final pay, wrong rate)
// is chased in two business days, anything else in five (weekends and federal holidays skipped).
Date DefaultPayrollDueDate(const std::string& kind, Date opened_on);

// A ticket needs a follow-up when it is not resolved and its due date is today or past.
bool PayrollFollowUpDue(const std::string& status, const std::optional<Date>& due_date, Date today);

// Words for the timeline: "sent to payroll", "waiting on the worker", "resolved", …
std::string PayrollActionText(const std::string& action);

}  // namespace concord::workforce
