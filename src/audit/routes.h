// GET /api/v1/audit?entity=&id=&cursor=: the audit history, newest first, within the caller's scope.
#pragma once

#include "server/router.h"
#include "store/db.h"

namespace concord::audit {

void InstallRoutes(http::Router& router, store::Database& db);

}  // namespace concord::audit
