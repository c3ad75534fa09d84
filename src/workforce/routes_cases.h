// Service cases opened from workforce records: a worker, an assignment or a PSR can open a case linked to
// it (POST /api/v1/{workers|assignments|psrs}/{id}/cases) and lists its linked cases (GET on the same
// path). The record is read in the caller's scope first, so a record outside it is a 404 either way.
#pragma once

#include "server/router.h"
#include "service/desk.h"
#include "workforce/service.h"

namespace concord::workforce {

void InstallCaseRoutes(http::Router& router, WorkforceService& workforce, service::ServiceDesk& desk);

}  // namespace concord::workforce
