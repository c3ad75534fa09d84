// The service desk's HTTP routes: /api/v1/cases (+ timeline, SLA, merge, macros, reminders),
// /api/v1/queues, /api/v1/sla-policies, /api/v1/service-calendars, /api/v1/macros, inbound mail and
// the reports.
#pragma once

#include "server/router.h"
#include "service/desk.h"

namespace concord::service {

void InstallRoutes(http::Router& router, ServiceDesk& desk);
void InstallConfigRoutes(http::Router& router, ServiceDesk& desk);
void InstallReportRoutes(http::Router& router, ServiceDesk& desk);

}  // namespace concord::service
