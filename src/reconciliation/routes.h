// HTTP routes of reconciliation work under /api/v1/reconciliation: specs, input files, runs and their
// exception items (assign, resolve, accept, export), and the weekly-audit schedule of a spec.
#pragma once

#include "reconciliation/service.h"
#include "server/router.h"

namespace concord::reconciliation {

void InstallRoutes(http::Router& router, ReconciliationService& service);

}  // namespace concord::reconciliation
