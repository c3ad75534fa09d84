// The communication API (comms.h): /api/v1/payroll-tickets…, /api/v1/workers/{id}/payroll-tickets, and
// /api/v1/workforce/chat-imports, /inbound-mail and timeline attachments, /api/v1/knowledge… and
// /api/v1/workers/{id}/level2-questions.
#pragma once

#include "server/router.h"
#include "workforce/comms.h"
#include "workforce/service.h"

namespace concord::workforce {

void InstallCommsRoutes(http::Router& router, WorkforceService& workforce, Comms& comms);

// Parts (one file each).
void InstallPayrollRoutes(http::Router& router, WorkforceService& workforce, PayrollTickets& tickets);
void InstallChannelRoutes(http::Router& router, TimelineImports& imports);
void InstallKnowledgeRoutes(http::Router& router, WorkforceService& workforce, KnowledgeBase& knowledge);

// `today` from the query (tests pin it), else the UTC date; 400 when it is not a date.
Result<Date> TodayFrom(const http::Request& request);

// OpenAPI component schemas of the communication records.
nlohmann::json CommsComponentSchemas();

}  // namespace concord::workforce
