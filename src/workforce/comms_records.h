// The coordinator's communication records (issue 4, seed 000's escalation and communication duties):
// payroll tickets and knowledge articles. Same shape as records.h:
// each table's TableMap and what a request may write.
#pragma once

#include "workforce/records.h"

namespace concord::workforce {

const TableMap& PayrollTicketTable();
// Create: kind, subject, optional assignment, pay period, amount, research notes, due date.
const InputSpec& PayrollTicketInput();
// A PATCH: what the research changes (notes, amount, period, due date, payroll's reference).
const InputSpec& PayrollTicketUpdateInput();

// Level-1 knowledge articles (knowledge.h): internal users see all; client users the published ones;
// workers none.
const TableMap& KnowledgeTable();
// title, topic, body, citations ([{label, url}]), status (draft / published).
const InputSpec& KnowledgeInput();

}  // namespace concord::workforce
