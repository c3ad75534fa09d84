// The coordinator's communication records (issue 4, seed 000's escalation and communication duties):
// payroll tickets, chat messages imported onto the timeline, knowledge articles. Same shape as records.h:
// each table's TableMap and what a request may write.
#pragma once

#include "workforce/records.h"

namespace concord::workforce {

const TableMap& PayrollTicketTable();
// Create: kind, subject, optional assignment, pay period, amount, research notes, due date.
const InputSpec& PayrollTicketInput();
// A PATCH: what the research changes (notes, amount, period, due date, payroll's reference).
const InputSpec& PayrollTicketUpdateInput();

}  // namespace concord::workforce
