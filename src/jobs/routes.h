// GET /api/v1/jobs/{id} (progress) and /api/v1/jobs/{id}/result (the file it produced).
// A job is visible to the user who started it and to administrators and managers; to others it is 404.
#pragma once

#include "server/router.h"
#include "store/db.h"

namespace concord::jobs {

void InstallRoutes(http::Router& router, store::Database& db);

}  // namespace concord::jobs
